/**
 * The composition root: the only place that reads the environment, binds a port and handles
 * signals. Config → logger → store → intents → orders → `createApp` → listen; on SIGTERM or
 * SIGINT it stops accepting, lets in-flight writes finish, and closes the database.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { DIST_DIR, loadBuiltAssets, type BuiltAssets } from './assets/built-assets.js';
import { ensureBuilt, MissingBuildError } from './assets/ensure-built.js';
import { connectRedis, RedisUnavailableError, type RedisConnection } from './cluster/redis-connection.js';
import { startIntentSync } from './cluster/intent-sync.js';
import { startPresence } from './cluster/presence.js';
import { startQueueSync } from './cluster/queue-sync.js';
import { createSocketAdapter } from './cluster/socket-adapter.js';
import { createTurnLocks } from './cluster/turn-locks.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { IntentLoadError } from './intents/load-intents.js';
import { createIntentSource, type IntentSource } from './intents/intent-source.js';
import { createLimiters } from './limits/limiters.js';
import { createLogger } from './logger.js';
import { createDemoOrderProvider, createHttpOrderProvider } from './orders/order-provider.js';
import { createPostgresStore, DatabaseUnavailableError } from './store/postgres-store.js';
import { createSqliteStore, sqliteFileIn } from './store/sqlite-store.js';
import { logCheckpointFaults } from './store/sqlite-durability.js';
import { describeStorageFault } from './store/storage-faults.js';
import type { Store } from './store/store.js';
import { WARM_UP_QUESTIONS, WARM_UP_TIMEOUT_MS, WARM_UP_WIDGETS_PER_APP, warmUpSocketPath } from './warm-start.js';

/** Both Redis connections of this node; unreachable at start exits 1 with one line naming REDIS_URL. */
async function openRedis(url: string, logger: Logger): Promise<RedisConnection> {
  try {
    return await connectRedis({ url, logger });
  } catch (error) {
    if (!(error instanceof RedisUnavailableError)) throw error;
    process.stderr.write(`relaydesk: REDIS_URL: ${error.message}\n`);
    process.exit(1);
  }
}

/** What this node shares with the others through Redis besides socket events: agent presence and intent edits. */
async function joinCluster(redis: RedisConnection, config: Config, store: Store, intents: IntentSource, logger: Logger) {
  const nodeId = randomUUID();
  const base = { redis, prefix: config.redisKeyPrefix, nodeId, logger };
  const presence = startPresence(base);
  const sync = await startIntentSync({ ...base, store, dir: config.intentsDir, intents });
  const queue = await startQueueSync(base);
  // REDIS_URL is refused without DATABASE_URL, so the database is PostgreSQL here.
  const turnLocks = await createTurnLocks({ url: config.databaseUrl ?? '', logger });
  const close = async () => void (await Promise.all([presence.close(), sync.close(), queue.close(), turnLocks.close()]));
  return { presence, intents: sync, queue, turnLocks, close };
}

/** PostgreSQL when DATABASE_URL is set (several nodes), else SQLite in DATA_DIR; an unreachable database exits 1 with one line. */
async function openStore(config: Config, logger: Logger): Promise<Store> {
  if (!config.databaseUrl) {
    try {
      mkdirSync(config.dataDir, { recursive: true });
      return await createSqliteStore({ file: sqliteFileIn(config.dataDir), onCheckpoint: logCheckpointFaults(logger) });
    } catch (error) {
      // An unwritable, wrong-kind or corrupt DATA_DIR is the operator's to fix: one line, no stack.
      const fault = describeStorageFault(error, config.dataDir);
      if (!fault) throw error;
      process.stderr.write(`relaydesk: DATA_DIR: ${fault}\n`);
      process.exit(1);
    }
  }
  try {
    return await createPostgresStore({ url: config.databaseUrl, poolSize: config.databasePoolSize, logger });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    process.stderr.write(`relaydesk: DATABASE_URL: ${error.message}\n`);
    process.exit(1);
  }
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`relaydesk: ${error.message}\n`);
    process.exit(1);
  }
  // SQLite is one node's file: nodes sharing socket events but not the data would lose conversations.
  if (config.redisUrl && !config.databaseUrl) {
    process.stderr.write('relaydesk: REDIS_URL: several nodes need a shared database; set DATABASE_URL (postgres://…) too, or unset REDIS_URL to run one node on SQLite\n');
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  let intents;
  try {
    intents = createIntentSource(config.intentsDir, logger);
  } catch (error) {
    if (!(error instanceof IntentLoadError)) throw error;
    process.stderr.write(`relaydesk: the intents in ${config.intentsDir} are invalid:\n${error.message}\n`);
    process.exit(1);
  }
  const store = await openStore(config, logger);
  const redis = config.redisUrl ? await openRedis(config.redisUrl, logger) : undefined;
  // A fresh clone builds its bundles here (esbuild, from devDependencies); after the store, so a
  // database or Redis that cannot be reached fails at once instead of after a build.
  let assets: BuiltAssets;
  try {
    await ensureBuilt({ log: (line) => process.stderr.write(line) });
    assets = loadBuiltAssets(DIST_DIR);
  } catch (error) {
    if (!(error instanceof MissingBuildError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const orders = config.orderApiUrl
    ? createHttpOrderProvider({ baseUrl: config.orderApiUrl, timeoutMs: config.orderApiTimeoutMs })
    : createDemoOrderProvider();
  const socketAdapter = redis && createSocketAdapter(redis, config.redisKeyPrefix);
  const cluster = redis && (await joinCluster(redis, config, store, intents, logger));
  // With Redis, every node counts against the same limits (SPEC §10); without it, in this process.
  const limits = redis && createLimiters(config.limits, { redis: redis.command, prefix: `${config.redisKeyPrefix}:limit` });
  // One clock for the real app and the warm-up apps: V8 then finds the same function behind every
  // `deps.clock()` the warm-up compiled, where a second one deoptimised it (warm-start.ts).
  const clock = () => new Date();
  const app = createApp({
    ...{ config, logger, store, intents, orders, clock, assets, socketAdapter, limits, runtimeMetrics: true },
    ...(cluster && { agentsOnline: cluster.presence.agentsOnline, onIntentSaved: cluster.intents.announce, queueChanges: cluster.queue, turnLocks: cluster.turnLocks }),
  });
  cluster?.presence.track(() => app.io.of('/agent').sockets.size);
  // SPEC §11: without SMTP_URL an agent's reply reaches only a shopper who comes back to the chat.
  if (!config.email) logger.info('reply emails are off: set SMTP_URL and MAIL_FROM to email agent replies a shopper missed');
  // ADMIN_EMAIL/ADMIN_PASSWORD create or update the ops account; a generated password goes to stdout once, never to the log.
  await app.auth.bootstrapAdmin(config.admin, logger, (line) => process.stdout.write(line));

  // Compiled before the first shopper arrives (warm-start.ts): throwaway apps on loopback, one after
  // the other, nothing real touched. Their per-IP limits admit every warm-up widget: all come from 127.0.0.1.
  const warmUpEnds = Date.now() + WARM_UP_TIMEOUT_MS; // one bound for all the apps together
  for (const widgets of WARM_UP_WIDGETS_PER_APP) {
    if (Date.now() >= warmUpEnds) break;
    const warmLimits = { ...config.limits, conversationsPerIpPerHour: widgets, socketsPerIp: widgets };
    const warmStore = await createSqliteStore({ file: ':memory:' });
    const warm = createApp({ config: { ...config, email: undefined, limits: warmLimits }, logger, store: warmStore, intents, orders: createDemoOrderProvider(), clock, assets });
    const warmedUp = await warmUpSocketPath(warm, widgets, warmUpEnds - Date.now());
    if (warmedUp.replies < widgets * WARM_UP_QUESTIONS.length) logger.warn({ conversations: warmedUp.conversationIds.length, replies: warmedUp.replies }, 'the warm-up got fewer bot replies than it asked for: the first shoppers may wait longer');
    await warm.close();
    await warmStore.close();
  }

  app.httpServer.listen(config.port, config.host, () => {
    const address = app.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port, storage: config.databaseUrl ? 'postgresql' : config.dataDir }, 'relaydesk listening');
    process.stdout.write(`RelayDesk on http://localhost:${port}  (storefront /, widget /widget.js, console /console)\n`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    intents.close();
    await app.close();
    await cluster?.close();
    await redis?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

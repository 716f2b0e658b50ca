/**
 * The composition root: the only place that reads the environment, binds a port and handles
 * signals. Config → logger → store → intents → orders → `createApp` → listen; on SIGTERM or
 * SIGINT it stops accepting, lets in-flight writes finish, and closes the database.
 */
import { mkdirSync } from 'node:fs';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { IntentLoadError } from './intents/load-intents.js';
import { createIntentSource } from './intents/intent-source.js';
import { createLogger } from './logger.js';
import { createDemoOrderProvider, createHttpOrderProvider } from './orders/order-provider.js';
import { createSqliteStore, sqliteFileIn } from './store/sqlite-store.js';

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`relaydesk: ${error.message}\n`);
    process.exit(1);
  }
  // Better to stop than to write a shop's conversations somewhere else than it asked for.
  if (config.databaseUrl || config.redisUrl) {
    const variable = config.databaseUrl ? 'DATABASE_URL' : 'REDIS_URL';
    process.stderr.write(`relaydesk: ${variable}: several-node storage is not built yet; unset it to use the embedded SQLite in DATA_DIR\n`);
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
  mkdirSync(config.dataDir, { recursive: true });
  const store = await createSqliteStore({ file: sqliteFileIn(config.dataDir) });
  const orders = config.orderApiUrl
    ? createHttpOrderProvider({ baseUrl: config.orderApiUrl, timeoutMs: config.orderApiTimeoutMs })
    : createDemoOrderProvider();
  // Imported here, not at the top: esbuild is only needed once the widget is first requested.
  const { buildWidget } = await import('../widget/build.js');
  const { buildConsole } = await import('./console/build.js');
  const app = createApp({ config, logger, store, intents, orders, clock: () => new Date(), buildWidget, buildConsole });
  // ADMIN_EMAIL/ADMIN_PASSWORD create or update the ops account; a generated password goes to stdout once, never to the log.
  await app.auth.bootstrapAdmin(config.admin, logger, (line) => process.stdout.write(line));

  app.httpServer.listen(config.port, config.host, () => {
    const address = app.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port, dataDir: config.dataDir }, 'relaydesk listening');
    process.stdout.write(`RelayDesk on http://localhost:${port}  (storefront /, widget /widget.js, console /console)\n`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    intents.close();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

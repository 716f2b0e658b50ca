/**
 * A disposable RelayDesk on port 0 for integration tests: a temporary SQLite file, the project's
 * intents, the demo orders, and a logger whose real JSON lines the test can read. `restart()`
 * re-listens on the same port with the same data folder (reconnect and durability tests).
 * `copyIntents: true` serves a watched temporary COPY of `intents/`, for tests that edit files.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { createIntentSource, type IntentSource } from '../../server/intents/intent-source.js';
import { createLogger } from '../../server/logger.js';
import { createDemoOrderProvider, type OrderProvider } from '../../server/orders/order-provider.js';
import { createSqliteStore, sqliteFileIn } from '../../server/store/sqlite-store.js';
import type { Store } from '../../server/store/store.js';
import { DIST_DIR, loadBuiltAssets } from '../../server/assets/built-assets.js';
import { INTENTS_DIR } from './intents.js';

export interface TestServer {
  url: string;
  port: number;
  app: App;
  store: Store;
  config: Config;
  dataDir: string;
  /** The intents folder the server reads (a temporary copy with `copyIntents`). */
  intentsDir: string;
  intents: IntentSource;
  /** Every JSON line the server logged, parsed. */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  orders?: OrderProvider;
  clock?: () => Date;
  dataDir?: string;
  /** Serve a temporary copy of `intents/`, watched for edits like a real server's; removed on close. */
  copyIntents?: boolean;
}

/**
 * Every test client comes from 127.0.0.1, so the per-IP limits are lifted unless a test sets
 * them (tests/integration/limits.test.ts does, with X-Forwarded-For and TRUST_PROXY).
 */
const PER_IP_LIMITS_OFF: Record<string, string> = {
  LIMIT_CONVERSATIONS_PER_IP: '1000000',
  LIMIT_SOCKETS_PER_IP: '1000000',
  LIMIT_LOGINS_PER_IP: '1000000',
};

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'relaydesk-test-'));
  // Always open: tests must not depend on the hour they run at, unless they ask for it.
  const intentsCopy = options.copyIntents ? mkdtempSync(join(tmpdir(), 'relaydesk-intents-')) : undefined;
  if (intentsCopy) cpSync(INTENTS_DIR, intentsCopy, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir, INTENTS_DIR: intentsCopy ?? INTENTS_DIR, LOG_LEVEL: 'info', BUSINESS_HOURS: 'Mon-Sun 00:00-24:00 UTC', PORT: '0', ...PER_IP_LIMITS_OFF, ...options.env });
  const rawLogs: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: config.logLevel, destination: { write: (line: string) => void (rawLogs.push(line), logs.push(JSON.parse(line))) } });
  // Only a private copy is watched: the project's own folder is shared by every test file.
  const intents = createIntentSource(config.intentsDir, logger, { watch: intentsCopy !== undefined });
  let store = await createSqliteStore({ file: sqliteFileIn(dataDir) });
  let port = 0;
  let app: App;

  const listen = async () => {
    app = createApp({
      config,
      logger,
      store,
      intents,
      orders: options.orders ?? createDemoOrderProvider(),
      clock: options.clock ?? (() => new Date()),
      // Built by the vitest global setup (tests/support/build-assets-once.ts).
      assets: loadBuiltAssets(DIST_DIR),
    });
    await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', resolve));
    port = (app.httpServer.address() as AddressInfo).port;
  };
  await listen();

  const server: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get app() {
      return app;
    },
    get store() {
      return store;
    },
    config,
    dataDir,
    intentsDir: config.intentsDir,
    intents,
    logs,
    rawLogs,
    async restart() {
      await app.close();
      await store.close();
      store = await createSqliteStore({ file: sqliteFileIn(dataDir) });
      await listen();
    },
    async close() {
      await app.close();
      await store.close();
      intents.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (intentsCopy) rmSync(intentsCopy, { recursive: true, force: true });
    },
  };
  return server;
}

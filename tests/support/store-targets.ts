/**
 * The two `Store` implementations the contract suite runs against (hono's one conformance table
 * for every router): SQLite on a temporary file and PostgreSQL on a fresh database per test run.
 * Each target opens as many stores (connections) on one database as a test asks for, starts every
 * test on an empty database, and names the database for the crash-writer child process.
 *
 * @example
 *   describe.each(STORE_TARGETS)('store on $name', (target) => {
 *     const db = useStoreTarget(target); // hooks: fresh database per test, stores closed after
 *     it('…', async () => { const store = await db.open(); … });
 *   });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createPostgresStore } from '../../server/store/postgres-store.js';
import { createSqliteStore } from '../../server/store/sqlite-store.js';
import type { Store } from '../../server/store/store.js';
import { createTestDatabase, requirePostgres, type TestDatabase } from './postgres.js';

export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  /** False when the engine is not there (the suite is skipped with a printed reason). */
  available: boolean;
}

const postgresAvailable = await requirePostgres();

/** SQLite always; PostgreSQL when it answers (a failure under REQUIRE_ALL=1 when it does not). */
export const STORE_TARGETS: StoreTarget[] = [
  { name: 'sqlite', available: true },
  { name: 'postgres', available: postgresAvailable },
];

export interface StoreHandle {
  /** Opens one more store on this test's database (a second node, or a reopen after close). */
  open(): Promise<Store>;
  /** Closes the stores opened so far (e.g. before reopening, as a restart does). */
  closeAll(): Promise<void>;
  /** What `store-crash-writer.ts` takes to open the same database: a file path or a postgres:// URL. */
  location(): string;
}

/**
 * Registers the hooks for one target inside its `describe`: an empty database before each test,
 * every opened store closed after it, the database dropped after the file.
 */
export function useStoreTarget(target: StoreTarget): StoreHandle {
  const opened: Store[] = [];
  let location = '';
  let database: TestDatabase | undefined;
  let dir: string | undefined;

  if (target.name === 'postgres') {
    beforeAll(async () => {
      if (target.available) database = await createTestDatabase();
    });
    afterAll(async () => {
      await database?.drop();
    });
  }
  beforeEach(async () => {
    if (target.name === 'postgres') {
      await database?.truncate();
      location = database?.url ?? '';
    } else {
      // A nested, not yet existing folder: the store must create it (DATA_DIR on a fresh machine).
      dir = mkdtempSync(join(tmpdir(), 'relaydesk-store-'));
      location = join(dir, 'data', 'relaydesk.sqlite');
    }
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return {
    async open() {
      const store = target.name === 'postgres' ? await createPostgresStore({ url: location }) : await createSqliteStore({ file: location });
      opened.push(store);
      return store;
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    },
    location: () => location,
  };
}

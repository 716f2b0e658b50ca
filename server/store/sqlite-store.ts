/**
 * Owns opening the embedded SQLite store (SPEC §8): the file and its folder, the durability
 * pragmas, the kysely `SqliteDialect` and the migrations; the queries live in `kysely-store.ts`.
 *
 * Durability: a write resolves only after its COMMIT. The hot-path writes (`sqlite-write-path.ts`)
 * share one transaction per event-loop turn (group commit). With `FULL` (our default) the WAL is on
 * disk before any promise settles, so an acknowledged message survives SIGKILL and also an OS crash
 * or power cut: every commit (a group commit's, or a kysely write's through `sqlite-dialect.ts`) is
 * fsynced right after COMMIT on the thread pool, and checkpoints run in a worker thread
 * (`sqlite-durability.ts`), so no disk wait blocks the event loop.
 * `NORMAL` survives a process crash only, and is faster.
 *
 * Open ONE store per file per process. better-sqlite3 waits for a lock synchronously, so a second
 * connection in the same process that meets the first one's open transaction blocks the event
 * loop that would finish it, until `busy_timeout` fails it. Other processes (the CLI) are fine, and
 * so is the checkpoint thread: a passive checkpoint never takes the write lock.
 *
 * @example const store = await createSqliteStore({ file: sqliteFileIn(config.dataDir) });
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createGroupCommit } from './group-commit.js';
import { createKyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import { DurableSqliteDialect } from './sqlite-dialect.js';
import { openSqliteDurability, type CheckpointReport } from './sqlite-durability.js';
import { createSqliteWritePath } from './sqlite-write-path.js';
import { createConversationCache } from './conversation-cache.js';
import type { Store } from './store.js';
import type { Tables } from './tables.js';

/** File name of the database inside `DATA_DIR`. */
export const SQLITE_FILE_NAME = 'relaydesk.sqlite';

/** The database file for a data folder. @example sqliteFileIn('./data') // → 'data/relaydesk.sqlite' */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, SQLITE_FILE_NAME);
}

/** The WAL file's size kept after it starts over: twice what starting over waits for (4,096 pages). */
const WAL_FILE_LIMIT_BYTES = 32 * 1024 * 1024;
/** SQLite's page cache per connection, in KiB (a negative `cache_size`). */
const PAGE_CACHE_KIB = 8000;

export interface SqliteStoreOptions {
  /** Path of the database file (its folder is created if missing), or `:memory:` for unit tests. */
  file: string;
  /** `FULL` (default): commits survive power loss; `NORMAL`: they survive a process crash only. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Observes each checkpoint of the WAL into the database file (tests, metrics). */
  onCheckpoint?: (report: CheckpointReport) => void;
  /** How often the checkpoint thread runs (default 250 ms). */
  checkpointEveryMs?: number;
  /** WAL frames after which writes pause for a checkpoint that starts the WAL over (default 4,096). */
  walRestartFrames?: number;
}

/**
 * Opens (or creates) the SQLite database, applies pending migrations and returns the store.
 *
 * @example
 *   const store = await createSqliteStore({ file: join(tmpdir(), 'relaydesk-test.sqlite') });
 *   await store.close();
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const database = new Database(options.file);
  // WAL lets readers run while a message is written; both values survive reopening the file.
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  database.pragma('foreign_keys = ON');
  // A CLI command or a second process may hold the write lock for a moment: wait, don't fail.
  database.pragma('busy_timeout = 5000');
  // An 8 MB page cache instead of better-sqlite3's 16 MB. Every COMMIT that follows a B-tree split
  // scans the whole cache's hash table (SQLite re-keys the new pages through the lock page's number,
  // `pcache1TruncateUnsafe`), so the scan costs half as much; pages that fell out are read back from
  // the OS's cache. perf at 10,000 widgets @ 3,000 msg/s: the scan 1.6–2.2 % of the event loop
  // instead of 3.1–3.7 %, `pread` 0.6 % instead of 0.4 % (docs/write-path-measurements.md).
  database.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // A file gets its WAL fsyncs and checkpoints off the event loop (`sqlite-durability.ts`): with FULL
  // every commit's promise waits for the fsync on the thread pool, so COMMIT itself need not sync.
  const durability =
    options.file === ':memory:'
      ? undefined
      : openSqliteDurability(options.file, { onCheckpoint: options.onCheckpoint, checkpointEveryMs: options.checkpointEveryMs, restartFrames: options.walRestartFrames });
  const whenDurable = (options.synchronous ?? 'FULL') === 'FULL' ? durability?.whenDurable : undefined;
  if (durability) database.pragma('wal_autocheckpoint = 0');
  // When the WAL starts over, the commit after it trims the file to this (the WAL reuses its space).
  database.pragma(`journal_size_limit = ${WAL_FILE_LIMIT_BYTES}`);
  if (whenDurable) database.pragma('synchronous = NORMAL');
  // Recently used conversation records; any write that bypasses the hot path empties it.
  const conversations = createConversationCache(database);
  const forget = () => conversations.clear();
  const commit = createGroupCommit(database, whenDurable, forget, durability?.holdBack);
  // The migrations' kysely is dropped, not destroyed: destroying it would close the shared connection.
  const store = createKyselyStore(new Kysely<Tables>({ dialect: new DurableSqliteDialect(database, whenDurable, forget) }));
  return {
    ...store,
    // The hot path: statements prepared once, writes grouped into one transaction per event-loop turn.
    ...createSqliteWritePath(database, commit, conversations),
    async close() {
      await commit.run(() => undefined); // the writes already queued commit before the file closes
      await durability?.close();
      await store.close();
    },
  };
}

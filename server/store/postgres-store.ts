/**
 * Owns opening the PostgreSQL store for several nodes (SPEC §8): a `pg` pool, the kysely
 * `PostgresDialect` and the migrations; the queries are the same ones SQLite runs
 * (`kysely-store.ts`), so both implement `Store` identically.
 *
 * The hot-path writes (messages, bot replies, conversation changes) go through group commit
 * (`postgres-group-commit.ts`): one transaction per batch, acknowledged after its COMMIT.
 *
 * Races between nodes are decided by PostgreSQL: a batch first locks its conversation rows
 * (`SELECT … FOR UPDATE`, in id order, so seq numbers never collide), a claim is one conditional UPDATE (read committed
 * re-checks the WHERE after waiting for the other writer, so exactly one wins), and two nodes
 * migrating at once are serialized by kysely's advisory lock.
 *
 * @example const store = await createPostgresStore({ url: 'postgres://relaydesk@db/relaydesk', logger });
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { createKyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import { createPostgresGroupCommit } from './postgres-group-commit.js';
import { createPostgresWritePath } from './postgres-write-path.js';
import type { Store } from './store.js';
import type { Tables } from './tables.js';

export interface PostgresStoreOptions {
  /** A postgres:// URL (DATABASE_URL). */
  url: string;
  /** Connections per node (DATABASE_POOL_SIZE, default 20: 10 measured a third slower under load; five nodes stay under PostgreSQL's default 100); each open transaction holds one. */
  poolSize?: number;
  /** Gives up on a connection attempt after this many milliseconds (an unreachable database at start fails fast). */
  connectTimeoutMs?: number;
  /** Where a dropped idle connection is reported; without it the pool's `error` event would crash the process. */
  logger?: Pick<Logger, 'warn'>;
}

/** A database that cannot be reached or migrated at start; `main.ts` prints it as one line. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Opens a pool on `url`: idle connections that break are logged and replaced, never thrown. */
export function createPostgresPool(options: PostgresStoreOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 20,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  // pg emits 'error' for a connection that dies while idle in the pool (database restarted,
  // network cut). Unhandled, that event kills the node; the next query simply opens a new one.
  // Message and code only: the error carries the whole pg client (connection parameters included).
  const lost = (error: Error & { code?: string }) =>
    options.logger?.warn({ err: { message: error.message, code: error.code } }, 'postgres connection lost; the pool reconnects on next use');
  pool.on('error', lost);
  // A connection that dies while checked out (mid-query, or between the query and its release)
  // emits 'error' on the client itself, where the pool does not listen: every client gets its own
  // listener. The query in flight fails on its own; its caller acks `internal`, a retryable error.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * Connects, applies pending migrations and returns the store. Throws `DatabaseUnavailableError`
 * when the database cannot be reached or migrated (the pool is closed again).
 *
 * @example
 *   const store = await createPostgresStore({ url: process.env.DATABASE_URL! });
 *   await store.close();
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = createPostgresPool(options);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Connect first, so an unreachable database reads as such rather than as a failed migration.
    await sql`select 1`.execute(db).catch((error: unknown) => {
      throw new DatabaseUnavailableError(`cannot connect: ${describeDatabaseError(error)}`, { cause: error });
    });
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(describeDatabaseError(error), { cause: error });
  }
  const commit = createPostgresGroupCommit(pool);
  const store = createKyselyStore(db);
  return {
    ...store,
    // The hot path: the writes of one event-loop turn in one transaction, five round trips a batch.
    ...createPostgresWritePath(commit),
    async close() {
      await commit.drain(); // the writes already queued commit before the pool closes
      await store.close();
    },
  };
}

/** A short cause without the URL (it may carry a password). @example 'connect ECONNREFUSED 127.0.0.1:5432' */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // AggregateError (IPv4 and IPv6 both refused) has an empty message; its parts name the address.
  if (error instanceof AggregateError && error.message === '') return error.errors.map(describeDatabaseError).join('; ');
  return error.message || error.name;
}

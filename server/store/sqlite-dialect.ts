/**
 * Owns kysely's access to the embedded SQLite file: kysely's own `SqliteDialect`, with a driver
 * whose writes wait for the WAL fsync off the event loop (`whenDurable`, `sqlite-durability.ts`)
 * instead of inside COMMIT on it. A statement that leaves no transaction open (an autocommitted
 * write, or COMMIT) resolves once it is on disk; statements inside a transaction, and reads, at once.
 * One connection, one query or transaction at a time (kysely's SQLite driver works the same way).
 * `wrote` hears of every statement that may have changed rows (COMMIT and ROLLBACK included), so
 * the hot path's cache of conversation records (`conversation-cache.ts`) can forget them.
 *
 * @example const db = new Kysely<Tables>({ dialect: new DurableSqliteDialect(database, durability.whenDurable) });
 */
import type { Database } from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { WhenDurable } from './sqlite-durability.js';

export class DurableSqliteDialect extends SqliteDialect {
  readonly #driver: Driver;

  constructor(database: Database, whenDurable?: WhenDurable, wrote?: () => void) {
    super({ database });
    this.#driver = new DurableSqliteDriver(database, whenDurable, wrote);
  }

  override createDriver(): Driver {
    return this.#driver;
  }
}

class DurableSqliteDriver implements Driver {
  readonly #connection: DatabaseConnection;
  #locked = false;
  readonly #waiting: Array<() => void> = [];

  constructor(private readonly database: Database, whenDurable?: WhenDurable, wrote?: () => void) {
    this.#connection = {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        const statement = database.prepare(query.sql);
        if (statement.reader) return { rows: statement.all(query.parameters) as R[] };
        let result;
        try {
          result = statement.run(query.parameters);
        } finally {
          wrote?.();
        }
        const { changes, lastInsertRowid } = result;
        // Committed (autocommit or COMMIT) with synchronous = NORMAL: on disk after the next fsync.
        if (whenDurable && !database.inTransaction) await whenDurable();
        return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
      },
      streamQuery: () => {
        throw new Error('streaming queries are not used on SQLite');
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: the next caller waits until the previous one released it (a transaction included).
    while (this.#locked) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#locked = true;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.#locked = false;
    this.#waiting.shift()?.();
  }

  async destroy(): Promise<void> {
    this.database.close();
  }
}

/**
 * PostgreSQL for tests: where the server is (`TEST_DATABASE_URL`, default the local trust-auth
 * cluster), whether it answers, a fresh database per test run (`relaydesk_test_<random>`, dropped
 * after) and the skip-or-fail rule of SPEC §2 (skip with a reason; under `REQUIRE_ALL=1` fail).
 *
 * @example
 *   const available = await requirePostgres();
 *   describe.skipIf(!available)('on PostgreSQL', () => { ... await createTestDatabase() ... });
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The maintenance connection that creates and drops test databases. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

let probe: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL answers, else why not. Probed once per test file. */
export function postgresProblem(): Promise<string | undefined> {
  probe ??= withAdmin((client) => client.query('select 1')).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message || error.name : String(error)),
  );
  return probe;
}

/**
 * For `describe.skipIf(!(await requirePostgres()))`: true when PostgreSQL answers; otherwise
 * prints why the tests are skipped, or throws under `REQUIRE_ALL=1` (CI), where a skip fails.
 */
export async function requirePostgres(): Promise<boolean> {
  const problem = await postgresProblem();
  if (problem === undefined) return true;
  const why = `PostgreSQL not reachable at TEST_DATABASE_URL (${new URL(TEST_DATABASE_URL).host}): ${problem}`;
  if (process.env.REQUIRE_ALL === '1') throw new Error(`${why}; REQUIRE_ALL=1 makes a skipped PostgreSQL test a failure (.ci/run starts it)`);
  console.warn(`${why}: PostgreSQL tests skipped`);
  return false;
}

export interface TestDatabase {
  /** A postgres:// URL of the new, empty database. */
  url: string;
  /** Deletes every row of every table the migrations made (keeps the schema): a clean slate per test. */
  truncate(): Promise<void>;
  /** Drops the database, closing any connection still open on it. */
  drop(): Promise<void>;
}

/** Creates `relaydesk_test_<random>`; other helpers' and runs' databases never collide with it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `relaydesk_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async truncate() {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ tablename: string }>(
          "select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_migration%'",
        );
        if (rows.length > 0) await client.query(`truncate ${rows.map((row) => `"${row.tablename}"`).join(', ')} cascade`);
      } finally {
        await client.end();
      }
    },
    async drop() {
      // WITH (FORCE) (PostgreSQL 13+) ends a killed node's connections that would otherwise block the drop.
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

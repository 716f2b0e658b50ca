// Unit tests of the migration list: applied in order on an in-memory SQLite database, idempotent,
// and guarded against a list that would apply in a different order than it reads.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToLatest, type NamedMigration } from '../../server/store/migrations.js';

const databases: Kysely<any>[] = [];

function memoryDb(): Kysely<any> {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  databases.push(db);
  return db;
}

const noop = (name: string): NamedMigration => ({ name, up: async () => {} });

afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.destroy()));
});

describe('MIGRATIONS', () => {
  it('is a non-empty list with increasing, zero-padded names', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    for (const migration of MIGRATIONS) expect(migration.name).toMatch(/^\d{4}_[a-z0-9_]+$/);
    expect([...MIGRATIONS.map((m) => m.name)].sort()).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('creates the conversations and messages tables, and running twice changes nothing', async () => {
    const db = memoryDb();
    await migrateToLatest(db);
    await migrateToLatest(db);
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
    expect(tables.rows.map((row) => row.name)).toEqual(expect.arrayContaining(['conversations', 'messages']));
    const applied = await db.selectFrom('kysely_migration').select('name').execute();
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('rejects a list out of name order or with duplicates before touching the database', async () => {
    const db = memoryDb();
    await expect(migrateToLatest(db, [noop('0002_b'), noop('0001_a')])).rejects.toThrow(/increasing name order/);
    await expect(migrateToLatest(db, [noop('0001_a'), noop('0001_a')])).rejects.toThrow(/without duplicates/);
  });

  it('names the migration that failed', async () => {
    const failing: NamedMigration = { name: '9999_broken', up: async (db) => void (await sql`create tabel x (id text)`.execute(db)) };
    await expect(migrateToLatest(memoryDb(), [...MIGRATIONS, failing])).rejects.toThrow(/store migration 9999_broken failed/);
  });
});

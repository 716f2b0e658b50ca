// Group commit on PostgreSQL (server/store/postgres-group-commit.ts): the writes of one event-loop
// turn share one transaction; one failing write (unknown conversation, or a row the database
// refuses) fails alone while the others commit; nothing is acknowledged before COMMIT, so a
// connection killed inside a batch leaves nothing acknowledged and nothing stored; two nodes'
// batches over the same conversations never deadlock.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresGroupCommit, type PostgresGroupCommit } from '../../server/store/postgres-group-commit.js';
import { createPostgresPool, createPostgresStore } from '../../server/store/postgres-store.js';
import { createPostgresWritePath } from '../../server/store/postgres-write-path.js';
import type { Store } from '../../server/store/store.js';
import { createTestDatabase, requirePostgres, type TestDatabase } from '../support/postgres.js';

const NOW = '2026-11-29T12:00:00.000Z';

describe.skipIf(!(await requirePostgres()))('group commit on PostgreSQL', () => {
  let database: TestDatabase;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await (await createPostgresStore({ url: database.url })).close(); // migrates
  });
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    await database.truncate();
  });
  afterAll(async () => {
    await database.drop();
  });

  /** A write path on its own pool (a node), with the size of every batch it commits. */
  function node() {
    const pool = createPostgresPool({ url: database.url });
    const commit: PostgresGroupCommit = createPostgresGroupCommit(pool);
    const batches: number[] = [];
    commit.onBatch((size) => batches.push(size));
    cleanups.push(() => commit.drain().then(() => pool.end()));
    return { pool, write: createPostgresWritePath(commit), batches };
  }

  async function admin(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    cleanups.push(() => client.end());
    return client;
  }

  const say = (write: Pick<Store, 'recordCustomerMessage'>, conversationId: string, text: string) =>
    write.recordCustomerMessage({ message: { conversationId, from: 'customer', text, clientId: text, at: NOW }, update: () => ({ intent: 'logistics' }), turnWhen: ['bot'] });

  async function texts(client: pg.Client, conversationId: string): Promise<Array<[number, string]>> {
    const { rows } = await client.query<{ seq: number; text: string }>('select seq, text from messages where conversation_id = $1 order by seq', [conversationId]);
    return rows.map((row) => [row.seq, row.text]);
  }

  it('commits the writes of one turn in one batch; an unknown conversation fails alone', async () => {
    const { write, batches } = node();
    await write.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
    batches.length = 0;
    const results = await Promise.allSettled([say(write, 'a', 'one'), say(write, 'missing', 'two'), say(write, 'a', 'three')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { code: 'not_found' } });
    expect(batches).toEqual([3]);
    expect(await texts(await admin(), 'a')).toEqual([[1, 'one'], [2, 'three']]);
  });

  it('fails a row the database refuses alone (a savepoint per write), and commits the others', async () => {
    const { write } = node();
    await write.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
    // A second conversation with the same token hash breaks a unique constraint inside the batch.
    const results = await Promise.allSettled([
      say(write, 'a', 'one'),
      write.createConversation({ id: 'b', tokenHash: 'ha', customerKey: 'k', now: NOW }),
      write.createConversation({ id: 'c', tokenHash: 'hc', customerKey: 'k', now: NOW }),
      say(write, 'a', 'two'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const client = await admin();
    expect(await texts(client, 'a')).toEqual([[1, 'one'], [2, 'two']]);
    const { rows } = await client.query<{ id: string }>('select id from conversations order by id');
    expect(rows.map((row) => row.id)).toEqual(['a', 'c']);
    expect((await client.query('select 1 from bot_turns')).rowCount).toBe(2);
  });

  it('acknowledges nothing before COMMIT: a connection killed inside the batch leaves nothing acked or stored', async () => {
    const { write } = node();
    await write.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
    await write.createConversation({ id: 'b', tokenHash: 'hb', customerKey: 'k', now: NOW });
    // Another session holds conversation b: the batch (a and b together) waits inside its transaction.
    const blocker = await admin();
    await blocker.query('begin');
    await blocker.query("select 1 from conversations where id = 'b' for update");
    let settled = 0;
    const writes = Promise.allSettled([say(write, 'a', 'for a'), say(write, 'b', 'for b')].map((promise) => promise.finally(() => (settled += 1))));
    const observer = await admin();
    let waiting: number | undefined;
    for (let i = 0; i < 100 && waiting === undefined; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await observer.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
      waiting = rows[0]?.pid;
    }
    expect(waiting).toBeDefined();
    expect(settled).toBe(0); // a is written to nobody: its batch has not committed
    expect(await texts(observer, 'a')).toEqual([]);

    await observer.query('select pg_terminate_backend($1)', [waiting]);
    const results = await writes;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await blocker.query('rollback');
    expect(await texts(observer, 'a')).toEqual([]);
    expect(await texts(observer, 'b')).toEqual([]);

    // The next batch runs on a fresh connection; the shopper's retry (same clientId) is stored once.
    await expect(say(write, 'a', 'for a')).resolves.toMatchObject({ duplicate: false, message: { seq: 1 } });
    expect(await texts(observer, 'a')).toEqual([[1, 'for a']]);
  });

  it('never deadlocks two nodes writing to the same conversations in opposite orders; seqs stay consecutive', async () => {
    const [one, two] = [node(), node()];
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    for (const id of ids) await one.write.createConversation({ id, tokenHash: `h-${id}`, customerKey: 'k', now: NOW });
    const rounds = [0, 1, 2, 3];
    await Promise.all(
      rounds.flatMap((round) => [
        ...ids.map((id) => say(one.write, id, `one-${round}-${id}`)),
        ...[...ids].reverse().map((id) => say(two.write, id, `two-${round}-${id}`)),
      ]),
    );
    const client = await admin();
    for (const id of ids) expect((await texts(client, id)).map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('finishes a turn once when two completions share a batch, and once across two nodes', async () => {
    const [one, two] = [node(), node()];
    await one.write.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
    const { turn } = await say(one.write, 'a', 'where is 1002?');
    const finish = (who: string) => () => ({ reply: { from: 'bot' as const, text: `from ${who}`, at: NOW } });
    const results = await Promise.all([
      one.write.completeBotTurn(turn!.id, finish('one'), NOW),
      one.write.completeBotTurn(turn!.id, finish('one again'), NOW),
      two.write.completeBotTurn(turn!.id, finish('two'), NOW),
    ]);
    expect(results.filter((result) => result.completed)).toHaveLength(1);
    expect((await texts(await admin(), 'a')).map(([, text]) => text)).toEqual(['where is 1002?', results.find((r) => r.completed)!.reply!.text]);
  });
});

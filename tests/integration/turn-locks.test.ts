// Turn locks on real PostgreSQL (two nodes = two lock connections): while one node runs a
// conversation's turn the other cannot, other conversations are free, and when the holder's
// connection dies (a killed node) the lock is free at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTurnLocks, type TurnLocks } from '../../server/cluster/turn-locks.js';
import { createTestDatabase, requirePostgres, type TestDatabase } from '../support/postgres.js';

const quiet = { warn: () => {}, info: () => {} };

describe.skipIf(!(await requirePostgres()))('turn locks', () => {
  let database: TestDatabase;
  const opened: TurnLocks[] = [];
  const node = async () => {
    const locks = await createTurnLocks({ url: database.url, logger: quiet });
    opened.push(locks);
    return locks;
  };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((locks) => locks.close()));
  });
  afterAll(async () => {
    await database.drop();
  });

  /** Starts `work` on `locks` holding conversation `id`; resolves `held` once inside, `finish()` lets it end. */
  function hold(locks: TurnLocks, id: string) {
    let finish!: () => void;
    let inside!: () => void;
    const held = new Promise<void>((resolve) => (inside = resolve));
    const done = locks.withConversation(id, () => new Promise<void>((resolve) => ((finish = resolve), inside())));
    return { held, done, finish: () => finish() };
  }

  it('lets one node at a time run a conversation, and others run other conversations', async () => {
    const [a, b] = [await node(), await node()];
    const turn = hold(a, 'conv-1');
    await turn.held;
    let ranOnB = false;
    expect(await b.withConversation('conv-1', async () => void (ranOnB = true))).toBe(false);
    expect(ranOnB).toBe(false);
    expect(await b.withConversation('conv-2', async () => {})).toBe(true);
    turn.finish();
    expect(await turn.done).toBe(true);
    expect(await b.withConversation('conv-1', async () => {})).toBe(true);
  });

  it('frees the lock of a node whose connection dies', async () => {
    const [a, b] = [await node(), await node()];
    const turn = hold(a, 'conv-1');
    await turn.held;
    expect(await b.withConversation('conv-1', async () => {})).toBe(false);
    // What SIGKILL of node A does to its session: PostgreSQL ends it and drops its locks.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and pid <> pg_backend_pid()`);
    await admin.end();
    // pg_terminate_backend signals the session; it ends a moment later.
    const deadline = Date.now() + 2_000;
    while (!(await b.withConversation('conv-1', async () => {}))) {
      expect(Date.now(), 'the lock was freed within 2 s').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    turn.finish();
    await turn.done;
  });
});

// `npm start` on PostgreSQL (DATABASE_URL): the real server process keeps a conversation across
// SIGKILL on the shared database, and refuses to start with one line when the database or Redis
// is unreachable or when REDIS_URL comes without DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeClients, connectCustomer, fromBot, nextMessage } from '../support/socket-client.js';
import pg from 'pg';
import { createTestDatabase, requirePostgres, TEST_DATABASE_URL, type TestDatabase } from '../support/postgres.js';
import { spawnServer } from '../support/spawn-server.js';
import { MAX_SEND_ATTEMPTS } from '../../widget/outbox.js';

const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-pg-server-'));
afterEach(() => closeClients());
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('start-up refusals', () => {
  it('refuses REDIS_URL without DATABASE_URL with one line, exit 1', async () => {
    const start = spawnServer({ DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:6379' });
    await expect(start).rejects.toThrow(/relaydesk: REDIS_URL: .*DATABASE_URL/);
  });

  it('names DATABASE_URL when the database cannot be reached, exit 1, no stack trace', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const start = spawnServer({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://relay:s3cret@127.0.0.1:1/relaydesk' });
    const error = await start.then(() => undefined, (reason: Error) => reason);
    const output = error?.message.replace(/^server exited before listening:\n/, '') ?? '';
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^relaydesk: DATABASE_URL: cannot connect: .*ECONNREFUSED/)]);
    expect(output).not.toContain('s3cret');
  });
});

describe.skipIf(!(await requirePostgres()))('one node on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('names REDIS_URL when Redis cannot be reached, exit 1', async () => {
    const start = spawnServer({ DATA_DIR: dataDir, DATABASE_URL: database.url, REDIS_URL: 'redis://127.0.0.1:1' });
    const error = await start.then(() => undefined, (reason: Error) => reason);
    const output = error?.message.replace(/^server exited before listening:\n/, '') ?? '';
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^relaydesk: REDIS_URL: cannot connect: .*ECONNREFUSED/)]);
  });

  it('stores the conversation in DATABASE_URL and finds every message after SIGKILL and a restart', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: database.url });
    const { socket, session } = await connectCustomer(first.url);
    const reply = nextMessage(socket, fromBot);
    const ack = await socket.emitWithAck('message', { clientId: 'm1', text: 'where is my order 1002?' });
    expect(ack.ok).toBe(true);
    await reply;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    closeClients();

    const second = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: database.url });
    try {
      const resumed = await connectCustomer(second.url, { token: session.token });
      expect(resumed.session.conversationId).toBe(session.conversationId);
      expect(resumed.session.messages.map((m) => m.from)).toEqual(['customer', 'bot']);
      expect(resumed.session.messages[0]?.text).toBe('where is my order 1002?');
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 60_000); // two server starts: several seconds each on a loaded CI machine

  it('refuses messages with a retryable internal ack while the database is unreachable, and stores the retry once it returns', async () => {
    const node = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: database.url });
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const { socket, session } = await connectCustomer(node.url);
      expect((await socket.emitWithAck('message', { clientId: 'before', text: 'hello' })).ok).toBe(true);
      // The database goes away: no new connection is allowed (superusers included), open ones are ended.
      await admin.query(`alter database ${name} allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      const refused = await socket.timeout(15_000).emitWithAck('message', { clientId: 'during', text: 'is anyone there?' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });

      await admin.query(`alter database ${name} allow_connections true`);
      // Resent as the widget does (widget/outbox.ts): a pooled connection the termination has not
      // reached yet may still fail the first try with `internal`; within its attempts it is stored.
      let retried = await socket.timeout(15_000).emitWithAck('message', { clientId: 'during', text: 'is anyone there?' });
      for (let attempt = 2; attempt <= MAX_SEND_ATTEMPTS && !retried.ok; attempt++) {
        expect(retried).toMatchObject({ ok: false, error: { code: 'internal' } });
        await new Promise((resolve) => setTimeout(resolve, 200));
        retried = await socket.timeout(15_000).emitWithAck('message', { clientId: 'during', text: 'is anyone there?' });
      }
      expect(retried).toMatchObject({ ok: true, duplicate: false });
      const resumed = await connectCustomer(node.url, { token: session.token });
      expect(resumed.session.messages.filter((m) => m.from === 'customer').map((m) => m.text)).toEqual(['hello', 'is anyone there?']);
    } finally {
      await admin.query(`alter database ${name} allow_connections true`).catch(() => undefined);
      await admin.end();
      if (process.env.SHOW_NODE_OUTPUT) console.log(node.output());
      node.child.kill('SIGTERM');
      await node.exited;
    }
  }, 60_000);
});

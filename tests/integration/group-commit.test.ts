// Group commit on SQLite (server/store/group-commit.ts): writes that arrive together share one
// transaction and are acknowledged only after it commits; a SIGKILL inside a batch loses exactly
// the unacknowledged batch; one failing write does not fail its neighbours.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Kysely } from 'kysely';
import { createGroupCommit } from '../../server/store/group-commit.js';
import { DurableSqliteDialect } from '../../server/store/sqlite-dialect.js';
import { createWhenDurable, openSqliteDurability, type CheckpointReport } from '../../server/store/sqlite-durability.js';
import { createSqliteStore } from '../../server/store/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'relaydesk-group-commit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = '2026-11-29T12:00:00.000Z';

describe('group commit', () => {
  it('keeps every acknowledged write and nothing of the batch a SIGKILL interrupted', async () => {
    const file = join(dir, 'crash.sqlite');
    const writer = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'group-commit-crash-writer.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    writer.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signal = await new Promise((resolve) => writer.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    const acked = output.split('\n').filter((line) => line.startsWith('acked ')).map((line) => line.slice('acked '.length));
    // Rounds 1–4 were acknowledged in full; round 5 died inside its transaction, before any ack.
    expect(acked).toHaveLength(40);
    expect(acked.some((text) => text.startsWith('r5 '))).toBe(false);

    const db = new Database(file, { readonly: true });
    const stored = (db.prepare("select text from messages order by text").all() as Array<{ text: string }>).map((row) => row.text);
    const turns = (db.prepare('select count(*) as n from bot_turns').get() as { n: number }).n;
    db.close();
    expect(stored).toEqual([...acked].sort());
    expect(turns).toBe(40); // each stored message has its pending turn, committed with it
  });

  it('rejects a write to an unknown conversation alone, and commits the others of its batch', async () => {
    const store = await createSqliteStore({ file: join(dir, 'isolation.sqlite') });
    try {
      await store.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
      const write = (conversationId: string, clientId: string) =>
        store.recordCustomerMessage({ message: { conversationId, from: 'customer', text: clientId, clientId, at: NOW }, update: () => ({}), turnWhen: ['bot'] });
      const results = await Promise.allSettled([write('a', 'one'), write('missing', 'two'), write('a', 'three')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await store.listMessages('a')).map((m) => [m.seq, m.text])).toEqual([[1, 'one'], [2, 'three']]);
      // The batch ran twice (first without savepoints): what the store keeps and caches is the second run's, once.
      expect((await store.listPendingBotTurns()).map((turn) => turn.message.text)).toEqual(['one', 'three']);
      expect((await store.getConversation('a'))?.preview).toBe('three');
    } finally {
      await store.close();
    }
  });

  it('finishes a bot turn exactly once: a second completion writes nothing', async () => {
    const store = await createSqliteStore({ file: join(dir, 'once.sqlite') });
    try {
      await store.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
      const { turn } = await store.recordCustomerMessage({
        message: { conversationId: 'a', from: 'customer', text: 'hi', clientId: 'c1', at: NOW },
        update: () => ({}),
        turnWhen: ['bot'],
      });
      expect(turn).toBeDefined();
      expect(await store.listPendingBotTurns()).toHaveLength(1);
      const finish = () => ({ reply: { from: 'bot' as const, text: 'hello', at: NOW } });
      const [first, second] = await Promise.all([store.completeBotTurn(turn!.id, finish, NOW), store.completeBotTurn(turn!.id, finish, NOW)]);
      expect([first.completed, second.completed]).toEqual([true, false]);
      expect((await store.listMessages('a')).map((m) => m.from)).toEqual(['customer', 'bot']);
      expect(await store.listPendingBotTurns()).toHaveLength(0);
    } finally {
      await store.close();
    }
  });

  it('pages messages back to the first: the last 100, then 100 before, then the rest', async () => {
    const store = await createSqliteStore({ file: join(dir, 'pages.sqlite') });
    try {
      await store.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
      await Promise.all(Array.from({ length: 250 }, (_, i) => store.appendMessage({ conversationId: 'a', from: 'customer', text: `m${i + 1}`, clientId: `c${i}`, at: NOW })));
      const last = await store.listMessagePage('a', 100);
      expect([last.messages[0]?.seq, last.messages.at(-1)?.seq, last.messages.length, last.earlier]).toEqual([151, 250, 100, true]);
      const middle = await store.listMessagePage('a', 100, 151);
      expect([middle.messages[0]?.seq, middle.messages.at(-1)?.seq, middle.earlier]).toEqual([51, 150, true]);
      const first = await store.listMessagePage('a', 100, 51);
      expect([first.messages[0]?.seq, first.messages.at(-1)?.seq, first.earlier]).toEqual([1, 50, false]);
    } finally {
      await store.close();
    }
  });

  it('settles batches only after a WAL fsync covering them, in commit order, and refuses them when it fails', async () => {
    const database = new Database(join(dir, 'fsync.sqlite'));
    database.pragma('journal_mode = WAL');
    database.exec('create table notes (text text)');
    const syncs: Array<(error: Error | null) => void> = [];
    const commit = createGroupCommit(database, createWhenDurable((done) => void syncs.push(done)));
    const insert = database.prepare('insert into notes (text) values (?)');
    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
    try {
      const settled: string[] = [];
      const early: number[] = [];
      const first = commit.run(() => insert.run('one').changes, (changes) => early.push(changes)).then(() => settled.push('one'));
      await tick();
      // Committed (another batch could read it) but not yet on disk: only the early observer knows.
      expect(database.prepare('select count(*) as n from notes').get()).toEqual({ n: 1 });
      expect([early, settled, syncs.length]).toEqual([[1], [], 1]);
      // A batch committed while that fsync runs starts a second one at once.
      const second = commit.run(() => insert.run('two')).then(() => settled.push('two'));
      await tick();
      expect(syncs).toHaveLength(2);
      // The second fsync covers both batches: both settle, the older first.
      syncs[1]!(null);
      await Promise.all([first, second]);
      expect(settled).toEqual(['one', 'two']);
      const third = commit.run(() => insert.run('three'));
      await tick();
      expect(syncs).toHaveLength(3);
      syncs[2]!(new Error('EIO'));
      await expect(third).rejects.toThrow('EIO');
      syncs[0]!(null); // the first fsync finishing late changes nothing
    } finally {
      database.close();
    }
  });

  it('asks for one fsync for a batch and the reply its COMMIT queued, and under steady load still asks at once', async () => {
    const database = new Database(join(dir, 'shared-fsync.sqlite'));
    database.pragma('journal_mode = WAL');
    database.exec('create table notes (text text)');
    const syncs: Array<(error: Error | null) => void> = [];
    let requested = 0;
    const commit = createGroupCommit(database, createWhenDurable((done) => void (requested++, syncs.push(done))));
    const insert = database.prepare('insert into notes (text) values (?)');
    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
    /** Finishes every fsync asked for until `work` settles. */
    async function syncUntil(work: Promise<unknown>): Promise<void> {
      let settled = false;
      void work.then(() => (settled = true));
      for (let round = 0; round < 50 && !settled; round += 1) {
        for (const done of syncs.splice(0)) done(null);
        await tick();
      }
      expect(settled).toBe(true);
    }
    try {
      // A shopper's message: at its COMMIT the bot turn starts and, a few promises later, queues its reply.
      let reply: Promise<unknown> | undefined;
      const message = commit.run(
        () => insert.run('message'),
        () =>
          queueMicrotask(() => {
            reply = commit.run(() => insert.run('reply'));
          }),
      );
      await tick();
      expect([reply !== undefined, requested]).toEqual([true, 1]); // one fsync covers the message and its reply
      await syncUntil(Promise.all([message, reply]));
      expect(requested).toBe(1);

      // Steady load: a batch is about to commit in every turn, yet the fsync is asked for (deferred once at most).
      requested = 0;
      const load: Array<Promise<unknown>> = [];
      let busy = true;
      const keepBusy = () => {
        if (!busy) return;
        load.push(commit.run(() => insert.run('load')));
        setImmediate(keepBusy);
      };
      keepBusy();
      await tick();
      busy = false;
      expect(requested).toBeGreaterThan(0);
      await syncUntil(Promise.all(load));
    } finally {
      database.close();
    }
  });

  it('checkpoints the WAL into the database file from its worker thread, not in a COMMIT', async () => {
    const reports: CheckpointReport[] = [];
    const file = join(dir, 'checkpoint.sqlite');
    const store = await createSqliteStore({ file, checkpointEveryMs: 20, onCheckpoint: (report) => reports.push(report) });
    try {
      await store.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
      for (let round = 0; round < 20; round += 1) {
        await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendMessage({ conversationId: 'a', from: 'customer', text: `m${round}.${i}`, clientId: `c${round}.${i}`, at: NOW })));
      }
      reports.length = 0; // from here on, a full checkpoint covers every message
      await expect.poll(() => reports.some((report) => report.log !== undefined && report.log > 0 && report.checkpointed === report.log), { timeout: 5000 }).toBe(true);
      expect(reports.filter((report) => report.error)).toEqual([]);
      // While the store is open, the database file alone (without its WAL) already holds every message.
      const copy = join(dir, 'checkpoint-copy.sqlite');
      copyFileSync(file, copy);
      const db = new Database(copy, { readonly: true });
      expect((db.prepare('select count(*) as n from messages').get() as { n: number }).n).toBe(400);
      db.close();
    } finally {
      await store.close();
    }
    // Closing stops the checkpoint thread on purpose: that is not reported as a fault.
    expect(reports.filter((report) => report.error)).toEqual([]);
  });

  it('starts the WAL over under writes that never pause, so its file stays bounded', async () => {
    const reports: CheckpointReport[] = [];
    const file = join(dir, 'restart.sqlite');
    // 200 frames (800 KB) instead of 4,096, so a few seconds of writes cross it many times.
    const store = await createSqliteStore({ file, checkpointEveryMs: 20, walRestartFrames: 200, onCheckpoint: (report) => reports.push(report) });
    const text = 'x'.repeat(2000); // about a page per message, so the WAL grows fast
    try {
      await store.createConversation({ id: 'a', tokenHash: 'ha', customerKey: 'k', now: NOW });
      // The checkpoint thread takes a moment to start (on a loaded machine 100 ms and more); writes
      // before its first checkpoint only grow the WAL, and that first stretch alone once reached
      // 7 MB. What is checked here is the restarts under load, so the load starts once it runs.
      await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0), { timeout: 10_000 });
      // 20 writers that each send their next message as soon as the last is stored: a batch is
      // always waiting, so no checkpoint ever finds the WAL idle on its own.
      let written = 0;
      const writer = async (w: number) => {
        for (let i = 0; i < 150; i += 1) {
          await store.appendMessage({ conversationId: 'a', from: 'customer', text, clientId: `w${w}.${i}`, at: NOW });
          written += 1;
        }
      };
      await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
      expect(written).toBe(3000); // about 12 MB of pages went through the WAL
      // Each restart: an early checkpoint while writes go on, then one with writes held back.
      expect(reports.some((report) => report.asked === 'early')).toBe(true);
      expect(reports.some((report) => report.asked === 'restart')).toBe(true);
      expect(reports.filter((report) => report.error)).toEqual([]);
      // Started over (and trimmed to journal_size_limit when longer): never near the 12 MB written.
      expect(statSync(`${file}-wal`).size).toBeLessThan(6 * 1024 * 1024);
      expect((await store.listMessagePage('a', 5)).messages.map((message) => message.seq)).toEqual([2996, 2997, 2998, 2999, 3000]);
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    expect((db.prepare('select count(*) as n from messages').get() as { n: number }).n).toBe(3000);
    db.close();
  });

  it('holds writes back for a WAL restart only once an early checkpoint has run while they went on', async () => {
    const file = join(dir, 'hold.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('create table pages (text text)');
    const insert = db.prepare('insert into pages values (?)');
    for (let i = 0; i < 300; i += 1) insert.run('x'.repeat(3000)); // ~300 WAL frames, over the 100 below
    const reports: CheckpointReport[] = [];
    const durability = openSqliteDurability(file, { checkpointEveryMs: 20, restartFrames: 100, onCheckpoint: (report) => reports.push(report) });
    try {
      await vi.waitFor(() => expect(reports.some((report) => report.asked === false && (report.log ?? 0) >= 100)).toBe(true), { timeout: 10_000 });
      // The WAL is long: the first call asks for the early checkpoint and lets the batch go on, as
      // does every call until that checkpoint has reported.
      expect(durability.holdBack()).toBeUndefined();
      expect(durability.holdBack()).toBeUndefined();
      await vi.waitFor(() => expect(reports.some((report) => report.asked === 'early')).toBe(true), { timeout: 10_000 });
      const hold = durability.holdBack();
      expect(hold).toBeInstanceOf(Promise);
      await hold;
      await vi.waitFor(() => expect(reports.filter((report) => report.asked).map((report) => report.asked)).toEqual(['early', 'restart']), { timeout: 10_000 });
      // Released: the next batch starts the WAL over, and is not held back itself.
      expect(durability.holdBack()).toBeUndefined();
    } finally {
      await durability.close();
      db.close();
    }
  });

  it('closes cleanly from a bare script: the last checkpoint runs, the WAL is gone, the process exits 0', async () => {
    const file = join(dir, 'close.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'store-close-script.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect([code, output]).toEqual([0, 'closed\n']);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('settles kysely writes after the WAL fsync too: an autocommitted write and a COMMIT wait, reads and statements inside a transaction do not', async () => {
    const database = new Database(join(dir, 'dialect.sqlite'));
    database.pragma('journal_mode = WAL');
    database.exec('create table notes (text text)');
    const syncs: Array<(error: Error | null) => void> = [];
    const db = new Kysely<{ notes: { text: string } }>({ dialect: new DurableSqliteDialect(database, createWhenDurable((done) => void syncs.push(done))) });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
    try {
      let inserted = false;
      const insert = db.insertInto('notes').values({ text: 'one' }).execute().then(() => (inserted = true));
      await tick();
      expect([inserted, syncs.length]).toEqual([false, 1]);
      syncs[0]!(null);
      await insert;
      expect(await db.selectFrom('notes').select('text').execute()).toEqual([{ text: 'one' }]); // no fsync for a read
      let committed = false;
      const transaction = db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ text: 'two' }).execute();
        await trx.insertInto('notes').values({ text: 'three' }).execute();
      }).then(() => (committed = true));
      await tick();
      expect([committed, syncs.length]).toEqual([false, 2]); // only the COMMIT waits
      syncs[1]!(null);
      await transaction;
      expect(committed).toBe(true);
    } finally {
      database.close();
    }
  });
});

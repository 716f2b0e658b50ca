/**
 * Owns the writer thread of the embedded store: a worker thread with its own SQLite connection
 * that runs each group commit's statements (`group-commit.ts`), so the B-tree work and the WAL
 * writes of every shopper message no longer take the event loop (they were about a third of it at
 * 2,000 msg/s). The event loop still decides what to write: it plans each write from the records
 * it holds and reads (`sqlite-write-path.ts`), and the thread only executes the planned
 * statements, one batch at a time: a batch is planned only after the previous one committed, so
 * what the event loop reads from the file is never behind what it planned.
 *
 * Each job of a batch runs in its own SAVEPOINT, all in one `BEGIN IMMEDIATE` transaction: a job
 * whose statement fails (or changes no row where it must: the exactly-once gates) rolls back alone.
 * The thread commits with `synchronous = NORMAL`; the group commit settles a batch only after the
 * WAL fsync that covers it (`sqlite-durability.ts`), exactly as before.
 *
 * The thread also reports commits by another connection (`data_version` changed since its last
 * batch): a CLI tool or this process's kysely writes, which the event loop's record cache must forget.
 *
 * @example
 *   const writer = openSqliteWriter(file);
 *   const { errors } = await writer.execute([[["update conversations set page = ? where id = ?", ['/', 'c1'], true]]]);
 *   await writer.close();
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One planned statement: its SQL, positional values, and whether it must change a row (else the job fails). */
export type WriteOp = readonly [sql: string, values: readonly unknown[], mustChange?: boolean];

export interface WriterJobError {
  message: string;
  code?: string;
}

export interface WriterResult {
  /** One per job, in order: null when it committed. */
  errors: Array<WriterJobError | null>;
  /** Another connection committed since the previous batch. */
  foreign: boolean;
}

export interface SqliteWriter {
  /** Runs the jobs' statements in one transaction; rejects when the transaction as a whole failed. */
  execute(jobs: readonly (readonly WriteOp[])[]): Promise<WriterResult>;
  close(): Promise<void>;
}

// Plain CommonJS run with `eval: true`, like the checkpoint thread's (`sqlite-durability.ts`): the
// worker needs no loader and no file of its own in `dist/`.
const WRITER_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
db.pragma('journal_size_limit = ' + workerData.journalSizeLimit);
const statements = new Map();
const prepared = (sql) => {
  let statement = statements.get(sql);
  if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
};
const begin = db.prepare('begin immediate');
const commit = db.prepare('commit');
const savepoint = db.prepare('savepoint job');
const release = db.prepare('release job');
const undo = db.prepare('rollback to job');
const dataVersion = db.prepare('pragma data_version').pluck();
let seenVersion = dataVersion.get();
const describe = (error) => ({ message: String((error && error.message) || error), code: error && typeof error.code === 'string' ? error.code : undefined });
function run(jobs) {
  begin.run();
  const version = dataVersion.get();
  const foreign = version !== seenVersion;
  seenVersion = version;
  const errors = [];
  for (const ops of jobs) {
    savepoint.run();
    try {
      for (const [sql, values, mustChange] of ops) {
        if (prepared(sql).run(values).changes === 0 && mustChange) throw Object.assign(new Error('the write found its row already changed'), { code: 'RELAYDESK_CONFLICT' }); // CONFLICT in group-commit.ts
      }
      release.run();
      errors.push(null);
    } catch (error) {
      undo.run();
      release.run();
      errors.push(describe(error));
    }
  }
  commit.run();
  return { errors, foreign };
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: message.id, result: run(message.jobs) });
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    parentPort.postMessage({ id: message.id, failed: describe(error) });
  }
});
`;

type Reply = { id: number; result: WriterResult; failed?: undefined } | { id: number; failed: WriterJobError; result?: undefined };

/** `journalSizeLimit`: the WAL file's size kept after it starts over (the store's `journal_size_limit`). */
export function openSqliteWriter(file: string, journalSizeLimit: number): SqliteWriter {
  const worker = new Worker(WRITER_WORKER, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), journalSizeLimit },
  });
  const pending = new Map<number, { resolve: (result: WriterResult) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let broken: Error | undefined;
  worker.unref(); // an idle writer never keeps a finished process alive; a batch in flight does (below)

  function failAll(error: Error): void {
    broken = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }
  worker.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.failed) waiter.reject(Object.assign(new Error(reply.failed.message), { code: reply.failed.code }));
    else waiter.resolve(reply.result);
  });
  worker.on('error', (error) => failAll(error));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      failAll(new Error('the SQLite writer thread has stopped'));
      resolve();
    }),
  );

  return {
    execute(jobs) {
      if (broken) return Promise.reject(broken);
      return new Promise<WriterResult>((resolve, reject) => {
        nextId += 1;
        pending.set(nextId, { resolve, reject });
        worker.ref();
        worker.postMessage({ id: nextId, jobs });
      });
    },
    async close() {
      if (broken) return;
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}

/**
 * Owns the two disk waits of the embedded store, moved off the event loop:
 *
 * - **The WAL fsync of every commit.** With `synchronous = FULL` SQLite fsyncs the WAL inside
 *   COMMIT, and better-sqlite3 runs COMMIT on the event loop: every socket waits for the disk once
 *   per commit. Instead the connection commits with `synchronous = NORMAL` (frames written, not yet
 *   synced) and the WAL file is fsynced on libuv's thread pool; a group commit's promises, and a
 *   kysely write's (`sqlite-dialect.ts`), settle only after that fsync (`whenDurable`). What is
 *   acknowledged is on disk exactly as with FULL; what is committed but not yet synced is visible
 *   to readers for a millisecond or two and acknowledged to nobody.
 *   Two fsyncs may run at once: POSIX fsync returns once everything written to the file before the
 *   call is on disk, whichever call started writing it, so the later one covers earlier batches too.
 * - **Checkpoints.** SQLite's automatic checkpoint copies the WAL into the database file and
 *   fsyncs it, inside whichever COMMIT crosses 1,000 pages: a stall of tens of milliseconds on the
 *   event loop. The main connection turns it off (`wal_autocheckpoint = 0`) and a worker thread with
 *   its own connection runs `wal_checkpoint(PASSIVE)` every quarter second: passive checkpoints
 *   never block writers, and the worker's connection (synchronous FULL) syncs the WAL before copying
 *   and the database file after, so the WAL is only reused once its frames are safe in the file.
 * - **Starting the WAL over.** SQLite reuses the WAL from its beginning only when a write begins
 *   right after a checkpoint copied every frame. Under steady writes that never happens (a commit
 *   always lands while the checkpoint runs): at 500 msg/s the WAL grew by 14 MB a second without
 *   end. So once the WAL holds `restartFrames` frames, the worker runs one checkpoint at once while
 *   writes go on (`early`), and when that is done the group commit holds its next batch back
 *   (`holdBack`) while the worker runs one more with no write in flight (`restart`: only the frames
 *   written during the early one, and its two fsyncs, about a millisecond); the batch then starts
 *   the WAL over, and `journal_size_limit` (set by the store) trims the file. Holding back for the
 *   frames since the last timed checkpoint took 2–6 ms, twice a second at 2,000 msg/s.
 *
 * @example
 *   const durability = openSqliteDurability(file);
 *   await durability.whenDurable(); // everything committed before this line is on disk
 *   await durability.close();
 */
import { closeSync, fsync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

export type SyncWal = (done: (error: Error | null) => void) => void;
/** Resolves once everything committed before the call is on disk; calls resolve in call order. */
export type WhenDurable = () => Promise<void>;

export interface SqliteDurability {
  whenDurable: WhenDurable;
  /**
   * Between two batches of the group commit: once the WAL is long, the checkpoint to wait for
   * before the next batch (which then starts the WAL over); otherwise undefined (also while the
   * early checkpoint that comes first runs).
   */
  holdBack(): Promise<void> | undefined;
  close(): Promise<void>;
}

/** fsyncs of the WAL running at once on the thread pool (which also serves DNS, scrypt and files). */
const MAX_SYNCS_IN_FLIGHT = 2;

/**
 * Waiters in call order. Up to two fsyncs run at once (a second need not wait for the first's round
 * trip to the disk); each covers every waiter that came before it started, and waiters are released
 * strictly in order, so a bot reply is never sent before the shopper's message it answers.
 */
export function createWhenDurable(syncWal: SyncWal): WhenDurable {
  const waiting: Array<{ seq: number; resolve: () => void; reject: (error: Error) => void; result?: Error | null }> = [];
  let calledSeq = 0;
  let coveredSeq = 0;
  let inFlight = 0;

  function startSync(): void {
    const upTo = calledSeq;
    coveredSeq = upTo;
    inFlight += 1;
    syncWal((error) => {
      inFlight -= 1;
      for (const waiter of waiting) if (waiter.seq <= upTo && waiter.result === undefined) waiter.result = error;
      while (waiting.length > 0 && waiting[0]!.result !== undefined) {
        const waiter = waiting.shift()!;
        if (waiter.result) waiter.reject(waiter.result);
        else waiter.resolve();
      }
      if (calledSeq > coveredSeq && inFlight < MAX_SYNCS_IN_FLIGHT) startSync();
    });
  }

  return () =>
    new Promise<void>((resolve, reject) => {
      calledSeq += 1;
      waiting.push({ seq: calledSeq, resolve, reject });
      if (inFlight < MAX_SYNCS_IN_FLIGHT) startSync();
    });
}

/** How often the checkpoint thread copies the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 250;
/** WAL frames (pages) after which writes pause for a checkpoint that lets the WAL start over: about 16 MB. */
const RESTART_FRAMES = 4096;
/** Writes are never held back longer than this, whatever the checkpoint thread is doing. */
const HOLD_AT_MOST_MS = 100;

// Plain CommonJS run with `eval: true`: the worker needs no loader (the server runs through tsx's
// `register()`, which worker threads do not inherit) and no file of its own in `dist/`.
const CHECKPOINT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const checkpoint = (asked) => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ checkpointed: result.checkpointed, log: result.log, asked });
  } catch (error) {
    parentPort.postMessage({ error: String(error), asked });
  }
};
const timer = setInterval(() => checkpoint(false), workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'early' || message === 'restart') checkpoint(message);
  if (message === 'close') { clearInterval(timer); checkpoint(false); db.close(); parentPort.close(); }
});
`;

export interface CheckpointReport {
  /** WAL frames after the checkpoint, and how many of them are now in the database file. */
  log?: number;
  checkpointed?: number;
  error?: string;
  /**
   * Run for `holdBack`, not by the timer: `early` while writes go on, so that `restart`, with writes
   * paused, has only the frames written meanwhile left to copy.
   */
  asked?: false | 'early' | 'restart';
}

/**
 * `onCheckpoint` for a server: a failing checkpoint is logged when it starts failing (not every
 * 250 ms while it goes on) and when checkpoints succeed again. While they fail, the WAL is not
 * copied into the database file and grows on disk; what was acknowledged is still safe in it.
 */
export function logCheckpointFaults(logger: Pick<Logger, 'error' | 'info'>): (report: CheckpointReport) => void {
  let failing: string | undefined;
  return (report) => {
    if (report.error !== undefined) {
      if (report.error !== failing) logger.error({ fault: report.error }, 'WAL checkpoint failed: until checkpoints run again (a stopped checkpoint thread: until the next start) the WAL file only grows');
      failing = report.error;
    } else if (failing !== undefined) {
      failing = undefined;
      logger.info('WAL checkpoints succeed again');
    }
  };
}

export interface DurabilityOptions {
  onCheckpoint?: (report: CheckpointReport) => void;
  checkpointEveryMs?: number;
  restartFrames?: number;
}

export function openSqliteDurability(file: string, options: DurabilityOptions = {}): SqliteDurability {
  const { onCheckpoint = () => {}, checkpointEveryMs = CHECKPOINT_EVERY_MS, restartFrames = RESTART_FRAMES } = options;
  // The WAL exists from the first statement in WAL mode (the migrations ran) until the last connection closes.
  const walFd = openSync(`${file}-wal`, 'r');
  const worker = new Worker(CHECKPOINT_WORKER, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: checkpointEveryMs },
  });
  // The WAL's length as the last timed checkpoint saw it; 0 once a held-back batch may have restarted it.
  let walFrames = 0;
  let askedDone: (() => void) | undefined;
  // The checkpoint run while writes go on, before a hold: asked for, reported, or none yet (or used).
  let early: 'asked' | 'done' | undefined;
  worker.on('message', (report: CheckpointReport) => {
    if (report.asked === 'restart') askedDone?.();
    else if (report.asked === 'early') early = 'done';
    else if (report.log !== undefined) walFrames = report.log;
    onCheckpoint(report);
  });
  worker.on('error', (error) => onCheckpoint({ error: String(error) }));
  worker.unref(); // never keeps a finished process alive
  let closing = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      // Nothing copies the WAL into the database file any more: it grows until the next start.
      if (!closing) onCheckpoint({ error: `the checkpoint thread stopped (exit code ${code})` });
      resolve();
    }),
  );

  return {
    // fsync flushes the file's dirty pages whichever descriptor wrote them: SQLite's frames included.
    whenDurable: createWhenDurable((done) => fsync(walFd, (error) => done(error))),
    holdBack() {
      if (walFrames < restartFrames || askedDone || closing) return undefined;
      if (early !== 'done') {
        if (early === undefined) worker.postMessage('early');
        early = 'asked';
        return undefined;
      }
      early = undefined;
      return new Promise<void>((resolve) => {
        const release = () => {
          clearTimeout(timer);
          askedDone = undefined;
          // The next write starts the WAL over: asked again only if a timed report still finds it long.
          walFrames = 0;
          resolve();
        };
        const timer = setTimeout(release, HOLD_AT_MOST_MS);
        askedDone = release;
        worker.postMessage('restart');
      });
    },
    async close() {
      closing = true;
      askedDone?.();
      worker.ref(); // closing is awaited work: the process must not exit before the last checkpoint
      worker.postMessage('close');
      await exited;
      closeSync(walFd);
    },
  };
}

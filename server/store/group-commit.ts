/**
 * Owns group commit for the embedded SQLite store: writes from every conversation that arrive
 * within one turn of the event loop run in ONE transaction, and each write's promise settles only
 * after that transaction has committed and, given `syncWal` (`sqlite-durability.ts`), after the WAL
 * holding it has been fsynced off the event loop. One fsync then pays for hundreds of messages
 * instead of one each, and nothing is acknowledged before it is on disk. Each write runs in its own
 * SAVEPOINT only when one of them throws (an unknown conversation): the batch first runs without
 * savepoints, and if a write throws it is rolled back whole and run again with each write in its
 * own SAVEPOINT, so the one that throws rolls back alone and rejects alone and the others still
 * commit. With a savepoint per write, SQLite copies every page an earlier write of the batch
 * dirtied into its statement journal before changing it again (docs/write-path-measurements.md).
 * Writes run twice only in that rare case, so a write must allow it: nothing of the first run is
 * committed or sent (`committed` observers run after COMMIT), and the conversation cache is emptied
 * between the runs (`rolledBack`).
 *
 * better-sqlite3 is synchronous: a batch runs start to finish without yielding, so no other code
 * sees it half done. kysely's transactions on the same connection do yield between statements:
 * while one is open (`inTransaction`), the batch waits for the next turn instead of joining it.
 *
 * @example
 *   const commit = createGroupCommit(database);
 *   const row = await commit.run(() => insert.run(values)); // resolves after COMMIT
 */
import type { Database } from 'better-sqlite3';
import type { WhenDurable } from './sqlite-durability.js';

interface Job {
  work: () => unknown;
  committed?: (value: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A write threw in a batch run without savepoints: the batch is run again, each write in its own. */
class WriteFailed extends Error {
  constructor(cause: unknown) {
    super('a write of the batch failed', { cause });
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface GroupCommit {
  /**
   * Runs `work` inside the next batch's transaction; resolves with its result once committed and on
   * disk. `committed` gets the result right after COMMIT, before the fsync.
   */
  run<T>(work: () => T, committed?: (value: T) => void): Promise<T>;
}

/**
 * `whenDurable` given (`sqlite-durability.ts`): the connection commits without an fsync
 * (`synchronous = NORMAL`) and batches settle once a WAL fsync covering them has finished, in commit
 * order. Without it (`:memory:`, or NORMAL chosen) batches settle at COMMIT. `rolledBack` hears of
 * a batch whose transaction failed as a whole, before any of its promises settle, and of one rolled
 * back to run again with savepoints (either way a cache of rows its writes touched is then wrong).
 * `holdBack` may return a promise to wait for before the next batch (`SqliteDurability.holdBack`:
 * the WAL starting over).
 */
export function createGroupCommit(
  database: Database,
  whenDurable?: WhenDurable,
  rolledBack?: () => void,
  holdBack?: () => Promise<void> | undefined,
): GroupCommit {
  let jobs: Job[] = [];
  let scheduled = false;
  let holding = false;

  // The usual case: no write throws, and no savepoint is paid for.
  const runPlain = database.transaction((batch: Job[]) =>
    batch.map((job): Outcome => {
      try {
        return { ok: true, value: job.work() };
      } catch (error) {
        throw new WriteFailed(error); // rolls the whole batch back; `runBatch` runs it again
      }
    }),
  );
  // Called inside the batch's transaction, better-sqlite3 makes this a SAVEPOINT … RELEASE.
  const inSavepoint = database.transaction((work: () => unknown) => work());
  const runIsolated = database.transaction((batch: Job[]) => batch.map((job): Outcome => {
    try {
      return { ok: true, value: inSavepoint(job.work) };
    } catch (error) {
      return { ok: false, error };
    }
  }));
  function runBatch(batch: Job[]): Outcome[] {
    try {
      return runPlain.immediate(batch);
    } catch (error) {
      if (!(error instanceof WriteFailed)) throw error; // BEGIN or COMMIT failed: the batch fails as a whole
      rolledBack?.(); // the first run's writes were cached and are gone
      return runIsolated.immediate(batch);
    }
  }

  // Committed batches waiting for their fsync to be asked for.
  let unsynced: Array<(syncError: unknown) => void> = [];
  let syncAsked = false;
  let deferredOnce = false;

  /**
   * Asks for the fsync one loop turn after COMMIT, and once not while another batch is about to
   * commit: a bot turn starts at its shopper message's COMMIT and queues its reply in that turn, so
   * one fsync covers both (with one shopper message at a time, half the fsyncs: each wakes a thread
   * and costs the kernel's work on a 2-core machine). Deferring once at most: under steady load a
   * batch is always about to commit, and the fsync must not wait for a quiet moment.
   */
  function askForSync(): void {
    syncAsked = false;
    if (scheduled && !holding && !deferredOnce) {
      deferredOnce = true; // the queued batch asks again after its COMMIT, for everything before it too
      return;
    }
    deferredOnce = false;
    const settles = unsynced;
    unsynced = [];
    const settleAll = (syncError: unknown) => {
      for (const settle of settles) settle(syncError);
    };
    whenDurable!().then(() => settleAll(null), settleAll);
  }

  function afterCommit(settle?: (syncError: unknown) => void): void {
    if (settle) unsynced.push(settle);
    if (unsynced.length === 0 || syncAsked) return;
    syncAsked = true;
    setImmediate(askForSync);
  }

  function flush(): void {
    if (holding) return; // the hold's end flushes
    if (database.inTransaction) {
      setImmediate(flush); // a kysely transaction is between two statements: let it finish first
      return;
    }
    // The WAL is long: a checkpoint with no write in flight first, so this batch starts it over.
    const hold = holdBack?.();
    if (hold) {
      holding = true;
      void hold.then(() => {
        holding = false;
        flush();
      });
      return;
    }
    scheduled = false;
    const batch = jobs;
    jobs = [];
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock at BEGIN, so a CLI process cannot make the COMMIT fail half way.
      outcomes = runBatch(batch);
    } catch (error) {
      rolledBack?.();
      for (const job of batch) job.reject(error); // the COMMIT failed: nothing of the batch is stored
      if (whenDurable) afterCommit(); // earlier batches may have deferred their fsync to this one
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok || !job.committed) return;
      try {
        job.committed(outcome.value);
      } catch {
        // An early observer that throws must not keep the batch from settling: the write stands.
      }
    });
    const settle = (syncError: unknown) =>
      batch.forEach((job, i) => {
        const outcome = outcomes[i]!;
        // Committed but maybe not on disk: refused, so the client retries (its clientId makes that safe).
        if (syncError) job.reject(syncError);
        else if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      });
    if (!whenDurable) return settle(null);
    afterCommit(settle);
  }

  return {
    run<T>(work: () => T, committed?: (value: T) => void): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        jobs.push({ work, committed: committed as ((value: unknown) => void) | undefined, resolve: resolve as (value: unknown) => void, reject });
        if (scheduled) return;
        scheduled = true;
        // setImmediate runs after this turn's I/O callbacks: every socket message read in this turn joins the batch.
        setImmediate(flush);
      });
    },
  };
}

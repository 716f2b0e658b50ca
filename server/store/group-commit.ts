/**
 * Owns group commit for the embedded SQLite store: writes from every conversation that arrive
 * within one turn of the event loop run in ONE transaction, and each write's promise settles only
 * after that transaction has committed and, given `whenDurable` (`sqlite-durability.ts`), after the
 * WAL holding it has been fsynced off the event loop. One fsync then pays for hundreds of messages
 * instead of one each, and nothing is acknowledged before it is on disk. Each write runs in its own
 * SAVEPOINT, so one that throws (an unknown conversation) rolls back alone and rejects alone; the
 * others still commit.
 *
 * A write is a function that decides what to store and hands each statement to `write`. With a
 * writer thread (`sqlite-writer.ts`, every file store) the batch's functions run here, on the event
 * loop, collecting their statements, and the thread executes them: one batch in flight at a time,
 * so the next batch is decided only after the previous one committed. Without one (`:memory:`)
 * the statements run on this connection as they are handed over, the batch start to finish
 * without yielding. kysely's transactions on the same connection yield between statements: while
 * one is open (`inTransaction`), the batch waits for the next turn instead of joining it.
 *
 * @example
 *   const commit = createGroupCommit(database);
 *   const changes = await commit.run((write) => write(['insert into notes (text) values (?)', ['hi']])); // resolves after COMMIT
 */
import type { Database, Statement } from 'better-sqlite3';
import type { WhenDurable } from './sqlite-durability.js';
import type { SqliteWriter, WriteOp } from './sqlite-writer.js';

/** Hands one statement to the batch; returns the rows it changed (0 until it runs, with a writer thread). */
export type Write = (op: WriteOp) => number;

interface Job {
  work: (write: Write) => unknown;
  committed?: (value: unknown) => void;
  conflicted?: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface GroupCommit {
  /**
   * Runs `work` for the next batch's transaction; resolves with its result once committed and on
   * disk. `committed` gets the result right after COMMIT, before the fsync. A statement handed
   * over as `mustChange` that changed no row (another connection got there first) rolls the write
   * back; its result is then `conflicted()`, or the write rejects without it.
   */
  run<T>(work: (write: Write) => T, committed?: (value: T) => void, conflicted?: () => T): Promise<T>;
}

export interface GroupCommitOptions {
  /**
   * Given (`sqlite-durability.ts`): the connection commits without an fsync (`synchronous = NORMAL`)
   * and batches settle once a WAL fsync covering them has finished, in commit order. Without it
   * (`:memory:`, or NORMAL chosen) batches settle at COMMIT.
   */
  whenDurable?: WhenDurable;
  /** Executes the statements on its own thread and connection; without it they run on `database`. */
  writer?: SqliteWriter;
  /**
   * Hears of writes undone after they were decided: a batch whose transaction failed as a whole, or
   * a job the writer thread rolled back (a cache of rows they touched is then wrong).
   */
  rolledBack?: () => void;
  /** Hears of each batch the writer thread committed, and whether another connection had committed before it. */
  settled?: (foreign: boolean) => void;
  /** May return a promise to wait for before the next batch (`SqliteDurability.holdBack`: the WAL starting over). */
  holdBack?: () => Promise<void> | undefined;
}

/** The code of a write whose `mustChange` statement changed no row (the writer thread's script uses it too). */
const CONFLICT = 'RELAYDESK_CONFLICT';

/** A job rolled back: its `conflicted` result when it lost to another connection, else its error. */
function failedJob(job: Job, error: unknown): Outcome {
  if (job.conflicted && (error as { code?: unknown }).code === CONFLICT) return { ok: true, value: job.conflicted() };
  return { ok: false, error };
}

/** A job's failure as the writer thread reported it, with SQLite's code kept (storage faults read it). */
function writerError(error: { message: string; code?: string }): Error {
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

export function createGroupCommit(database: Database, options: GroupCommitOptions = {}): GroupCommit {
  const { whenDurable, writer, rolledBack, settled, holdBack } = options;
  let jobs: Job[] = [];
  let scheduled = false;
  let holding = false;
  let inFlight = false;

  // Without a writer thread: each statement runs as it is handed over, inside the batch's transaction.
  const statements = new Map<string, Statement>();
  const runNow: Write = ([sql, values, mustChange]) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = database.prepare(sql)));
    const { changes } = statement.run(...values);
    if (changes === 0 && mustChange) throw Object.assign(new Error('the write found its row already changed'), { code: CONFLICT });
    return changes;
  };
  // Called inside the batch's transaction, better-sqlite3 makes this a SAVEPOINT … RELEASE.
  const inSavepoint = database.transaction((work: (write: Write) => unknown) => work(runNow));
  const runBatch = database.transaction((batch: Job[]) => batch.map((job): Outcome => {
    try {
      return { ok: true, value: inSavepoint(job.work) };
    } catch (error) {
      return failedJob(job, error);
    }
  }));

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
    if (scheduled && !holding && !inFlight && !deferredOnce) {
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

  function failed(batch: Job[], error: unknown): void {
    rolledBack?.();
    for (const job of batch) job.reject(error); // the COMMIT failed: nothing of the batch is stored
    if (whenDurable) afterCommit(); // earlier batches may have deferred their fsync to this one
  }

  function committed(batch: Job[], outcomes: Outcome[]): void {
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

  /** Decides every job here, then has the writer thread execute what they decided. */
  function sendToWriter(batch: Job[], to: SqliteWriter): void {
    const outcomes: Outcome[] = [];
    const planned: WriteOp[][] = [];
    const plannedJob: number[] = [];
    for (const [i, job] of batch.entries()) {
      const ops: WriteOp[] = [];
      try {
        outcomes.push({ ok: true, value: job.work((op) => (ops.push(op), 0)) });
        planned.push(ops);
        plannedJob.push(i);
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    inFlight = true;
    to.execute(planned).then(
      ({ errors, foreign }) => {
        inFlight = false;
        if (errors.some((error) => error !== null)) rolledBack?.();
        errors.forEach((error, k) => {
          if (error) outcomes[plannedJob[k]!] = failedJob(batch[plannedJob[k]!]!, writerError(error));
        });
        settled?.(foreign);
        committed(batch, outcomes);
        if (scheduled) flush();
      },
      (error: unknown) => {
        inFlight = false;
        failed(batch, error);
        if (scheduled) flush();
      },
    );
  }

  function flush(): void {
    if (holding || inFlight) return; // the hold's end, or the batch in flight's, flushes
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
    if (writer) return sendToWriter(batch, writer);
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock at BEGIN, so a CLI process cannot make the COMMIT fail half way.
      outcomes = runBatch.immediate(batch);
    } catch (error) {
      return failed(batch, error);
    }
    committed(batch, outcomes);
  }

  return {
    run<T>(work: (write: Write) => T, committed?: (value: T) => void, conflicted?: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        jobs.push({ work, committed: committed as ((value: unknown) => void) | undefined, conflicted, resolve: resolve as (value: unknown) => void, reject });
        if (scheduled) return;
        scheduled = true;
        // setImmediate runs after this turn's I/O callbacks: every socket message read in this turn joins the batch.
        setImmediate(flush);
      });
    },
  };
}

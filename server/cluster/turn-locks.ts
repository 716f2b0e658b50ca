/**
 * Owns "one conversation's bot turns never run on two nodes at once" (SPEC §8) with PostgreSQL
 * advisory locks: before a turn runs, its node takes `pg_try_advisory_lock` on the conversation
 * over one dedicated connection, and releases it after. A node that dies drops its connection,
 * and PostgreSQL releases every lock it held at once: its turns are free for the others. A turn
 * whose lock another node holds is skipped here: that node runs it (the outbox keeps it pending
 * until someone does, and `completeBotTurn` writes each reply exactly once whatever happens).
 *
 * @example
 *   const locks = await createTurnLocks({ url: config.databaseUrl, logger });
 *   const ran = await locks.withConversation(conversationId, () => runTurn());
 */
import pg from 'pg';
import type { Logger } from 'pino';

export interface TurnLocks {
  /** Runs `work` holding the conversation's lock; false (work not run) when another node holds it or the lock connection is down. */
  withConversation(conversationId: string, work: () => Promise<void>): Promise<boolean>;
  close(): Promise<void>;
}

export interface TurnLocksOptions {
  url: string;
  logger: Pick<Logger, 'warn' | 'info'>;
}

// One namespace for these locks (pg's two-key form): other advisory locks on the database, such
// as kysely's migration lock, never collide with a conversation's.
const LOCK_SPACE = 0x7e1a7;

/** Lock or unlock requests gathered in one event-loop turn, sent as ONE query. */
function createRequestBatcher(send: (keys: string[]) => Promise<boolean[]>): (key: string) => Promise<boolean> {
  let waiting: Array<{ key: string; resolve: (ok: boolean) => void; reject: (error: unknown) => void }> = [];
  return (key) =>
    new Promise<boolean>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      if (waiting.length > 1) return;
      setImmediate(() => {
        const batch = waiting;
        waiting = [];
        send(batch.map((item) => item.key)).then(
          (results) => batch.forEach((item, i) => item.resolve(results[i] ?? false)),
          (error: unknown) => batch.forEach((item) => item.reject(error)),
        );
      });
    });
}

export async function createTurnLocks(options: TurnLocksOptions): Promise<TurnLocks> {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
      next.on('error', (error) => {
        // The locks went with the connection; a new one is opened for the next turn.
        options.logger.warn({ err: { message: error.message } }, 'turn lock connection lost; reconnecting for the next turn');
        if (client === next) client = undefined;
      });
      await next.connect();
      client = next;
      return next;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };
  await connect();

  // Under load a node starts and ends hundreds of turns a second: one round trip per lock (and per
  // unlock) on this one connection was the limit (measured with bench:load --nodes 2), so the
  // requests of one event-loop turn share a query. Results come back in the order of the keys.
  // One query at a time on the connection (pg 9 drops its implicit queue): a lock batch and an
  // unlock batch that meet wait for each other here.
  let previous: Promise<unknown> = Promise.resolve();
  const batchQuery = (fn: 'pg_try_advisory_lock' | 'pg_advisory_unlock') => (keys: string[]) => {
    const run = previous.then(async () => {
      const lockClient = client ?? (await connect());
      const { rows } = await lockClient.query<{ ok: boolean }>(
        `select ${fn}($1, hashtext(k.key)) as ok from unnest($2::text[]) with ordinality as k(key, n) order by k.n`,
        [LOCK_SPACE, keys],
      );
      return rows.map((row) => row.ok);
    });
    previous = run.catch(() => undefined);
    return run;
  };
  const lock = createRequestBatcher(batchQuery('pg_try_advisory_lock'));
  const unlock = createRequestBatcher(batchQuery('pg_advisory_unlock'));

  return {
    async withConversation(conversationId, work) {
      if (closed) return false;
      try {
        if (!(await lock(conversationId))) return false;
      } catch {
        return false; // no lock, no turn: it stays pending for a later sweep
      }
      try {
        await work();
        return true;
      } finally {
        // A lost connection took the lock with it: nothing to release then.
        await unlock(conversationId).catch(() => undefined);
      }
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}

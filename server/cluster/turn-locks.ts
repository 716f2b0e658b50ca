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

export async function createTurnLocks(options: TurnLocksOptions): Promise<TurnLocks> {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  // Queries on one pg client run one after the other anyway; the chain keeps lock/unlock pairs tidy.
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

  return {
    async withConversation(conversationId, work) {
      if (closed) return false;
      let lockClient: pg.Client;
      try {
        lockClient = client ?? (await connect());
        const { rows } = await lockClient.query<{ locked: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as locked', [LOCK_SPACE, conversationId]);
        if (!rows[0]?.locked) return false;
      } catch {
        return false; // no lock, no turn: it stays pending for a later sweep
      }
      try {
        await work();
        return true;
      } finally {
        await lockClient.query('select pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE, conversationId]).catch(() => undefined);
      }
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}

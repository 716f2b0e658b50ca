/**
 * Decides how conversations that only the bot handled ended. A bot conversation has no
 * "resolve" button, so it ends when it goes quiet: after BOT_IDLE_MINUTES without a message it
 * is settled once, as `solved` when the bot helped at least once (`helped: true`) and it was
 * never handed over, else `unsolved`. Solved ones feed `relaydesk_conversations_solved_by_bot_total`
 * and the report's containment. The store's insert-once makes a sweep idempotent across nodes.
 *
 * Sweeps run on a timer (every minute), never inside a GET: a scrape or a report only reads, so
 * their numbers are at most a minute behind. A conversation picked up again after settling keeps its outcome.
 *
 * @example
 *   const settler = createBotSettler({ store, clock, idleMinutes: 30, onSolved: () => metrics.solvedByBot.inc(), logger });
 *   await settler.settle(); // → how many conversations were settled now
 */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';

export interface BotSettlerDeps {
  store: Store;
  clock: () => Date;
  idleMinutes: number;
  onSolved: () => void;
  logger: Logger;
  /** How often to sweep on a timer; 0 disables the timer (sweeps still run on demand). */
  intervalMs?: number;
}

export function createBotSettler(deps: BotSettlerDeps) {
  const { store } = deps;
  let last: Promise<unknown> = Promise.resolve();

  async function sweep(): Promise<number> {
    const now = deps.clock();
    const before = new Date(now.getTime() - deps.idleMinutes * 60_000).toISOString();
    const idle = await store.listUnsettledBotConversations(before);
    if (idle.length === 0) return 0;
    const handedOver = new Set((await store.listHandoffs(idle.map((conversation) => conversation.id))).map((handoff) => handoff.conversationId));
    let settled = 0;
    for (const conversation of idle) {
      const solved = conversation.botState.helped === true && !handedOver.has(conversation.id);
      if (!(await store.settleBotConversation(conversation.id, solved ? 'solved' : 'unsolved', now.toISOString()))) continue;
      settled += 1;
      if (solved) deps.onSolved();
    }
    return settled;
  }

  /** Sweeps one after another: a scrape during the timer's sweep runs its own after it, never beside it. */
  function settle(): Promise<number> {
    const next = last.then(sweep, sweep);
    last = next.catch(() => undefined);
    return next;
  }

  const timer =
    deps.intervalMs === 0
      ? undefined
      : setInterval(() => void settle().catch((error: unknown) => deps.logger.error({ err: error }, 'bot outcome sweep failed')), deps.intervalMs ?? 60_000);
  // The sweep is housekeeping: it must never keep a process alive that is otherwise done.
  timer?.unref();

  return {
    settle,
    close: () => clearInterval(timer),
  };
}

export type BotSettler = ReturnType<typeof createBotSettler>;

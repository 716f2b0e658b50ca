/**
 * Runs the stored bot turns (the outbox, SPEC §8): in message order within a conversation, and
 * different conversations concurrently. A turn comes from the shopper message's own commit (the
 * hot path, no read) or from `resume()`, which at start runs every turn a crash left unfinished.
 * A turn that fails is logged and left pending: the next start runs it again.
 *
 * @example
 *   const worker = createBotTurnWorker(deps);
 *   await worker.resume();      // at start: finish what the last process acknowledged but did not answer
 *   worker.enqueue(turn);       // after a shopper message committed with its pending turn
 */
import type { BotTurnRecord, ConversationRecord } from '../store/store.js';
import { runBotTurn, type BotTurnDeps } from './bot-turn.js';
import { runQueuedTurn } from './queued-turn.js';

export interface BotTurnWorker {
  /** Queues a committed turn behind the conversation's earlier ones; `conversation`: its state after that commit. */
  enqueue(turn: BotTurnRecord, conversation?: ConversationRecord): void;
  /** Queues every unfinished turn in the store (only those created before `olderThan`, an ISO time, when given); resolves with how many it found. */
  resume(olderThan?: string): Promise<number>;
  /** Resolves when every turn queued so far has run (tests, shutdown). */
  idle(): Promise<void>;
  /** True while a turn of this conversation is queued or running: a later message's answer must wait behind it. */
  busy(conversationId: string): boolean;
}

export function createBotTurnWorker(deps: BotTurnDeps): BotTurnWorker {
  const { store, logger } = deps;
  // The tail of each conversation's chain of turns; deleted once it runs dry.
  const chains = new Map<string, Promise<void>>();
  const queued = new Set<string>();

  async function runNow(turn: BotTurnRecord, known?: ConversationRecord): Promise<void> {
    // With an earlier turn still queued, read at run time: that turn may change the conversation.
    // Otherwise the state from the message's own commit is current (the completion re-checks the status).
    const conversation = known ?? (await store.getConversation(turn.conversationId));
    if (conversation?.status === 'queued') await runQueuedTurn(deps, conversation, turn);
    else if (conversation) await runBotTurn(deps, conversation, turn); // it stays silent unless the status is 'bot'
  }

  async function run(turn: BotTurnRecord, known?: ConversationRecord): Promise<void> {
    if (!deps.turnLocks) return runNow(turn, known);
    // Another node holds the conversation: it runs this turn, or a later sweep here does if it dies.
    await deps.turnLocks.withConversation(turn.conversationId, () => runNow(turn, known));
  }

  function enqueue(turn: BotTurnRecord, conversation?: ConversationRecord): void {
    if (queued.has(turn.id)) return; // `resume()` may meet a turn that is already on its way
    queued.add(turn.id);
    const { conversationId } = turn;
    const previous = chains.get(conversationId);
    const known = previous === undefined ? conversation : undefined;
    const next = (previous ?? Promise.resolve())
      .then(() => run(turn, known))
      .catch((error: unknown) => logger.error({ err: error, conversationId, turnId: turn.id }, 'bot turn failed; it runs again at the next start'))
      .finally(() => queued.delete(turn.id));
    chains.set(conversationId, next);
    void next.finally(() => {
      if (chains.get(conversationId) === next) chains.delete(conversationId);
    });
  }

  return {
    enqueue,
    async resume(olderThan) {
      const all = await store.listPendingBotTurns();
      // A sweep on several nodes leaves fresh turns to the node that stored them.
      const pending = olderThan === undefined ? all : all.filter((turn) => turn.createdAt < olderThan);
      for (const turn of pending) enqueue(turn);
      if (pending.length > 0 && olderThan === undefined) logger.info({ turns: pending.length }, 'running bot turns left unfinished by the last process');
      else if (pending.length > 0) logger.debug({ turns: pending.length }, 'sweep: running bot turns no node finished');
      return pending.length;
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
    busy: (conversationId) => chains.has(conversationId),
  };
}

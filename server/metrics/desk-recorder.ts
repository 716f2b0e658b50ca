/**
 * Implements the desk events port (conversations/desk-events.ts): each event moves the metrics
 * and writes what reports read later (hand-overs) or what agents act on (follow-ups). Also
 * `countStoredMessages`, which counts every message at the one place all of them pass through.
 * A failure here is logged and swallowed: bookkeeping must never fail a shopper's conversation.
 *
 * @example
 *   const events = createDeskRecorder({ store, metrics, followUps, logger });
 *   const store = countStoredMessages(rawStore, metrics); // every append is counted
 */
import type { Logger } from 'pino';
import type { DeskEvents } from '../conversations/desk-events.js';
import type { FollowUps } from '../followups/follow-ups.js';
import { primaryHandoffReason } from '../handoff/handoff-reason.js';
import type { ChatMessage } from '../protocol.js';
import type { ConversationRecord, Store } from '../store/store.js';
import type { Metrics } from './metrics.js';

export interface DeskRecorderDeps {
  store: Store;
  metrics: Metrics;
  followUps: Pick<FollowUps, 'scheduleFor'>;
  logger: Logger;
}

const secondsBetween = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

export function createDeskRecorder(deps: DeskRecorderDeps): DeskEvents {
  const { store, metrics, logger } = deps;

  /** Where the human desk's clocks start: the first hand-over (queuedAt is cleared when a chat reopens). */
  async function deskStart(conversation: ConversationRecord): Promise<string> {
    const [first] = await store.listHandoffs([conversation.id]);
    return first?.at ?? conversation.queuedAt ?? conversation.createdAt;
  }

  const safely = (what: string, work: () => Promise<void>) =>
    work().catch((error: unknown) => logger.error({ err: error, what }, 'could not record a desk event'));

  return {
    handedOff: (conversation, reasons, at) =>
      safely('handoff', async () => {
        const reason = primaryHandoffReason(reasons);
        await store.addHandoff({ conversationId: conversation.id, at, reason, reasons: [...reasons] });
        metrics.handoffs.inc({ reason });
      }),
    firstResponse: (conversation) =>
      safely('first response', async () => {
        if (conversation.firstResponseAt) metrics.firstResponse.observe(secondsBetween(await deskStart(conversation), conversation.firstResponseAt));
      }),
    resolved: (conversation) =>
      safely('resolution', async () => {
        if (conversation.resolvedAt) metrics.resolution.observe(secondsBetween(await deskStart(conversation), conversation.resolvedAt));
        await deps.followUps.scheduleFor(conversation);
      }),
    rated: (_conversation, score) => metrics.ratings.observe(score),
  };
}

/**
 * The same store, with `appendMessage` counting every new message by sender, and a conversation
 * at the shopper's first message (seq 1: nothing is stored before the shopper writes). Wrapping
 * the store means no future call site can forget to count. The wrapper inherits every other
 * method from `store` through its prototype, so it works for plain objects and classes alike.
 *
 * @example const counted = countStoredMessages(store, metrics);
 */
export function countStoredMessages(store: Store, metrics: Metrics): Store {
  const counted: Store = Object.create(store) as Store;
  const count = (message: ChatMessage) => {
    metrics.messages.inc({ from: message.from });
    if (message.from === 'customer' && message.seq === 1) metrics.conversations.inc();
  };
  counted.appendMessage = async (input) => {
    const result = await store.appendMessage(input);
    if (!result.duplicate) count(result.message);
    return result;
  };
  // The write path stores shopper messages and bot replies without `appendMessage`: count them here too.
  counted.recordCustomerMessage = async (write) => {
    const result = await store.recordCustomerMessage(write);
    if (!result.duplicate) count(result.message);
    if (result.reply) count(result.reply);
    return result;
  };
  counted.completeBotTurn = async (turnId, finish, at) => {
    const result = await store.completeBotTurn(turnId, finish, at);
    if (result.reply) count(result.reply);
    return result;
  };
  return counted;
}

/**
 * The desk events port: the moments of a conversation that metrics, reports and follow-ups need
 * and that the store alone cannot tell apart (why a hand-over happened, that the bot helped).
 * The conversation services call it; `metrics/desk-recorder.ts` implements it. It has no effect
 * on the conversation itself: an implementation logs its own failures and never throws.
 *
 * @example await deps.events.handedOff(conversation, ['safety:fire'], at);
 */
import type { ConversationRecord } from '../store/store.js';

export interface DeskEvents {
  /** The bot handed the conversation to people, or an agent took it straight from the bot. */
  handedOff(conversation: ConversationRecord, reasons: readonly string[], at: string): Promise<void>;
  /** The first agent reply of the conversation was stored; `firstResponseAt` is set. */
  firstResponse(conversation: ConversationRecord): Promise<void>;
  /** An agent resolved the conversation; `resolvedAt` and the assignee are set. */
  resolved(conversation: ConversationRecord): Promise<void>;
  /** The shopper rated the conversation for the first time. */
  rated(conversation: ConversationRecord, score: number): void;
}

/** For callers that do not observe the desk (unit tests, tools). */
export const NO_DESK_EVENTS: DeskEvents = Object.freeze({
  handedOff: async () => {},
  firstResponse: async () => {},
  resolved: async () => {},
  rated: () => {},
});

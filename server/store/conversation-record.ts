/**
 * One conversation as stored: the record, and the bot state kept with it as JSON. Its own module
 * so that store.ts and the record modules it assembles (agents, ops, trust) share it without an
 * import cycle.
 */
import type { ConversationStatus, IntentName, StoredBotState, TriageResult, Urgency } from '../protocol.js';

/** The stored bot state and its initial value: the schema lives in protocol.ts (one contract). */
export type { StoredBotState as BotState } from '../protocol.js';
export { INITIAL_BOT_STATE } from '../protocol.js';

export interface ConversationRecord {
  id: string;
  status: ConversationStatus;
  /** ISO 8601 times, UTC, as given by the caller's clock. */
  createdAt: string;
  updatedAt: string;
  locale: string | null;
  page: string | null;
  language: string | null;
  intent: IntentName | null;
  urgency: Urgency | null;
  reasons: string[];
  lastTriage: TriageResult | null;
  botState: StoredBotState;
  /**
   * Why the stored bot state could not be read (malformed JSON or shape), when it could not:
   * `botState` is then the initial state, and the next turn logs this once.
   */
  botStateFault?: string;
  queuedAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  /** Groups one shopper's conversations (the same browser token lineage). */
  customerKey: string;
  /** How to reach the shopper (`contact` event, SPEC §11); absent on records built before it existed. */
  contactEmail?: string | null;
  contactName?: string | null;
  /** The highest message seq already emailed to the contact or seen in the widget (reply emails). */
  emailedSeq?: number;
  /** The last shopper message, cut to `PREVIEW_LENGTH`: the queue lists it without reading messages. */
  preview?: string | null;
}

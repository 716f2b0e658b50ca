/**
 * One conversation as stored: the record, and the bot state kept with it as JSON. Its own module
 * so that store.ts and the record modules it assembles (agents, ops, trust) share it without an
 * import cycle.
 */
import type { ConversationStatus, IntentName, TriageResult, Urgency } from '../protocol.js';

/** What the bot remembers between turns of one conversation; stored as JSON. */
export interface BotState {
  /** The bot asked for an order number and reads it from the next message. */
  awaitingOrderId?: boolean;
  /** The intent that needs the order number once it arrives. */
  pendingIntent?: IntentName;
  /** The bot asked for an order number once in this conversation: it never asks twice. */
  askedForOrderId?: boolean;
  /** Earlier shopper turns for triage history (sentiment trend, repeated questions), newest last. */
  turns?: Array<{ intent: IntentName; sentimentScore: number }>;
  /** The bot gave at least one helpful answer (`helped: true`); decides "solved by the bot" once idle. */
  helped?: boolean;
  /** The shopper's IANA time zone from the widget handshake: times in replies use it (SPEC §9). */
  timeZone?: string;
  /** Turns the bot could not help with; repeated failures hand off (SPEC §3). */
  failures: number;
  /** Order lookups already made (the order provider's results), shown to the agent. */
  lookups: unknown[];
  /** The same orders in full for the agent's summary only (orders/order-privacy.ts `agentLookups`). */
  agentLookups?: unknown[];
}

/** The bot state of a new conversation. */
export const INITIAL_BOT_STATE: Readonly<BotState> = Object.freeze({ failures: 0, lookups: [] });

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
  botState: BotState;
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

/**
 * Owns the storage contract: the records the server keeps (conversations and their messages)
 * and the `Store` interface that the SQLite store (embedded default) and a PostgreSQL store
 * implement with the same queries (SPEC §8). Nothing here knows SQL.
 *
 * @example
 *   const store: Store = await createSqliteStore({ file: sqliteFileIn(config.dataDir) });
 *   const { message, duplicate } = await store.appendMessage({ conversationId, from: 'customer', text, clientId, at });
 */
import type { ChatMessage, ConversationStatus, IntentName, Sender, TriageResult, Urgency } from '../protocol.js';
import type { AgentStore } from './agent-records.js';
import type { OpsStore } from './ops-records.js';
import type { TrustStore } from './trust-records.js';

export type { AgentRecord, AgentRole, AgentStore, NewAgent, NewNote, NoteRecord, SessionRecord } from './agent-records.js';
export type * from './ops-records.js';
export type * from './trust-records.js';

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
}

/** Fields `updateConversation` may change; `undefined` keeps a field, `null` clears it. */
export type ConversationPatch = Partial<Omit<ConversationRecord, 'id' | 'createdAt'>>;

export interface NewConversation {
  id: string;
  /** A hash of the shopper's resume token; the token itself is never stored. */
  tokenHash: string;
  customerKey: string;
  locale?: string;
  page?: string;
  now: string;
}

export interface NewMessage {
  conversationId: string;
  from: Sender;
  text: string;
  /** Makes the append idempotent per conversation: a retry returns the original message. */
  clientId?: string;
  authorName?: string;
  at: string;
  triage?: TriageResult;
}

export interface ConversationFilter {
  status?: ConversationStatus[];
  customerKey?: string;
  /** Only conversations held by this agent. */
  assigneeId?: string;
}

/** Durable storage of conversations, messages, agents, notes and ops data. Every method is async; times are ISO strings. */
export interface Store extends AgentStore, OpsStore, TrustStore {
  /** Creates a conversation in status `bot` with an empty bot state. */
  createConversation(input: NewConversation): Promise<ConversationRecord>;
  findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | undefined>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /** Applies `patch` and returns the updated record; `AppError('not_found')` when the id is unknown. */
  updateConversation(id: string, patch: ConversationPatch): Promise<ConversationRecord>;
  /** Conditional update: sets status 'assigned' + assignee only when status is currently one of `from`; true if this call won. */
  claimConversation(id: string, agent: { id: string; name: string }, from: ConversationStatus[], now: string): Promise<boolean>;
  /**
   * Stores a message with the next seq of its conversation (1, 2, 3, …), atomically. Idempotent on
   * (conversationId, clientId) when clientId is given: returns the original with duplicate:true.
   * When the promise resolves the message is committed, so it may be acknowledged (SPEC §8).
   */
  appendMessage(input: NewMessage): Promise<{ message: ChatMessage; duplicate: boolean }>;
  /** Messages in seq order, only those with seq > `afterSeq` when given. */
  listMessages(conversationId: string, afterSeq?: number): Promise<ChatMessage[]>;
  getMessageTriage(messageId: string): Promise<TriageResult | undefined>;
  /** Conversations matching every given filter, oldest first. */
  listConversations(filter: ConversationFilter): Promise<ConversationRecord[]>;
  close(): Promise<void>;
}

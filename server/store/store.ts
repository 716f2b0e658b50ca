/**
 * Owns the storage contract: the records the server keeps (conversations and their messages)
 * and the `Store` interface that the SQLite store (embedded default) and a PostgreSQL store
 * implement with the same queries (SPEC §8). Nothing here knows SQL.
 *
 * @example
 *   const store: Store = await createSqliteStore({ file: sqliteFileIn(config.dataDir) });
 *   const { message, duplicate } = await store.appendMessage({ conversationId, from: 'customer', text, clientId, at });
 */
import type { ChatMessage, ConversationStatus, Sender, TriageResult } from '../protocol.js';
import type { AgentStore } from './agent-records.js';
import type { ConversationRecord } from './conversation-record.js';
import type { OpsStore } from './ops-records.js';
import type { TrustStore } from './trust-records.js';

export type { AgentRecord, AgentRole, AgentStore, NewAgent, NewNote, NoteRecord, SessionRecord } from './agent-records.js';
export type * from './ops-records.js';
export type * from './trust-records.js';

// The conversation row's types live in conversation-record.ts, so the record modules below can
// use them without importing this file (which re-exports them).
export { INITIAL_BOT_STATE } from './conversation-record.js';
export type { BotState, ConversationRecord } from './conversation-record.js';

/** The conversation after `patch` (undefined fields kept), without reading it back. Pure. */
export function applyPatch(current: ConversationRecord, patch: ConversationPatch): ConversationRecord {
  const next = { ...current };
  // for…in rather than Object.entries: no [field, value] array per field on every write.
  for (const field in patch) {
    const value = patch[field as keyof ConversationPatch];
    if (value !== undefined) (next as Record<string, unknown>)[field] = value;
  }
  return next;
}

/** How much of the last shopper message the queue shows. */
export const PREVIEW_LENGTH = 140;

/** A pending bot turn (the outbox row) with the shopper message it answers. */
export interface BotTurnRecord {
  id: string;
  conversationId: string;
  message: ChatMessage;
  /** The triage stored with that message (null only for rows written before triage was stored). */
  triage: TriageResult | null;
  createdAt: string;
}

/**
 * Computes a conversation change from the row as it is inside the write's transaction, so the
 * change never overwrites a concurrent one with stale data. Pure: no I/O, may run more than once.
 */
export type ConversationUpdate = (current: ConversationRecord) => ConversationPatch;

/** One shopper message as ONE logical write (SPEC §8): see `Store.recordCustomerMessage`. */
export interface CustomerMessageWrite {
  message: NewMessage;
  /** The conversation change that goes with the message (triage fields, reopening); `preview` and `updatedAt` are set by the store. */
  update: ConversationUpdate;
  /** Store a pending bot turn when the updated conversation is in this status (normally `bot`). */
  turnWhen: ConversationStatus[];
  /**
   * Called once the write has committed, maybe before it is on disk (SQLite's group commit fsyncs
   * after COMMIT): the bot turn can start while the fsync runs. Whatever that work tells anyone
   * waits for its own write, which settles after this one. A store that cannot tell skips it.
   */
  committed?: (result: CustomerMessageResult) => void;
  /**
   * The bot's answer, decided inside the write when it needs no I/O (no order lookup): called with
   * the conversation as this message left it, when its status is in `turnWhen`. Its reply and patch
   * then commit with the message, and no pending turn is stored (a crash keeps both or neither).
   * Undefined stores the pending turn as usual.
   */
  answerAtOnce?: (conversation: ConversationRecord, message: ChatMessage) => BotTurnOutcome | undefined;
}

export interface CustomerMessageResult {
  message: ChatMessage;
  duplicate: boolean;
  /** The conversation after the write (before it, for a duplicate). */
  conversation: ConversationRecord;
  /** The pending bot turn stored with the message, if any. */
  turn?: BotTurnRecord;
  /** The bot's reply stored with the message (`answerAtOnce`), if any: then there is no `turn`. */
  reply?: ChatMessage;
}

/** What a finished bot turn writes, decided from the conversation as it is inside the transaction. */
export interface BotTurnOutcome {
  /** The bot's reply; absent when the bot stays silent (a person took over meanwhile). */
  reply?: Omit<NewMessage, 'conversationId'>;
  patch?: ConversationPatch;
}

export interface BotTurnCompletion {
  /** False when the turn was already done (by this node before a crash, or by another node): nothing was written. */
  completed: boolean;
  reply?: ChatMessage;
  conversation?: ConversationRecord;
}

/** A page of a conversation's messages in seq order, and whether older ones exist. */
export interface MessagePage {
  messages: ChatMessage[];
  earlier: boolean;
}

/**
 * Fields `updateConversation` may change; `undefined` keeps a field, `null` clears it.
 * `botStateFault` is only ever read (rows.ts), never written.
 */
export type ConversationPatch = Partial<Omit<ConversationRecord, 'id' | 'createdAt' | 'botStateFault'>>;

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
  /** The last `limit` messages with seq < `beforeSeq` (all seqs when omitted), in seq order. */
  listMessagePage(conversationId: string, limit: number, beforeSeq?: number): Promise<MessagePage>;

  // ---- The write path (SPEC §8). Each call is ONE logical write, committed atomically. A store
  // may group the writes of many conversations that arrive together into one transaction (the
  // SQLite store does, per event-loop turn; a PostgreSQL store can do one transaction per batch);
  // a promise resolves only after its write has committed, so the caller may then acknowledge it.

  /**
   * The shopper's message, the conversation update and (when the updated status is in `turnWhen`)
   * the pending bot turn, in one commit. Idempotent on clientId like `appendMessage`: a duplicate
   * writes nothing. `AppError('not_found')` for an unknown conversation.
   */
  recordCustomerMessage(write: CustomerMessageWrite): Promise<CustomerMessageResult>;
  /**
   * Finishes a pending turn exactly once: marks it done and writes `finish(current)`'s reply and
   * patch in the same commit. When the turn is already done, writes nothing (`completed: false`).
   */
  completeBotTurn(turnId: string, finish: (current: ConversationRecord) => BotTurnOutcome, at: string): Promise<BotTurnCompletion>;
  /** Unfinished bot turns, oldest first (a node runs them at start). */
  listPendingBotTurns(): Promise<BotTurnRecord[]>;
  /** Queued and assigned conversations (or only `ids`, whatever their status): one indexed query, no message reads. */
  listQueueConversations(ids?: string[]): Promise<ConversationRecord[]>;
  /** Conversations matching every given filter, oldest first. */
  listConversations(filter: ConversationFilter): Promise<ConversationRecord[]>;
  close(): Promise<void>;
}

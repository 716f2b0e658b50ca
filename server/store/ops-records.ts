/**
 * Owns the storage contract of the ops side: intent file versions (the audit log of tuning),
 * follow-up reminders, the hand-overs from the bot to people, how bot-only conversations ended,
 * and the reads the reports need. Nothing here knows SQL; `kysely-ops-store.ts` implements it.
 *
 * @example
 *   await store.addHandoff({ conversationId, at, reason: 'safety', reasons: ['safety:fire'] });
 *   const versions = await store.listIntentVersions('refund'); // newest first
 */
import type { TriageResult } from '../protocol.js';
import type { ConversationRecord } from './conversation-record.js';

export interface IntentVersionRecord {
  id: string;
  /** Orders every saved version of every intent (1, 2, 3, …); assigned by the store. */
  version: number;
  intent: string;
  yaml: string;
  /** Null when the text was found on disk rather than saved from the console. */
  authorId: string | null;
  authorName: string;
  at: string;
  /** One line a person reads, such as `keywords.en: +refundo, -reimburse, refund 3.5→4`. */
  summary: string;
}

export type NewIntentVersion = Omit<IntentVersionRecord, 'id' | 'version'>;

export interface FollowUpRecord {
  id: string;
  conversationId: string;
  agentId: string;
  dueAt: string;
  createdAt: string;
  doneAt: string | null;
  note: string | null;
}

export type NewFollowUp = Omit<FollowUpRecord, 'id' | 'doneAt' | 'note'>;

export interface HandoffRecord {
  id: string;
  conversationId: string;
  at: string;
  /** The primary reason kind, one label per hand-over (`safety`, `request`, `agent`, …). */
  reason: string;
  reasons: string[];
}

export type NewHandoff = Omit<HandoffRecord, 'id'>;

export type BotOutcome = 'solved' | 'unsolved';

/** Half-open time range `[from, to)` of ISO strings. */
export interface TimeRange {
  from: string;
  to: string;
}

/** A stored shopper message with the triage it got, for reports and the ledger. */
export interface CustomerMessageRecord {
  conversationId: string;
  seq: number;
  text: string;
  at: string;
  triage: TriageResult | null;
}

export interface OpsStore {
  /** Appends a version; ids and the order of `listIntentVersions` come from the store. */
  addIntentVersion(input: NewIntentVersion): Promise<IntentVersionRecord>;
  /** Versions of one intent file, newest first. */
  listIntentVersions(intent: string): Promise<IntentVersionRecord[]>;
  getIntentVersion(id: string): Promise<IntentVersionRecord | undefined>;
  /** The newest version of each intent among those numbered above `version`, oldest first (several nodes poll it). */
  newestIntentVersionsSince(version: number): Promise<IntentVersionRecord[]>;

  addFollowUp(input: NewFollowUp): Promise<FollowUpRecord>;
  /** Follow-ups of one agent, or of everyone; pending first, then by due time. */
  listFollowUps(filter: { agentId?: string; conversationId?: string }): Promise<FollowUpRecord[]>;
  getFollowUp(id: string): Promise<FollowUpRecord | undefined>;
  /** Sets `doneAt` once; false when it was already done or does not exist. */
  markFollowUpDone(id: string, at: string): Promise<boolean>;

  addHandoff(input: NewHandoff): Promise<HandoffRecord>;
  /** Hand-overs of the given conversations, oldest first. */
  listHandoffs(conversationIds: readonly string[]): Promise<HandoffRecord[]>;

  /** Conversations still with the bot, idle since before `before`, with a shopper message and no outcome yet. */
  listUnsettledBotConversations(before: string): Promise<ConversationRecord[]>;
  /** Records the outcome once; false when the conversation already had one (another sweep or node won). */
  settleBotConversation(conversationId: string, outcome: BotOutcome, at: string): Promise<boolean>;
  /** Outcomes of the given conversations. */
  listBotOutcomes(conversationIds: readonly string[]): Promise<Map<string, BotOutcome>>;

  /** Conversations opened in `range` in which the shopper wrote at least once, oldest first. */
  listOpenedConversations(range: TimeRange): Promise<ConversationRecord[]>;
  /** Shopper messages written in `range`, or of the given conversations, in time order. */
  listCustomerMessages(filter: { range?: TimeRange; conversationIds?: readonly string[] }): Promise<CustomerMessageRecord[]>;
}

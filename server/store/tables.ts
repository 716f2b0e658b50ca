/**
 * Owns the SQL table shapes as kysely sees them (snake_case columns, JSON kept as text, times as
 * ISO text) so that SQLite and PostgreSQL run the same typed queries. A new migration that adds
 * a table adds its interface here too.
 *
 * @example const db = new Kysely<Tables>({ dialect });
 */
import type { TrustTables } from './trust-tables.js';

export interface ConversationsTable {
  id: string;
  token_hash: string;
  customer_key: string;
  status: string;
  created_at: string;
  updated_at: string;
  locale: string | null;
  page: string | null;
  language: string | null;
  intent: string | null;
  urgency: string | null;
  reasons_json: string;
  last_triage_json: string | null;
  bot_state_json: string;
  queued_at: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  rating: number | null;
  rating_comment: string | null;
  /** Migration 0004: how to reach the shopper (SPEC §11) and the last seq emailed or seen. */
  contact_email: string | null;
  contact_name: string | null;
  emailed_seq: number | null;
  /** The last shopper message, cut to the queue's preview length (0006). */
  preview: string | null;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  sender: string;
  text: string;
  client_id: string | null;
  author_name: string | null;
  at: string;
  triage_json: string | null;
}

export interface AgentsTable {
  id: string;
  /** Lowercased; unique. */
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface AgentSessionsTable {
  token_hash: string;
  agent_id: string;
  expires_at: string;
  created_at: string;
}

export interface NotesTable {
  id: string;
  conversation_id: string;
  agent_id: string;
  agent_name: string;
  text: string;
  at: string;
}

/** One saved text of an intent file (the audit log of ops edits); `version` orders them. */
export interface IntentVersionsTable {
  id: string;
  version: number;
  intent: string;
  yaml: string;
  /** Null for a text found on disk (edited by hand, or before the first console edit). */
  author_id: string | null;
  author_name: string;
  at: string;
  summary: string;
}

export interface FollowUpsTable {
  id: string;
  conversation_id: string;
  agent_id: string;
  due_at: string;
  created_at: string;
  done_at: string | null;
  note: string | null;
}

/** One hand-over from the bot to people (a bot handoff, or an agent taking over from the bot). */
export interface HandoffsTable {
  id: string;
  conversation_id: string;
  at: string;
  /** The primary reason kind (`safety`, `request`, …), see handoff/handoff-reason.ts. */
  reason: string;
  reasons_json: string;
}

/** How a conversation that only the bot handled ended, once it went idle: `solved` or `unsolved`. */
export interface BotOutcomesTable {
  conversation_id: string;
  outcome: string;
  at: string;
}

/** The bot-turn outbox (0006): one row per shopper message the bot must answer; `done_at` set once answered. */
export interface BotTurnsTable {
  id: string;
  conversation_id: string;
  message_id: string;
  created_at: string;
  done_at: string | null;
}

export interface Tables extends TrustTables {
  conversations: ConversationsTable;
  messages: MessagesTable;
  agents: AgentsTable;
  agent_sessions: AgentSessionsTable;
  notes: NotesTable;
  intent_versions: IntentVersionsTable;
  follow_ups: FollowUpsTable;
  handoffs: HandoffsTable;
  bot_outcomes: BotOutcomesTable;
  bot_turns: BotTurnsTable;
}

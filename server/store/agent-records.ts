/**
 * Owns the storage contract of the people side: agent accounts, their login sessions and the
 * internal notes they leave on conversations, as `AgentStore`, which `Store` extends. Nothing
 * here knows SQL; `kysely-agent-store.ts` implements it.
 *
 * @example
 *   await store.upsertAgent({ id: newId(), email: 'mia@shop.example', name: 'Mia', role: 'agent', passwordHash, now });
 *   const session = await store.findSession(hashToken(token)); // undefined when unknown
 */
import type { ConversationRecord } from './conversation-record.js';

/** `ops` may do all that an `agent` may, plus tuning and accounts (SPEC §2). */
export type AgentRole = 'agent' | 'ops';

export interface AgentRecord {
  id: string;
  /** Always lowercased: one account per address, however it is typed. */
  email: string;
  name: string;
  role: AgentRole;
  /** `scrypt$N$r$p$salt$hash` (credentials.ts); never leaves the server. */
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewAgent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  now: string;
}

export interface SessionRecord {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  agentId: string;
  expiresAt: string;
  createdAt: string;
}

export interface NoteRecord {
  id: string;
  conversationId: string;
  agentId: string;
  agentName: string;
  text: string;
  at: string;
}

export type NewNote = Omit<NoteRecord, 'id'>;

/** Agents, sessions, notes, and the conditional updates that move a conversation between agents. */
export interface AgentStore {
  /** Inserts only if no account has this email; false when one already does (no overwrite). */
  insertAgent(input: NewAgent): Promise<boolean>;
  /** Creates the account, or updates name, role and password of the one with this email (keeps its id). */
  upsertAgent(input: NewAgent): Promise<AgentRecord>;
  findAgentByEmail(email: string): Promise<AgentRecord | undefined>;
  getAgent(id: string): Promise<AgentRecord | undefined>;
  listAgents(): Promise<AgentRecord[]>;
  countAgents(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Removes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;

  addNote(input: NewNote): Promise<NoteRecord>;
  /** Notes of one conversation, oldest first. */
  listNotes(conversationId: string): Promise<NoteRecord[]>;

  /**
   * Conditional update assigned → queued, only while `agentId` still holds the conversation; keeps
   * `queuedAt` (the shopper keeps their place), or sets it to `now` if it never queued. True if it moved.
   */
  releaseConversation(id: string, agentId: string, now: string): Promise<boolean>;
  /** Conditional update: reassigns to `to` only while `fromAgentId` still holds it. True if it moved. */
  transferConversation(id: string, fromAgentId: string, to: { id: string; name: string }, now: string): Promise<boolean>;
  /** Conditional update assigned → resolved, only while `agentId` holds it. Returns the record, or undefined. */
  resolveConversation(id: string, agentId: string, now: string): Promise<ConversationRecord | undefined>;
}

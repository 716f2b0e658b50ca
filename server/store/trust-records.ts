/**
 * Owns the trust half of the storage contract: which emails belong to a conversation (a verified
 * identity, an order email the shopper typed, a contact address), the privacy audit trail, and
 * the erasure of one conversation's personal data. Kysely queries in `kysely-trust-store.ts`.
 *
 * @example await store.addShopperEmail({ conversationId, email, source: 'identity', sub: 'cust_42', at });
 */

export type ShopperEmailSource = 'identity' | 'order' | 'contact';

export interface ShopperEmailRecord {
  conversationId: string;
  email: string;
  source: ShopperEmailSource;
  /** The shop's customer id, for a verified identity. */
  sub: string | null;
  name: string | null;
  at: string;
}

export interface PrivacyAuditRecord {
  id: string;
  at: string;
  actorId: string;
  action: 'export' | 'erase' | 'retention';
  /** What was asked for, e.g. `{ email }` masked or `{ conversationId }`. */
  subject: string;
  conversations: number;
  messages: number;
}

/** Account settings beside the agent row: disabled (tokens refused), languages spoken. */
export interface AgentFlags {
  disabledAt: string | null;
  languages: string[] | null;
}

export interface TrustStore {
  getAgentFlags(agentId: string): Promise<AgentFlags>;
  /** Changes the given fields only. */
  setAgentFlags(agentId: string, flags: Partial<AgentFlags>): Promise<void>;
  /** Renames an account or changes its role; undefined keeps a field. */
  updateAgentProfile(agentId: string, patch: { name?: string; role?: 'agent' | 'ops'; now: string }): Promise<void>;
  /** Revokes every token of an agent (disable, password change). */
  deleteSessionsOf(agentId: string): Promise<number>;
  /** Moves a session's expiry (sliding expiry after inactivity). */
  touchSession(tokenHash: string, expiresAt: string): Promise<void>;

  /** Idempotent on (conversationId, email, source). */
  addShopperEmail(record: ShopperEmailRecord): Promise<void>;
  listShopperEmails(conversationId: string): Promise<ShopperEmailRecord[]>;
  /** Conversations linked to `email` by any source, oldest first. */
  conversationIdsByEmail(email: string): Promise<string[]>;
  /**
   * Deletes a conversation's messages, notes, emails, page and rating comment and makes its
   * resume token unusable; keeps the row's anonymous fields (status, intent, urgency, times,
   * rating) so reports still count it. Returns the number of messages deleted.
   */
  eraseConversation(conversationId: string, at: string): Promise<number>;
  isErased(conversationId: string): Promise<boolean>;
  /** Conversations resolved before `before` and not erased yet (the retention sweep). */
  conversationIdsResolvedBefore(before: string, limit: number): Promise<string[]>;
  addPrivacyAudit(record: PrivacyAuditRecord): Promise<void>;
  listPrivacyAudit(): Promise<PrivacyAuditRecord[]>;
}

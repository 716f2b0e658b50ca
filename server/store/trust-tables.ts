/**
 * Owns the SQL shapes of the trust tables (migration `0005_trust`): shopper emails per
 * conversation, erasures, the privacy audit trail, and per-agent settings (disabled, languages).
 * `Tables` extends this, so the kysely queries in `kysely-trust-store.ts` are typed.
 */

export interface ShopperEmailsTable {
  conversation_id: string;
  email: string;
  source: string;
  sub: string | null;
  name: string | null;
  at: string;
}

export interface ErasuresTable {
  conversation_id: string;
  at: string;
}

export interface PrivacyAuditTable {
  id: string;
  at: string;
  actor_id: string;
  action: string;
  subject: string;
  conversations: number;
  messages: number;
}

export interface AgentFlagsTable {
  agent_id: string;
  disabled_at: string | null;
  languages_json: string | null;
}

export interface TrustTables {
  shopper_emails: ShopperEmailsTable;
  erasures: ErasuresTable;
  privacy_audit: PrivacyAuditTable;
  agent_flags: AgentFlagsTable;
}

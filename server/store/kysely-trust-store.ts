/**
 * Owns the `TrustStore` queries (kysely, unchanged on SQLite and PostgreSQL): shopper emails,
 * erasure of one conversation's personal data, the privacy audit, agent flags and session
 * revocation. `createKyselyStore` spreads them into `Store`.
 *
 * @example const trust = createKyselyTrustStore(db); await trust.eraseConversation(id, now);
 */
import type { Kysely } from 'kysely';
import type { ShopperEmailRecord, ShopperEmailSource, TrustStore } from './trust-records.js';
import type { Tables } from './tables.js';
import type { ShopperEmailsTable } from './trust-tables.js';

/** One stored shopper email as the store returns it (also read by the SQLite hot path). */
export function toShopperEmail(row: ShopperEmailsTable): ShopperEmailRecord {
  return { conversationId: row.conversation_id, email: row.email, source: row.source as ShopperEmailSource, sub: row.sub, name: row.name, at: row.at };
}

export function createKyselyTrustStore(db: Kysely<Tables>): TrustStore {
  return {
    async getAgentFlags(agentId) {
      const row = await db.selectFrom('agent_flags').selectAll().where('agent_id', '=', agentId).executeTakeFirst();
      return { disabledAt: row?.disabled_at ?? null, languages: row?.languages_json ? (JSON.parse(row.languages_json) as string[]) : null };
    },

    async setAgentFlags(agentId, flags) {
      const current = await this.getAgentFlags(agentId);
      const next = { ...current, ...flags };
      const row = { disabled_at: next.disabledAt, languages_json: next.languages ? JSON.stringify(next.languages) : null };
      await db
        .insertInto('agent_flags')
        .values({ agent_id: agentId, ...row })
        .onConflict((conflict) => conflict.column('agent_id').doUpdateSet(row))
        .execute();
    },

    async updateAgentProfile(agentId, patch) {
      await db
        .updateTable('agents')
        .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.role !== undefined ? { role: patch.role } : {}), updated_at: patch.now })
        .where('id', '=', agentId)
        .execute();
    },

    async deleteSessionsOf(agentId) {
      const result = await db.deleteFrom('agent_sessions').where('agent_id', '=', agentId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async touchSession(tokenHash, expiresAt) {
      await db.updateTable('agent_sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
    },

    async addShopperEmail(record) {
      await db
        .insertInto('shopper_emails')
        .values({ conversation_id: record.conversationId, email: record.email.toLowerCase(), source: record.source, sub: record.sub, name: record.name, at: record.at })
        .onConflict((conflict) => conflict.columns(['conversation_id', 'email', 'source']).doNothing())
        .execute();
    },

    async listShopperEmails(conversationId) {
      const rows = await db.selectFrom('shopper_emails').selectAll().where('conversation_id', '=', conversationId).orderBy('at').execute();
      return rows.map(toShopperEmail);
    },

    async conversationIdsByEmail(email) {
      const address = email.toLowerCase();
      // Linked by an identity or a typed order email, or left as the contact address (SPEC §11).
      const linked = await db.selectFrom('shopper_emails').select('conversation_id').where('email', '=', address).execute();
      const contacts = await db.selectFrom('conversations').select('id').where((eb) => eb(eb.fn('lower', ['contact_email']), '=', address)).execute();
      return [...new Set([...linked.map((row) => row.conversation_id), ...contacts.map((row) => row.id)])].sort();
    },

    async eraseConversation(conversationId, at) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx.deleteFrom('messages').where('conversation_id', '=', conversationId).executeTakeFirst();
        await trx.deleteFrom('notes').where('conversation_id', '=', conversationId).execute();
        await trx.deleteFrom('shopper_emails').where('conversation_id', '=', conversationId).execute();
        // The row stays for anonymous counts; what could name or reach the shopper goes. A token
        // hash nobody can produce retires the resume token (the column is unique and not null).
        await trx
          .updateTable('conversations')
          .set({ page: null, contact_email: null, contact_name: null, rating_comment: null, last_triage_json: null, bot_state_json: '{"failures":0,"lookups":[]}', token_hash: `erased:${conversationId}`, updated_at: at })
          .where('id', '=', conversationId)
          .execute();
        await trx.insertInto('erasures').values({ conversation_id: conversationId, at }).onConflict((conflict) => conflict.column('conversation_id').doNothing()).execute();
        return Number(deleted.numDeletedRows);
      });
    },

    async isErased(conversationId) {
      return (await db.selectFrom('erasures').select('conversation_id').where('conversation_id', '=', conversationId).executeTakeFirst()) !== undefined;
    },

    async conversationIdsResolvedBefore(before, limit) {
      const rows = await db
        .selectFrom('conversations')
        .leftJoin('erasures', 'erasures.conversation_id', 'conversations.id')
        .select('conversations.id')
        .where('conversations.status', '=', 'resolved')
        .where('conversations.resolved_at', '<', before)
        .where('erasures.conversation_id', 'is', null)
        .orderBy('conversations.resolved_at')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async addPrivacyAudit(record) {
      await db
        .insertInto('privacy_audit')
        .values({ id: record.id, at: record.at, actor_id: record.actorId, action: record.action, subject: record.subject, conversations: record.conversations, messages: record.messages })
        .execute();
    },

    async listPrivacyAudit() {
      const rows = await db.selectFrom('privacy_audit').selectAll().orderBy('at').orderBy('id').execute();
      return rows.map((row) => ({
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        action: row.action as 'export' | 'erase' | 'retention',
        subject: row.subject,
        conversations: Number(row.conversations),
        messages: Number(row.messages),
      }));
    },
  };
}

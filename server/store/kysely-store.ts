/**
 * Owns the `Store` implementation as kysely queries that run unchanged on SQLite and PostgreSQL;
 * the dialect-specific factories (`sqlite-store.ts`, later `postgres-store.ts`) only open the
 * connection, set pragmas and migrate.
 *
 * @example const store = createKyselyStore(new Kysely<Tables>({ dialect }));
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../errors.js';
import type { ChatMessage, ConversationStatus, TriageResult } from '../protocol.js';
import { createKyselyAgentStore } from './kysely-agent-store.js';
import { createKyselyTrustStore } from './kysely-trust-store.js';
import { createKyselyOpsStore } from './kysely-ops-store.js';
import { CONVERSATION_NOT_FOUND, createKyselyWritePath, insertMessage } from './kysely-write-path.js';
import { newConversationRow, toChatMessage, toConversationColumns, toConversationRecord } from './rows.js';
import type { ConversationRecord, NewMessage, Store } from './store.js';
import type { Tables } from './tables.js';


/**
 * Appends inside one transaction. The first statement is a no-op update of the conversation row:
 * it takes the row lock in PostgreSQL (the write lock in SQLite), so concurrent appends to one
 * conversation run one after the other and neither `max(seq) + 1` nor the clientId check can race.
 */
async function appendInTransaction(trx: Transaction<Tables>, input: NewMessage): Promise<{ message: ChatMessage; duplicate: boolean }> {
  const locked = await trx
    .updateTable('conversations')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', input.conversationId)
    .executeTakeFirst();
  if (locked.numUpdatedRows === 0n) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
  const appended = await insertMessage(trx, input);
  if (appended.duplicate) return appended;
  await trx.updateTable('conversations').set({ updated_at: input.at }).where('id', '=', input.conversationId).execute();
  return appended;
}

/**
 * A `Store` over any kysely database holding the migrated `Tables`. `close()` destroys `db`.
 *
 * @example
 *   const store = createKyselyStore(db);
 *   await store.claimConversation(id, { id: agentId, name: 'Mia' }, ['queued'], now); // true for one caller only
 */
export function createKyselyStore(db: Kysely<Tables>): Store {
  const selectConversation = () => db.selectFrom('conversations').selectAll();
  const getConversation = async (id: string): Promise<ConversationRecord | undefined> => {
    const row = await selectConversation().where('id', '=', id).executeTakeFirst();
    return row && toConversationRecord(row);
  };

  return {
    ...createKyselyAgentStore(db),
    ...createKyselyOpsStore(db),
    ...createKyselyTrustStore(db),
    ...createKyselyWritePath(db),

    async createConversation(input) {
      await db
        .insertInto('conversations')
        .values(newConversationRow(input))
        .execute();
      const created = await getConversation(input.id);
      if (!created) throw new AppError('internal', `conversation ${input.id} vanished right after its insert`);
      return created;
    },

    async findConversationByTokenHash(tokenHash) {
      const row = await selectConversation().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && toConversationRecord(row);
    },

    getConversation,

    async updateConversation(id, patch) {
      const columns = toConversationColumns(patch);
      if (Object.keys(columns).length > 0) {
        const result = await db.updateTable('conversations').set(columns).where('id', '=', id).executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
      }
      const updated = await getConversation(id);
      if (!updated) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
      return updated;
    },

    async claimConversation(id, agent, from, now) {
      if (from.length === 0) return false; // `IN ()` is not valid SQL, and nothing can match anyway
      // One conditional UPDATE: the database decides the race, whichever node the agents are on.
      const result = await db
        .updateTable('conversations')
        .set({ status: 'assigned' satisfies ConversationStatus, assignee_id: agent.id, assignee_name: agent.name, updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', from)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    appendMessage: (input) => db.transaction().execute((trx) => appendInTransaction(trx, input)),

    async listMessages(conversationId, afterSeq) {
      let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
      if (afterSeq !== undefined) query = query.where('seq', '>', afterSeq);
      const rows = await query.orderBy('seq').execute();
      return rows.map(toChatMessage);
    },

    async getMessageTriage(messageId) {
      const row = await db.selectFrom('messages').select('triage_json').where('id', '=', messageId).executeTakeFirst();
      return row?.triage_json ? (JSON.parse(row.triage_json) as TriageResult) : undefined;
    },

    async listConversations(filter) {
      if (filter.status?.length === 0) return [];
      let query = selectConversation();
      if (filter.status !== undefined) query = query.where('status', 'in', filter.status);
      if (filter.customerKey !== undefined) query = query.where('customer_key', '=', filter.customerKey);
      if (filter.assigneeId !== undefined) query = query.where('assignee_id', '=', filter.assigneeId);
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map(toConversationRecord);
    },

    close: () => db.destroy(),
  };
}

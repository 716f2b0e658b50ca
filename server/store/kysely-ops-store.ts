/**
 * Owns the `OpsStore` half of the store as kysely queries that run unchanged on SQLite and
 * PostgreSQL: intent versions, follow-ups, hand-overs, bot outcomes and the report reads.
 *
 * @example const opsStore = createKyselyOpsStore(db); await opsStore.listIntentVersions('refund');
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ConversationStatus, TriageResult } from '../protocol.js';
import type { BotOutcome, FollowUpRecord, HandoffRecord, IntentVersionRecord, OpsStore } from './ops-records.js';
import { toConversationRecord } from './rows.js';
import type { FollowUpsTable, HandoffsTable, IntentVersionsTable, Tables } from './tables.js';

/** Stays far below SQLite's and PostgreSQL's limits on bound parameters per statement. */
const IN_CHUNK = 500;

function toVersion(row: IntentVersionsTable): IntentVersionRecord {
  return { id: row.id, version: Number(row.version), intent: row.intent, yaml: row.yaml, authorId: row.author_id, authorName: row.author_name, at: row.at, summary: row.summary };
}

function toFollowUp(row: FollowUpsTable): FollowUpRecord {
  return { id: row.id, conversationId: row.conversation_id, agentId: row.agent_id, dueAt: row.due_at, createdAt: row.created_at, doneAt: row.done_at, note: row.note };
}

function toHandoff(row: HandoffsTable): HandoffRecord {
  return { id: row.id, conversationId: row.conversation_id, at: row.at, reason: row.reason, reasons: JSON.parse(row.reasons_json) as string[] };
}

/** Runs `query` over `ids` in chunks and concatenates the rows. */
async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await query(ids.slice(i, i + IN_CHUNK))));
  return out;
}

/**
 * The ops queries over a migrated database; `createKyselyStore` spreads them into `Store`.
 *
 * @example await createKyselyOpsStore(db).settleBotConversation(id, 'solved', now); // true once
 */
export function createKyselyOpsStore(db: Kysely<Tables>): OpsStore {
  // A conversation counts once the shopper wrote: opening the widget alone is not a conversation.
  const hasCustomerMessage = (eb: ExpressionBuilder<Tables, 'conversations'>) =>
    eb.exists(eb.selectFrom('messages').select('messages.id').whereRef('messages.conversation_id', '=', 'conversations.id').where('messages.sender', '=', 'customer'));

  return {
    async addIntentVersion(input) {
      return db.transaction().execute(async (trx) => {
        const { last } = await trx.selectFrom('intent_versions').select((eb) => eb.fn.max('version').as('last')).executeTakeFirstOrThrow();
        const row: IntentVersionsTable = {
          id: randomUUID(),
          version: Number(last ?? 0) + 1,
          intent: input.intent,
          yaml: input.yaml,
          author_id: input.authorId,
          author_name: input.authorName,
          at: input.at,
          summary: input.summary,
        };
        await trx.insertInto('intent_versions').values(row).execute();
        return toVersion(row);
      });
    },

    async listIntentVersions(intent) {
      const rows = await db.selectFrom('intent_versions').selectAll().where('intent', '=', intent).orderBy('version', 'desc').execute();
      return rows.map(toVersion);
    },

    async getIntentVersion(id) {
      const row = await db.selectFrom('intent_versions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toVersion(row);
    },

    async newestIntentVersionsSince(version) {
      const newest = db.selectFrom('intent_versions').select((eb) => eb.fn.max('version').as('version')).where('version', '>', version).groupBy('intent');
      const rows = await db.selectFrom('intent_versions').selectAll().where('version', 'in', newest).orderBy('version').execute();
      return rows.map(toVersion);
    },

    async addFollowUp(input) {
      const row: FollowUpsTable = { id: randomUUID(), conversation_id: input.conversationId, agent_id: input.agentId, due_at: input.dueAt, created_at: input.createdAt, done_at: null, note: null };
      await db.insertInto('follow_ups').values(row).execute();
      return toFollowUp(row);
    },

    async listFollowUps(filter) {
      let query = db.selectFrom('follow_ups').selectAll();
      if (filter.agentId !== undefined) query = query.where('agent_id', '=', filter.agentId);
      if (filter.conversationId !== undefined) query = query.where('conversation_id', '=', filter.conversationId);
      const rows = await query.orderBy('due_at').orderBy('id').execute();
      // Pending first; a stable sort keeps the due-time order inside each group.
      return rows.map(toFollowUp).sort((a, b) => Number(a.doneAt !== null) - Number(b.doneAt !== null));
    },

    async getFollowUp(id) {
      const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toFollowUp(row);
    },

    async markFollowUpDone(id, at) {
      const result = await db.updateTable('follow_ups').set({ done_at: at }).where('id', '=', id).where('done_at', 'is', null).executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    async addHandoff(input) {
      const row: HandoffsTable = { id: randomUUID(), conversation_id: input.conversationId, at: input.at, reason: input.reason, reasons_json: JSON.stringify(input.reasons) };
      await db.insertInto('handoffs').values(row).execute();
      return toHandoff(row);
    },

    async listHandoffs(conversationIds) {
      const rows = await inChunks(conversationIds, (chunk) =>
        db.selectFrom('handoffs').selectAll().where('conversation_id', 'in', chunk).orderBy('at').orderBy('id').execute(),
      );
      return rows.map(toHandoff).sort((a, b) => a.at.localeCompare(b.at));
    },

    async listUnsettledBotConversations(before) {
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('status', '=', 'bot' satisfies ConversationStatus)
        .where('updated_at', '<', before)
        .where(hasCustomerMessage)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('bot_outcomes').select('bot_outcomes.conversation_id').whereRef('bot_outcomes.conversation_id', '=', 'conversations.id'))),
        )
        .orderBy('updated_at')
        .execute();
      return rows.map(toConversationRecord);
    },

    async settleBotConversation(conversationId, outcome, at) {
      const result = await db
        .insertInto('bot_outcomes')
        .values({ conversation_id: conversationId, outcome, at })
        .onConflict((conflict) => conflict.column('conversation_id').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async listBotOutcomes(conversationIds) {
      const rows = await inChunks(conversationIds, (chunk) => db.selectFrom('bot_outcomes').selectAll().where('conversation_id', 'in', chunk).execute());
      return new Map(rows.map((row) => [row.conversation_id, row.outcome as BotOutcome]));
    },

    async listOpenedConversations(range) {
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('created_at', '>=', range.from)
        .where('created_at', '<', range.to)
        .where(hasCustomerMessage)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toConversationRecord);
    },

    async listCustomerMessages(filter) {
      const base = () => db.selectFrom('messages').select(['conversation_id', 'seq', 'text', 'at', 'triage_json']).where('sender', '=', 'customer');
      const rows = filter.conversationIds
        ? await inChunks(filter.conversationIds, (chunk) => base().where('conversation_id', 'in', chunk).execute())
        : await base()
            .where('at', '>=', filter.range?.from ?? '')
            .where('at', '<', filter.range?.to ?? '\uffff')
            .execute();
      return rows
        .map((row) => ({
          conversationId: row.conversation_id,
          seq: Number(row.seq),
          text: row.text,
          at: row.at,
          triage: row.triage_json ? (JSON.parse(row.triage_json) as TriageResult) : null,
        }))
        .sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
    },
  };
}

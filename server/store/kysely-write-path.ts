/**
 * Owns the write path of the `Store` (SPEC §8) as portable kysely queries: the shopper message
 * with its conversation update and pending bot turn, the exactly-once completion of a bot turn,
 * the outbox scan, the queue listing and message pages. Each write is one transaction. A store
 * that groups writes (the SQLite store, `sqlite-write-path.ts`) overrides these with its batched
 * versions; a PostgreSQL store can use these as they are, or batch them the same way.
 *
 * @example const writePath = createKyselyWritePath(db); await writePath.listPendingBotTurns();
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../errors.js';
import type { ChatMessage, ConversationStatus, TriageResult } from '../protocol.js';
import { toChatMessage, toConversationColumns, toConversationRecord, triageJson } from './rows.js';
import {
  applyPatch,
  PREVIEW_LENGTH,
  type BotTurnRecord,
  type ConversationPatch,
  type ConversationRecord,
  type NewMessage,
  type Store,
} from './store.js';
import type { MessagesTable, Tables } from './tables.js';
import { orderedId } from './ordered-id.js';

export const CONVERSATION_NOT_FOUND = 'No conversation with this id';
/** Statuses the agent queue lists. */
export const QUEUE_STATUSES: readonly ConversationStatus[] = ['queued', 'assigned'];

type WritePath = Pick<
  Store,
  'recordCustomerMessage' | 'completeBotTurn' | 'listPendingBotTurns' | 'listQueueConversations' | 'listMessagePage'
>;

/** The message row for `input` with the given seq. */
export function newMessageRow(input: NewMessage, seq: number): MessagesTable {
  return {
    id: orderedId(),
    conversation_id: input.conversationId,
    seq,
    sender: input.from,
    text: input.text,
    client_id: input.clientId ?? null,
    author_name: input.authorName ?? null,
    at: input.at,
    triage_json: input.triage === undefined ? null : triageJson(input.triage),
  };
}

/** The shopper message's preview as the queue shows it. */
export const previewOf = (text: string) => text.slice(0, PREVIEW_LENGTH);

/** Locks the conversation row (PostgreSQL row lock; SQLite write lock) and reads it. */
async function lockConversation(trx: Transaction<Tables>, id: string): Promise<ConversationRecord> {
  const locked = await trx.updateTable('conversations').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', id).executeTakeFirst();
  if (locked.numUpdatedRows === 0n) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
  return toConversationRecord(await trx.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** Inserts the message with the next seq, or returns the original for a repeated clientId. Caller holds the row lock. */
export async function insertMessage(trx: Transaction<Tables>, input: NewMessage): Promise<{ message: ChatMessage; duplicate: boolean }> {
  if (input.clientId !== undefined) {
    const original = await trx
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', input.conversationId)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    if (original) return { message: toChatMessage(original), duplicate: true };
  }
  const { maxSeq } = await trx
    .selectFrom('messages')
    .select((eb) => eb.fn.max('seq').as('maxSeq'))
    .where('conversation_id', '=', input.conversationId)
    .executeTakeFirstOrThrow();
  const row = newMessageRow(input, Number(maxSeq ?? 0) + 1);
  await trx.insertInto('messages').values(row).execute();
  return { message: toChatMessage(row), duplicate: false };
}

async function patchConversation(trx: Transaction<Tables>, id: string, patch: ConversationPatch): Promise<void> {
  const columns = toConversationColumns(patch);
  if (Object.keys(columns).length > 0) await trx.updateTable('conversations').set(columns).where('id', '=', id).execute();
}

function toBotTurn(row: MessagesTable & { turn_id: string; turn_created_at: string }): BotTurnRecord {
  return {
    id: row.turn_id,
    conversationId: row.conversation_id,
    message: toChatMessage(row),
    triage: row.triage_json === null ? null : (JSON.parse(row.triage_json) as TriageResult),
    createdAt: row.turn_created_at,
  };
}

/**
 * The write path over any kysely database; `createKyselyStore` spreads it into `Store`.
 *
 * @example const { turn } = await createKyselyWritePath(db).recordCustomerMessage({ message, update: () => ({}), turnWhen: ['bot'] });
 */
export function createKyselyWritePath(db: Kysely<Tables>): WritePath {
  return {
    recordCustomerMessage: (write) =>
      db.transaction().execute(async (trx) => {
        const current = await lockConversation(trx, write.message.conversationId);
        const { message, duplicate } = await insertMessage(trx, write.message);
        if (duplicate) return { message, duplicate, conversation: current };
        const patch = { ...write.update(current), preview: previewOf(message.text), updatedAt: message.at };
        const updated = applyPatch(current, patch);
        const outcome = write.turnWhen.includes(updated.status) ? write.answerAtOnce?.(updated, message) : undefined;
        if (outcome) {
          const reply = outcome.reply ? (await insertMessage(trx, { ...outcome.reply, conversationId: current.id })).message : undefined;
          const answered = { ...patch, ...outcome.patch, ...(reply ? { updatedAt: reply.at } : {}) };
          await patchConversation(trx, current.id, answered);
          return { message, duplicate, conversation: applyPatch(current, answered), reply };
        }
        await patchConversation(trx, current.id, patch);
        const conversation = updated;
        if (!write.turnWhen.includes(conversation.status)) return { message, duplicate, conversation };
        const turn: BotTurnRecord = { id: orderedId(), conversationId: current.id, message, triage: write.message.triage ?? null, createdAt: message.at };
        await trx.insertInto('bot_turns').values({ id: turn.id, conversation_id: turn.conversationId, message_id: message.id, created_at: turn.createdAt, done_at: null }).execute();
        return { message, duplicate, conversation, turn };
      }),

    completeBotTurn: (turnId, finish, at) =>
      db.transaction().execute(async (trx) => {
        // The conditional update is the exactly-once gate: only one caller (node) flips done_at.
        const claimed = await trx.updateTable('bot_turns').set({ done_at: at }).where('id', '=', turnId).where('done_at', 'is', null).executeTakeFirst();
        if (claimed.numUpdatedRows === 0n) return { completed: false };
        const { conversation_id } = await trx.selectFrom('bot_turns').select('conversation_id').where('id', '=', turnId).executeTakeFirstOrThrow();
        const current = await lockConversation(trx, conversation_id);
        const outcome = finish(current);
        const reply = outcome.reply ? (await insertMessage(trx, { ...outcome.reply, conversationId: current.id })).message : undefined;
        const patch = { ...outcome.patch, ...(reply ? { updatedAt: reply.at } : {}) };
        await patchConversation(trx, current.id, patch);
        return { completed: true, reply, conversation: applyPatch(current, patch) };
      }),

    async listPendingBotTurns() {
      const rows = await db
        .selectFrom('bot_turns')
        .innerJoin('messages', 'messages.id', 'bot_turns.message_id')
        .selectAll('messages')
        .select(['bot_turns.id as turn_id', 'bot_turns.created_at as turn_created_at'])
        .where('bot_turns.done_at', 'is', null)
        .orderBy('bot_turns.created_at')
        .orderBy('messages.seq')
        .execute();
      return rows.map(toBotTurn);
    },

    async listQueueConversations(ids) {
      if (ids?.length === 0) return [];
      let query = db.selectFrom('conversations').selectAll();
      query = ids === undefined ? query.where('status', 'in', [...QUEUE_STATUSES]) : query.where('id', 'in', ids);
      return (await query.execute()).map(toConversationRecord);
    },

    async listMessagePage(conversationId, limit, beforeSeq) {
      let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
      if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
      const rows = await query.orderBy('seq', 'desc').limit(limit + 1).execute();
      return { messages: rows.slice(0, limit).reverse().map(toChatMessage), earlier: rows.length > limit };
    },
  };
}

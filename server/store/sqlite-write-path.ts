/**
 * Owns the SQLite hot path: the store methods every shopper message and bot reply goes through,
 * as better-sqlite3 statements prepared once (kysely's SQLite driver prepares each query anew) and
 * written through the group commit (`group-commit.ts`), so one fsync covers every conversation's
 * writes of one event-loop turn. Same contract as `kysely-write-path.ts`; the SQLite store
 * spreads these over the kysely ones.
 *
 * @example const fast = createSqliteWritePath(database); // Partial<Store>, spread over createKyselyStore(db)
 */
import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '../errors.js';
import type { ChatMessage } from '../protocol.js';
import { createConversationCache, type ConversationCache } from './conversation-cache.js';
import { createGroupCommit, type GroupCommit } from './group-commit.js';
import { CONVERSATION_NOT_FOUND, newMessageRow, previewOf } from './kysely-write-path.js';
import { newConversationRow, toChatMessage, toConversationColumns, toConversationRecord, writtenBotState } from './rows.js';
import { applyPatch, type BotTurnRecord, type ConversationPatch, type ConversationRecord, type NewMessage, type Store } from './store.js';
import type { ConversationsTable, MessagesTable } from './tables.js';
import { toShopperEmail } from './kysely-trust-store.js';
import type { ShopperEmailsTable } from './trust-tables.js';
import { orderedId } from './ordered-id.js';

type FastPath = Pick<
  Store,
  | 'createConversation'
  | 'findConversationByTokenHash'
  | 'getConversation'
  | 'updateConversation'
  | 'appendMessage'
  | 'recordCustomerMessage'
  | 'completeBotTurn'
  | 'listMessagePage'
  | 'listQueueConversations'
  | 'listShopperEmails'
>;

/** The hot-path statements, prepared once per connection. */
function prepareStatements(database: Database) {
  const p = (source: string) => database.prepare(source);
  return {
    conversationById: p('select * from conversations where id = ?'),
    conversationByToken: p('select * from conversations where token_hash = ?'),
    insertConversation: p(
      `insert into conversations (id, token_hash, customer_key, status, created_at, updated_at, locale, page, reasons_json, bot_state_json)
       values (@id, @token_hash, @customer_key, @status, @created_at, @updated_at, @locale, @page, @reasons_json, @bot_state_json)`,
    ),
    messageByClientId: p('select * from messages where conversation_id = ? and client_id = ?'),
    maxSeq: p('select coalesce(max(seq), 0) as maxSeq from messages where conversation_id = ?').pluck(),
    // A repeated clientId inserts nothing (changes = 0): the unique index answers, no lookup first.
    insertMessage: p(
      `insert into messages (id, conversation_id, seq, sender, text, client_id, author_name, at, triage_json)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (conversation_id, client_id) do nothing`,
    ),
    touchConversation: p('update conversations set updated_at = ? where id = ?'),
    insertTurn: p('insert into bot_turns (id, conversation_id, message_id, created_at, done_at) values (?, ?, ?, ?, null)'),
    // The exactly-once gate and the turn's conversation in one statement.
    finishTurn: p('update bot_turns set done_at = ? where id = ? and done_at is null returning conversation_id').pluck(),
    messagesBefore: p('select * from messages where conversation_id = ? and seq < ? order by seq desc limit ?'),
    queue: p("select * from conversations where status in ('queued', 'assigned')"),
    // A bot turn that found an order asks who the shopper is (order privacy): kysely would compile this each time.
    shopperEmails: p('select * from shopper_emails where conversation_id = ? order by at'),
  };
}

export function createSqliteWritePath(
  database: Database,
  commit: GroupCommit = createGroupCommit(database),
  conversations: ConversationCache = createConversationCache(database),
): FastPath {
  const s = prepareStatements(database);
  // One UPDATE statement per set of changed columns; a handful of shapes occur, each prepared once.
  const updates = new Map<string, Statement>();

  function readConversation(id: string): ConversationRecord | undefined {
    const cached = conversations.get(id);
    if (cached) return cached;
    const row = s.conversationById.get(id) as ConversationsTable | undefined;
    return row && conversations.set(toConversationRecord(row));
  }

  /**
   * Writes the patch and returns the record patched (as the PostgreSQL store does: a fault in the
   * stored bot state stays on it, so the turn still logs it once). The cache gets the record exactly
   * as reading the row back gives it: a bot state that fails its schema as the initial one with the
   * fault, a healed one without.
   */
  function writeConversation(current: ConversationRecord, patch: ConversationPatch): ConversationRecord {
    patchConversation(current.id, patch);
    const next = applyPatch(current, patch);
    if (patch.botState === undefined) return conversations.set(next);
    const written = writtenBotState(patch.botState);
    // The usual case: the state passed its schema and nothing was faulty before. The caller and the
    // cache then share one record: each write used to leave two copies, both kept for a while.
    if (written.botStateFault === undefined && next.botStateFault === undefined && written.botState === next.botState) return conversations.set(next);
    const { botStateFault: _before, ...rest } = next;
    conversations.set({ ...rest, ...written });
    return next;
  }

  /** A write that throws is rolled back to its savepoint: what it cached may be gone from the file. */
  function inBatch<T>(work: () => T): () => T {
    return () => {
      conversations.revalidate(); // holding the write lock: no other connection commits until COMMIT
      try {
        return work();
      } catch (error) {
        conversations.clear();
        throw error;
      }
    };
  }

  /** Writes the changed columns. */
  function patchConversation(id: string, patch: ConversationPatch): void {
    const columns = toConversationColumns(patch);
    const names = Object.keys(columns).sort();
    if (names.length === 0) return;
    const key = names.join(',');
    let statement = updates.get(key);
    if (!statement) {
      statement = database.prepare(`update conversations set ${names.map((name) => `${name} = ?`).join(', ')} where id = ?`);
      updates.set(key, statement);
    }
    statement.run(...names.map((name) => columns[name as keyof typeof columns]), id);
  }

  /**
   * Inserts with the next seq (`seq` when the caller knows it: the reply right after the message it
   * answers), or returns the original for a repeated clientId. Runs inside the batch.
   */
  function insertMessage(input: NewMessage, seq?: number): { message: ChatMessage; duplicate: boolean } {
    const row = newMessageRow(input, seq ?? Number(s.maxSeq.get(input.conversationId)) + 1);
    // Positional values: better-sqlite3 binds them without looking each name up on an object.
    const { id, conversation_id, sender, text, client_id, author_name, at, triage_json } = row;
    if (s.insertMessage.run(id, conversation_id, row.seq, sender, text, client_id, author_name, at, triage_json).changes === 0) {
      const original = s.messageByClientId.get(input.conversationId, input.clientId) as MessagesTable;
      return { message: toChatMessage(original), duplicate: true };
    }
    return { message: toChatMessage(row), duplicate: false };
  }

  function requireConversation(id: string): ConversationRecord {
    const current = readConversation(id);
    if (!current) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
    return current;
  }

  return {
    createConversation: (input) =>
      commit.run(inBatch(() => {
        s.insertConversation.run(newConversationRow(input));
        return requireConversation(input.id);
      })),

    findConversationByTokenHash: async (tokenHash) => {
      const row = s.conversationByToken.get(tokenHash) as ConversationsTable | undefined;
      return row && toConversationRecord(row);
    },

    getConversation: async (id) => readConversation(id),

    // Through the group commit too: an autocommit would cost its own fsync on the event loop.
    updateConversation: (id, patch) => commit.run(inBatch(() => writeConversation(requireConversation(id), patch))),

    appendMessage: (input) =>
      commit.run(
        inBatch(() => {
          const current = requireConversation(input.conversationId);
          const result = insertMessage(input);
          if (!result.duplicate) {
            s.touchConversation.run(input.at, input.conversationId);
            conversations.set({ ...current, updatedAt: input.at });
          }
          return result;
        }),
      ),

    recordCustomerMessage: (write) =>
      commit.run(inBatch(() => {
        const current = requireConversation(write.message.conversationId);
        const { message, duplicate } = insertMessage(write.message);
        if (duplicate) return { message, duplicate, conversation: current };
        const patch = { ...write.update(current), preview: previewOf(message.text), updatedAt: message.at };
        const updated = applyPatch(current, patch);
        if (!write.turnWhen.includes(updated.status)) return { message, duplicate, conversation: writeConversation(current, patch) };
        const outcome = write.answerAtOnce?.(updated, message);
        if (outcome) {
          // One UPDATE for the message's change and the answer's: the row is written once per commit.
          const reply = outcome.reply ? insertMessage({ ...outcome.reply, conversationId: current.id }, message.seq + 1).message : undefined;
          const conversation = writeConversation(current, { ...patch, ...outcome.patch, ...(reply ? { updatedAt: reply.at } : {}) });
          return { message, duplicate, conversation, reply };
        }
        const conversation = writeConversation(current, patch);
        const turn: BotTurnRecord = { id: orderedId(), conversationId: current.id, message, triage: write.message.triage ?? null, createdAt: message.at };
        s.insertTurn.run(turn.id, turn.conversationId, message.id, turn.createdAt);
        return { message, duplicate, conversation, turn };
      }), write.committed),

    completeBotTurn: (turnId, finish, at) =>
      commit.run(inBatch(() => {
        // The conditional update is the exactly-once gate: a turn is finished by one write only.
        const conversationId = s.finishTurn.get(at, turnId) as string | undefined;
        if (conversationId === undefined) return { completed: false };
        const current = requireConversation(conversationId);
        const outcome = finish(current);
        const reply = outcome.reply ? insertMessage({ ...outcome.reply, conversationId: current.id }).message : undefined;
        return { completed: true, reply, conversation: writeConversation(current, { ...outcome.patch, ...(reply ? { updatedAt: reply.at } : {}) }) };
      })),

    listMessagePage: async (conversationId, limit, beforeSeq) => {
      const rows = s.messagesBefore.all(conversationId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit + 1) as MessagesTable[];
      return { messages: rows.slice(0, limit).reverse().map(toChatMessage), earlier: rows.length > limit };
    },

    listShopperEmails: async (conversationId) => (s.shopperEmails.all(conversationId) as ShopperEmailsTable[]).map(toShopperEmail),

    listQueueConversations: async (ids) => {
      if (ids === undefined) return (s.queue.all() as ConversationsTable[]).map(toConversationRecord);
      return ids.map(readConversation).filter((conversation): conversation is ConversationRecord => conversation !== undefined);
    },
  };
}

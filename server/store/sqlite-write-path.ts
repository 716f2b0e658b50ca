/**
 * Owns the SQLite hot path: the store methods every shopper message and bot reply goes through.
 * Each write decides here what to store, from the conversation records it holds
 * (`conversation-cache.ts`) and reads on this connection, and hands its statements to the group
 * commit (`group-commit.ts`), which has the writer thread (`sqlite-writer.ts`) execute a whole
 * event-loop turn's writes in one transaction covered by one fsync. Reads use statements prepared
 * once (kysely's SQLite driver prepares each query anew). Same contract as `kysely-write-path.ts`;
 * the SQLite store spreads these over the kysely ones.
 *
 * A batch is decided only after the previous one committed, so this connection sees every earlier
 * batch; what the current batch decided so far (next seq, clientIds, finished turns) is kept in
 * a `BatchView` until its end.
 *
 * @example const fast = createSqliteWritePath(database); // Partial<Store>, spread over createKyselyStore(db)
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../errors.js';
import type { ChatMessage } from '../protocol.js';
import { createConversationCache, CONVERSATION_CACHE_SIZE, type ConversationCache } from './conversation-cache.js';
import { createGroupCommit, type GroupCommit, type Write } from './group-commit.js';
import { CONVERSATION_NOT_FOUND, newMessageRow, previewOf } from './kysely-write-path.js';
import { newConversationRow, readBotState, toChatMessage, toConversationColumns, toConversationRecord } from './rows.js';
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

/** The reads of the hot path, prepared once per connection. */
function prepareStatements(database: Database) {
  const p = (source: string) => database.prepare(source);
  return {
    conversationById: p('select * from conversations where id = ?'),
    conversationByToken: p('select * from conversations where token_hash = ?'),
    messageByClientId: p('select * from messages where conversation_id = ? and client_id = ?'),
    maxSeq: p('select coalesce(max(seq), 0) as maxSeq from messages where conversation_id = ?').pluck(),
    clientIds: p('select client_id from messages where conversation_id = ? and client_id is not null').pluck(),
    openTurn: p('select conversation_id from bot_turns where id = ? and done_at is null').pluck(),
    messagesBefore: p('select * from messages where conversation_id = ? and seq < ? order by seq desc limit ?'),
    queue: p("select * from conversations where status in ('queued', 'assigned')"),
    // A bot turn that found an order asks who the shopper is (order privacy): kysely would compile this each time.
    shopperEmails: p('select * from shopper_emails where conversation_id = ? order by at'),
  };
}

/** The statements the hot path writes, executed by the group commit (on the writer thread for a file). */
const WRITE = {
  insertConversation: `insert into conversations (id, token_hash, customer_key, status, created_at, updated_at, locale, page, reasons_json, bot_state_json)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  // The clientId was looked up first; the unique index still guards a race (the job then fails).
  insertMessage: `insert into messages (id, conversation_id, seq, sender, text, client_id, author_name, at, triage_json)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (conversation_id, client_id) do nothing`,
  touchConversation: 'update conversations set updated_at = ? where id = ?',
  insertTurn: 'insert into bot_turns (id, conversation_id, message_id, created_at, done_at) values (?, ?, ?, ?, null)',
  // The exactly-once gate: a turn is finished by one write only (must change its row).
  finishTurn: 'update bot_turns set done_at = ? where id = ? and done_at is null',
};

/** A conversation row with every column, as a fresh insert stores it. */
function insertedConversationRow(row: ReturnType<typeof newConversationRow>): ConversationsTable {
  const empty = { language: null, intent: null, urgency: null, last_triage_json: null, queued_at: null, assignee_id: null, assignee_name: null };
  const unset = { first_response_at: null, resolved_at: null, rating: null, rating_comment: null, contact_email: null, contact_name: null, emailed_seq: null, preview: null };
  return { ...empty, ...unset, ...row };
}

/**
 * What the batch being decided has written so far that neither this connection nor a
 * `MessageLog` answers: messages by clientId (a repeat inside one batch returns the original)
 * and turns finished. A write that throws takes back what it did here and in the caches (`undo`),
 * as its savepoint would.
 */
class BatchView {
  readonly messages = new Map<string, ChatMessage>();
  readonly finishedTurns = new Set<string>();
  #undo: Array<() => void> = [];
  #open = false;

  /** Sets a key, remembering how to take it back. */
  set<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const before = map.get(key);
    map.set(key, value);
    this.#undo.push(() => (had ? map.set(key, before as V) : map.delete(key)));
  }

  finish(turnId: string): void {
    this.finishedTurns.add(turnId);
    this.#undo.push(() => this.finishedTurns.delete(turnId));
  }

  /** Another step to take back if the write throws. */
  onUndo(step: () => void): void {
    this.#undo.push(step);
  }

  /**
   * A write starts (true for the batch's first): what it sets is its own until it returns. The first write of a batch starts
   * from empty: a batch is decided in one synchronous run, and the next runs after the microtask
   * (by then this connection reads what the batch wrote).
   */
  begin(): boolean {
    this.#undo = [];
    if (this.#open) return false;
    this.clear();
    this.#open = true;
    queueMicrotask(() => (this.#open = false));
    return true;
  }

  undo(): void {
    for (const step of this.#undo.reverse()) step();
    this.#undo = [];
  }

  clear(): void {
    this.messages.clear();
    this.finishedTurns.clear();
    this.#undo = [];
  }
}

const clientKey = (conversationId: string, clientId: string) => `${conversationId}\u0000${clientId}`;

/**
 * What the write path knows of a conversation's messages without reading them (each read would
 * re-read pages: this connection's page cache starts over after every commit of the writer
 * thread): the last seq, and every clientId so a repeat is recognised.
 */
interface MessageLog {
  lastSeq: number;
  clientIds: Set<string>;
}

export function createSqliteWritePath(
  database: Database,
  commit: GroupCommit = createGroupCommit(database),
  conversations: ConversationCache = createConversationCache(database),
): FastPath {
  const s = prepareStatements(database);
  const batch = new BatchView();
  // Kept like the conversation records, and forgotten with them (`generation`).
  const logs = new Map<string, MessageLog>();
  // Turns decided here and not yet finished, by id: their conversation (others are read from the file).
  const openTurns = new Map<string, string>();
  let knownGeneration = conversations.generation;

  /** Forgets the logs and open turns once the conversation records were forgotten (the file may hold others). */
  function checkGeneration(): void {
    if (knownGeneration === conversations.generation) return;
    knownGeneration = conversations.generation;
    logs.clear();
    openTurns.clear();
  }

  /** Keeps `log` as the most recently used. */
  function remember(conversationId: string, log: MessageLog): MessageLog {
    checkGeneration();
    logs.delete(conversationId);
    logs.set(conversationId, log);
    if (logs.size > CONVERSATION_CACHE_SIZE) logs.delete(logs.keys().next().value!);
    return log;
  }

  function logOf(conversationId: string): MessageLog {
    checkGeneration();
    const log = logs.get(conversationId);
    if (log) return remember(conversationId, log);
    return remember(conversationId, { lastSeq: Number(s.maxSeq.get(conversationId)), clientIds: new Set(s.clientIds.all(conversationId) as string[]) });
  }
  // One UPDATE statement per set of changed columns; a handful of shapes occur, each built once.
  const updates = new Map<string, string>();

  /** Caches the record a write decided; the write throwing puts the one before back. */
  function cacheDecided(record: ConversationRecord): ConversationRecord {
    const before = conversations.get(record.id);
    batch.onUndo(() => (before ? conversations.set(before) : conversations.delete(record.id)));
    return conversations.set(record);
  }

  function readConversation(id: string): ConversationRecord | undefined {
    const cached = conversations.get(id);
    if (cached) return cached;
    const row = s.conversationById.get(id) as ConversationsTable | undefined;
    return row && conversations.set(toConversationRecord(row));
  }

  /**
   * Writes the patch and returns the record patched (as the PostgreSQL store does: a fault in the
   * stored bot state stays on it, so the turn still logs it once). The cache gets the record exactly
   * as reading the row back gives it: the bot state through its schema, a healed one without fault.
   */
  function writeConversation(write: Write, current: ConversationRecord, patch: ConversationPatch): ConversationRecord {
    const columns = patchConversation(write, current.id, patch);
    const next = applyPatch(current, patch);
    if (columns.bot_state_json === undefined) return cacheDecided(next);
    const { botStateFault: _before, ...rest } = next;
    cacheDecided({ ...rest, ...readBotState(columns.bot_state_json) });
    return next;
  }

  /** A write that throws is rolled back to its savepoint (or never sent): what it cached or noted is taken back. */
  function inBatch<T>(work: (write: Write) => T): (write: Write) => T {
    return (write) => {
      if (batch.begin()) conversations.revalidate(); // another connection committed since the last batch: decide from the file
      try {
        return work(write);
      } catch (error) {
        batch.undo();
        throw error;
      }
    };
  }

  /** Writes the changed columns and returns them. */
  function patchConversation(write: Write, id: string, patch: ConversationPatch): Partial<ConversationsTable> {
    const columns = toConversationColumns(patch);
    const names = Object.keys(columns).sort();
    if (names.length === 0) return columns;
    const key = names.join(',');
    let sql = updates.get(key);
    if (!sql) updates.set(key, (sql = `update conversations set ${names.map((name) => `${name} = ?`).join(', ')} where id = ?`));
    write([sql, [...names.map((name) => columns[name as keyof typeof columns]), id]]);
    return columns;
  }

  /**
   * Inserts with the next seq (`seq` when the caller knows it: the reply right after the message it
   * answers), or returns the original for a repeated clientId.
   */
  function insertMessage(write: Write, input: NewMessage, seq?: number): { message: ChatMessage; duplicate: boolean } {
    const conversationId = input.conversationId;
    const log = logOf(conversationId);
    const clientId = input.clientId ?? undefined;
    if (clientId !== undefined && log.clientIds.has(clientId)) {
      const decided = batch.messages.get(clientKey(conversationId, clientId));
      if (decided) return { message: decided, duplicate: true };
      const original = s.messageByClientId.get(conversationId, clientId) as MessagesTable | undefined;
      if (original) return { message: toChatMessage(original), duplicate: true };
    }
    const next = seq ?? log.lastSeq + 1;
    const row = newMessageRow(input, next);
    write([WRITE.insertMessage, [row.id, row.conversation_id, row.seq, row.sender, row.text, row.client_id, row.author_name, row.at, row.triage_json], true]);
    const message = toChatMessage(row);
    const lastSeq = log.lastSeq;
    log.lastSeq = Math.max(next, lastSeq);
    batch.onUndo(() => (log.lastSeq = lastSeq));
    if (clientId !== undefined) {
      log.clientIds.add(clientId);
      batch.set(batch.messages, clientKey(conversationId, clientId), message);
      batch.onUndo(() => log.clientIds.delete(clientId));
    }
    return { message, duplicate: false };
  }

  function requireConversation(id: string): ConversationRecord {
    const current = readConversation(id);
    if (!current) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
    return current;
  }

  return {
    createConversation: (input) =>
      commit.run(inBatch((write) => {
        const row = newConversationRow(input);
        write([WRITE.insertConversation, [row.id, row.token_hash, row.customer_key, row.status, row.created_at, row.updated_at, row.locale, row.page, row.reasons_json, row.bot_state_json]]);
        // A new conversation's log is known: its first message needs no read.
        remember(row.id, { lastSeq: 0, clientIds: new Set() });
        return cacheDecided(toConversationRecord(insertedConversationRow(row)));
      })),

    findConversationByTokenHash: async (tokenHash) => {
      const row = s.conversationByToken.get(tokenHash) as ConversationsTable | undefined;
      return row && toConversationRecord(row);
    },

    getConversation: async (id) => readConversation(id),

    // Through the group commit too: an autocommit would cost its own fsync on the event loop.
    updateConversation: (id, patch) => commit.run(inBatch((write) => writeConversation(write, requireConversation(id), patch))),

    appendMessage: (input) =>
      commit.run(
        inBatch((write) => {
          const current = requireConversation(input.conversationId);
          const result = insertMessage(write, input);
          if (!result.duplicate) {
            write([WRITE.touchConversation, [input.at, input.conversationId]]);
            cacheDecided({ ...current, updatedAt: input.at });
          }
          return result;
        }),
      ),

    recordCustomerMessage: (request) =>
      commit.run(inBatch((write) => {
        const current = requireConversation(request.message.conversationId);
        const { message, duplicate } = insertMessage(write, request.message);
        if (duplicate) return { message, duplicate, conversation: current };
        const patch = { ...request.update(current), preview: previewOf(message.text), updatedAt: message.at };
        const updated = applyPatch(current, patch);
        if (!request.turnWhen.includes(updated.status)) return { message, duplicate, conversation: writeConversation(write, current, patch) };
        const outcome = request.answerAtOnce?.(updated, message);
        if (outcome) {
          // One UPDATE for the message's change and the answer's: the row is written once per commit.
          const reply = outcome.reply ? insertMessage(write, { ...outcome.reply, conversationId: current.id }, message.seq + 1).message : undefined;
          const conversation = writeConversation(write, current, { ...patch, ...outcome.patch, ...(reply ? { updatedAt: reply.at } : {}) });
          return { message, duplicate, conversation, reply };
        }
        const conversation = writeConversation(write, current, patch);
        const turn: BotTurnRecord = { id: orderedId(), conversationId: current.id, message, triage: request.message.triage ?? null, createdAt: message.at };
        write([WRITE.insertTurn, [turn.id, turn.conversationId, message.id, turn.createdAt]]);
        openTurns.set(turn.id, turn.conversationId);
        if (openTurns.size > CONVERSATION_CACHE_SIZE) openTurns.delete(openTurns.keys().next().value!); // read from the file instead
        batch.onUndo(() => openTurns.delete(turn.id));
        return { message, duplicate, conversation, turn };
      }), request.committed),

    completeBotTurn: (turnId, finish, at) =>
      commit.run<Awaited<ReturnType<Store['completeBotTurn']>>>(inBatch((write) => {
        // The exactly-once gate: an open turn is finished by one write only (the conditional UPDATE
        // also refuses, on the writer thread, a turn another connection finished meanwhile).
        const conversationId = openTurns.get(turnId) ?? (batch.finishedTurns.has(turnId) ? undefined : (s.openTurn.get(turnId) as string | undefined));
        if (conversationId === undefined) return { completed: false };
        write([WRITE.finishTurn, [at, turnId], true]);
        if (openTurns.delete(turnId)) batch.onUndo(() => openTurns.set(turnId, conversationId));
        batch.finish(turnId);
        const current = requireConversation(conversationId);
        const outcome = finish(current);
        const reply = outcome.reply ? insertMessage(write, { ...outcome.reply, conversationId: current.id }).message : undefined;
        return { completed: true, reply, conversation: writeConversation(write, current, { ...outcome.patch, ...(reply ? { updatedAt: reply.at } : {}) }) };
      }), undefined, () => ({ completed: false })),

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

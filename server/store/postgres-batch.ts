/**
 * Owns the pure half of group commit on PostgreSQL: the state of one batch (the conversations it
 * locked, as earlier writes of the batch left them; the next seq of each; the messages already
 * stored under a clientId; the pending turns) and the rows the batch will write. Each write plans
 * against this state in JavaScript and either throws (it fails alone, the state untouched) or
 * returns its value and its effect, which later writes of the same batch then see. No I/O:
 * `postgres-group-commit.ts` reads the state and writes the rows in one statement.
 *
 * @example
 *   const state = new BatchState({ conversations: rows, maxSeq, originals, turns });
 *   const value = state.run((view) => planWrite(view)); // throws: that write fails, nothing applied
 *   const rows = state.rows(); // → one INSERT/UPDATE statement
 */
import { AppError } from '../errors.js';
import type { ChatMessage } from '../protocol.js';
import { CONVERSATION_NOT_FOUND, newMessageRow } from './kysely-write-path.js';
import { toChatMessage, toConversationColumns, toConversationRecord } from './rows.js';
import { applyPatch, type ConversationPatch, type ConversationRecord, type NewMessage } from './store.js';
import type { ConversationsTable, MessagesTable } from './tables.js';

/** What one write needs locked and read before it plans. */
export interface WriteNeeds {
  conversationIds?: string[];
  /** Turns to finish: their conversations are locked too. */
  turnIds?: string[];
  /** Repeated-clientId checks. */
  clientIds?: Array<{ conversationId: string; clientId: string }>;
}

/** A pending or finished outbox row, as the batch read it. */
export interface TurnState {
  id: string;
  conversationId: string;
  done: boolean;
}

/** What the batch read under its locks. */
export interface BatchSnapshot {
  conversations: ConversationsTable[];
  /** Highest stored seq per conversation id (absent: none). */
  maxSeq: Record<string, number>;
  /** Messages stored under one of the requested (conversationId, clientId) pairs. */
  originals: MessagesTable[];
  turns: TurnState[];
}

export interface TurnRow {
  id: string;
  conversation_id: string;
  message_id: string;
  created_at: string;
}

/** Everything one write changes; applied to the state only if its plan did not throw. */
export interface Effect {
  created?: ConversationsTable;
  conversation?: { next: ConversationRecord; patch: ConversationPatch };
  message?: MessagesTable;
  /** The bot's answer stored with `message` (`answerAtOnce`), the seq after it. */
  reply?: MessagesTable;
  turn?: TurnRow;
  finished?: { id: string; at: string };
}

/** The rows a batch writes, in one statement. */
export interface BatchRows {
  created: ConversationsTable[];
  messages: MessagesTable[];
  /** Changed columns per existing conversation. */
  changed: Array<{ id: string; p: Partial<ConversationsTable> }>;
  turns: TurnRow[];
  finished: Array<{ id: string; done_at: string }>;
}

/** Read access for a plan; every lookup reflects the writes planned before it in the batch. */
export interface BatchView {
  conversation(id: string): ConversationRecord | undefined;
  /** The conversation or `AppError('not_found')`. */
  requireConversation(id: string): ConversationRecord;
  /** The message stored under this clientId, or undefined; the pair must have been in `WriteNeeds`. */
  original(conversationId: string, clientId: string): ChatMessage | undefined;
  nextSeq(conversationId: string): number;
  turn(id: string): TurnState | undefined;
}

const clientKey = (conversationId: string, clientId: string) => `${conversationId}\u0000${clientId}`;

export class BatchState implements BatchView {
  private readonly conversations = new Map<string, ConversationRecord>();
  private readonly maxSeq = new Map<string, number>();
  private readonly originals = new Map<string, ChatMessage | null>();
  private readonly turns = new Map<string, TurnState>();
  private readonly created = new Map<string, ConversationsTable>();
  private readonly changed = new Map<string, Partial<ConversationsTable>>();
  private readonly messages: MessagesTable[] = [];
  private readonly newTurns: TurnRow[] = [];
  private readonly finished: Array<{ id: string; done_at: string }> = [];

  constructor(snapshot: BatchSnapshot, clientIds: WriteNeeds['clientIds'] = []) {
    for (const row of snapshot.conversations) this.conversations.set(row.id, toConversationRecord(row));
    for (const [id, seq] of Object.entries(snapshot.maxSeq)) this.maxSeq.set(id, Number(seq));
    // Every requested pair is known: absent from `originals` means no such message.
    for (const { conversationId, clientId } of clientIds) this.originals.set(clientKey(conversationId, clientId), null);
    for (const row of snapshot.originals) {
      if (row.client_id !== null) this.originals.set(clientKey(row.conversation_id, row.client_id), toChatMessage(row));
    }
    for (const turn of snapshot.turns) this.turns.set(turn.id, turn);
  }

  conversation(id: string): ConversationRecord | undefined {
    return this.conversations.get(id);
  }

  requireConversation(id: string): ConversationRecord {
    const current = this.conversations.get(id);
    if (!current) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
    return current;
  }

  original(conversationId: string, clientId: string): ChatMessage | undefined {
    const known = this.originals.get(clientKey(conversationId, clientId));
    // A plan that checks a clientId it did not declare is a bug: fail it rather than store a duplicate.
    if (known === undefined) throw new Error(`clientId check for ${conversationId} was not declared in the write's needs`);
    return known ?? undefined;
  }

  nextSeq(conversationId: string): number {
    return (this.maxSeq.get(conversationId) ?? 0) + 1;
  }

  turn(id: string): TurnState | undefined {
    return this.turns.get(id);
  }

  /** Runs one write's plan; its effect joins the batch only if the plan returns. */
  run<T>(plan: (view: BatchView) => { value: T; effect: Effect }): T {
    const { value, effect } = plan(this);
    this.apply(effect);
    return value;
  }

  private apply(effect: Effect): void {
    if (effect.created) {
      this.created.set(effect.created.id, effect.created);
      this.conversations.set(effect.created.id, toConversationRecord(effect.created));
    }
    for (const row of [effect.message, effect.reply]) {
      if (!row) continue;
      this.messages.push(row);
      this.maxSeq.set(row.conversation_id, row.seq);
      if (row.client_id !== null) this.originals.set(clientKey(row.conversation_id, row.client_id), toChatMessage(row));
    }
    if (effect.conversation) {
      const { next, patch } = effect.conversation;
      this.conversations.set(next.id, next);
      const columns = toConversationColumns(patch);
      // A conversation created in this batch is inserted with its later changes already applied.
      const created = this.created.get(next.id);
      if (created) Object.assign(created, columns);
      else this.changed.set(next.id, { ...this.changed.get(next.id), ...columns });
    }
    if (effect.turn) this.newTurns.push(effect.turn);
    if (effect.turn) this.turns.set(effect.turn.id, { id: effect.turn.id, conversationId: effect.turn.conversation_id, done: false });
    if (effect.finished) {
      const turn = this.turns.get(effect.finished.id);
      if (turn) turn.done = true;
      this.finished.push({ id: effect.finished.id, done_at: effect.finished.at });
    }
  }

  /** The rows to write; empty when every write of the batch failed or changed nothing. */
  rows(): BatchRows {
    return {
      created: [...this.created.values()],
      messages: this.messages,
      changed: [...this.changed].filter(([, p]) => Object.keys(p).length > 0).map(([id, p]) => ({ id, p })),
      turns: this.newTurns,
      finished: this.finished,
    };
  }
}

/** A message with the next seq, or the original for a repeated clientId; the effect is the new row. */
export function planMessage(view: BatchView, input: NewMessage): { message: ChatMessage; duplicate: boolean; row?: MessagesTable } {
  if (input.clientId !== undefined) {
    const original = view.original(input.conversationId, input.clientId);
    if (original) return { message: original, duplicate: true };
  }
  const row = newMessageRow(input, view.nextSeq(input.conversationId));
  return { message: toChatMessage(row), duplicate: false, row };
}

/** The conversation change of a write as an effect part, and the record after it. */
export function planPatch(current: ConversationRecord, patch: ConversationPatch): { next: ConversationRecord; patch: ConversationPatch } {
  return { next: applyPatch(current, patch), patch };
}

/** True when the batch writes nothing. */
export function isEmpty(rows: BatchRows): boolean {
  return rows.created.length + rows.messages.length + rows.changed.length + rows.turns.length + rows.finished.length === 0;
}

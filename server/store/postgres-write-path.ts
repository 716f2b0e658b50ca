/**
 * Owns the PostgreSQL hot path: the store methods every shopper message, bot reply and agent
 * message goes through, written as plans for the group commit (`postgres-group-commit.ts`), so a
 * batch of them costs two round trips instead of about nine statements each. Same contract as
 * `kysely-write-path.ts` and `sqlite-write-path.ts`; the PostgreSQL store spreads these over the
 * kysely ones.
 *
 * A bot turn's reply (`completeBotTurn`) is a bot message and carries no clientId.
 *
 * @example const fast = createPostgresWritePath(createPostgresGroupCommit(pool)); // Partial<Store>
 */
import type { ChatMessage } from '../protocol.js';
import { newMessageRow, previewOf } from './kysely-write-path.js';
import { planMessage, planPatch, type Effect } from './postgres-batch.js';
import type { PostgresGroupCommit } from './postgres-group-commit.js';
import { newConversationRow, toChatMessage, toConversationRecord } from './rows.js';
import { type BotTurnCompletion, type BotTurnRecord, type CustomerMessageResult, type NewMessage, type Store } from './store.js';
import type { ConversationsTable } from './tables.js';
import { orderedId } from './ordered-id.js';

type FastPath = Pick<Store, 'createConversation' | 'updateConversation' | 'appendMessage' | 'recordCustomerMessage' | 'completeBotTurn'>;

const clientIdsOf = (input: NewMessage) => (input.clientId === undefined ? [] : [{ conversationId: input.conversationId, clientId: input.clientId }]);

export function createPostgresWritePath(commit: PostgresGroupCommit): FastPath {
  return {
    createConversation: (input) =>
      commit.run({
        needs: {},
        plan: () => {
          // The columns a new row leaves unset are null, as the insert will store them.
          const row: ConversationsTable = {
            ...newConversationRow(input),
            language: null,
            intent: null,
            urgency: null,
            last_triage_json: null,
            queued_at: null,
            assignee_id: null,
            assignee_name: null,
            first_response_at: null,
            resolved_at: null,
            rating: null,
            rating_comment: null,
            contact_email: null,
            contact_name: null,
            emailed_seq: null,
            preview: null,
          };
          return { value: toConversationRecord(row), effect: { created: row } };
        },
      }),

    updateConversation: (id, patch) =>
      commit.run({
        needs: { conversationIds: [id] },
        plan: (view) => {
          const change = planPatch(view.requireConversation(id), patch);
          return { value: change.next, effect: { conversation: change } };
        },
      }),

    appendMessage: (input) =>
      commit.run({
        needs: { conversationIds: [input.conversationId], clientIds: clientIdsOf(input) },
        plan: (view): { value: { message: ChatMessage; duplicate: boolean }; effect: Effect } => {
          const current = view.requireConversation(input.conversationId);
          const { message, duplicate, row } = planMessage(view, input);
          if (duplicate) return { value: { message, duplicate }, effect: {} };
          return { value: { message, duplicate }, effect: { message: row, conversation: planPatch(current, { updatedAt: input.at }) } };
        },
      }),

    recordCustomerMessage: (write) =>
      commit.run({
        needs: { conversationIds: [write.message.conversationId], clientIds: clientIdsOf(write.message) },
        plan: (view): { value: CustomerMessageResult; effect: Effect } => {
          const current = view.requireConversation(write.message.conversationId);
          const { message, duplicate, row } = planMessage(view, write.message);
          if (duplicate) return { value: { message, duplicate, conversation: current }, effect: {} };
          const patch = { ...write.update(current), preview: previewOf(message.text), updatedAt: message.at };
          const change = planPatch(current, patch);
          const conversation = change.next;
          if (!write.turnWhen.includes(conversation.status)) return { value: { message, duplicate, conversation }, effect: { message: row, conversation: change } };
          const outcome = write.answerAtOnce?.(conversation, message);
          if (outcome) {
            const replyRow = outcome.reply && newMessageRow({ ...outcome.reply, clientId: undefined, conversationId: current.id }, message.seq + 1);
            const answered = planPatch(current, { ...patch, ...outcome.patch, ...(replyRow ? { updatedAt: replyRow.at } : {}) });
            const reply = replyRow && toChatMessage(replyRow);
            return { value: { message, duplicate, conversation: answered.next, reply }, effect: { message: row, reply: replyRow, conversation: answered } };
          }
          const turn: BotTurnRecord = { id: orderedId(), conversationId: current.id, message, triage: write.message.triage ?? null, createdAt: message.at };
          return {
            value: { message, duplicate, conversation, turn },
            effect: { message: row, conversation: change, turn: { id: turn.id, conversation_id: turn.conversationId, message_id: message.id, created_at: turn.createdAt } },
          };
        },
      }),

    completeBotTurn: (turnId, finish, at) =>
      commit.run({
        needs: { turnIds: [turnId] },
        plan: (view): { value: BotTurnCompletion; effect: Effect } => {
          // Read under the conversation's lock: only one write (on any node) finds the turn pending.
          const turn = view.turn(turnId);
          if (!turn || turn.done) return { value: { completed: false }, effect: {} };
          const current = view.requireConversation(turn.conversationId);
          const outcome = finish(current);
          const planned = outcome.reply && planMessage(view, { ...outcome.reply, clientId: undefined, conversationId: current.id });
          const change = planPatch(current, { ...outcome.patch, ...(planned ? { updatedAt: planned.message.at } : {}) });
          return {
            value: { completed: true, reply: planned?.message, conversation: change.next },
            effect: { finished: { id: turnId, at }, message: planned?.row, conversation: change },
          };
        },
      }),
  };
}

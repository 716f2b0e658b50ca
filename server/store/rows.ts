/**
 * Owns the conversion between store records and table rows: camelCase ↔ snake_case and the
 * JSON-as-text columns. Pure, shared by every SQL store so both dialects read rows the same way.
 *
 * @example const record = toConversationRecord(row); const columns = toConversationColumns({ status: 'queued' });
 */
import type { ChatMessage, ConversationStatus, IntentName, Sender, TriageResult, Urgency } from '../protocol.js';
import type { BotState, ConversationPatch, ConversationRecord } from './store.js';
import type { ConversationsTable, MessagesTable } from './tables.js';

/** A conversation row as read back from the database. */
export function toConversationRecord(row: ConversationsTable): ConversationRecord {
  return {
    id: row.id,
    // Enum columns hold only values this code wrote, so the casts restate what was stored.
    status: row.status as ConversationStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    locale: row.locale,
    page: row.page,
    language: row.language,
    intent: row.intent as IntentName | null,
    urgency: row.urgency as Urgency | null,
    reasons: JSON.parse(row.reasons_json) as string[],
    lastTriage: row.last_triage_json === null ? null : (JSON.parse(row.last_triage_json) as TriageResult),
    botState: JSON.parse(row.bot_state_json) as BotState,
    queuedAt: row.queued_at,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    rating: row.rating,
    ratingComment: row.rating_comment,
    customerKey: row.customer_key,
    contactEmail: row.contact_email ?? null,
    contactName: row.contact_name ?? null,
    emailedSeq: row.emailed_seq === null || row.emailed_seq === undefined ? 0 : Number(row.emailed_seq),
    preview: row.preview ?? null,
  };
}

type Column = keyof ConversationsTable;
type Encoder = (value: never) => ConversationsTable[Column];

const asIs: Encoder = (value: string | number | null) => value;
const asJson: Encoder = (value: unknown) => JSON.stringify(value);
const asNullableJson: Encoder = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** Record field → its column and how the value is written there. */
const PATCH_COLUMNS: Record<keyof ConversationPatch, [Column, Encoder]> = {
  status: ['status', asIs],
  updatedAt: ['updated_at', asIs],
  locale: ['locale', asIs],
  page: ['page', asIs],
  language: ['language', asIs],
  intent: ['intent', asIs],
  urgency: ['urgency', asIs],
  reasons: ['reasons_json', asJson],
  lastTriage: ['last_triage_json', asNullableJson],
  botState: ['bot_state_json', asJson],
  queuedAt: ['queued_at', asIs],
  assigneeId: ['assignee_id', asIs],
  assigneeName: ['assignee_name', asIs],
  firstResponseAt: ['first_response_at', asIs],
  resolvedAt: ['resolved_at', asIs],
  rating: ['rating', asIs],
  ratingComment: ['rating_comment', asIs],
  customerKey: ['customer_key', asIs],
  contactEmail: ['contact_email', asIs],
  contactName: ['contact_name', asIs],
  emailedSeq: ['emailed_seq', asIs],
  preview: ['preview', asIs],
};

/** The columns a patch changes; fields that are `undefined` or unknown are left out. */
export function toConversationColumns(patch: ConversationPatch): Partial<ConversationsTable> {
  const columns: Partial<Record<Column, unknown>> = {};
  for (const [field, value] of Object.entries(patch)) {
    const target = PATCH_COLUMNS[field as keyof ConversationPatch];
    if (target === undefined || value === undefined) continue;
    const [column, encode] = target;
    columns[column] = encode(value as never);
  }
  return columns as Partial<ConversationsTable>;
}

/** A message row as the protocol's `ChatMessage` (optional fields omitted, not null). */
export function toChatMessage(row: MessagesTable): ChatMessage {
  const message: ChatMessage = {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    from: row.sender as Sender,
    text: row.text,
    at: row.at,
  };
  if (row.client_id !== null) message.clientId = row.client_id;
  if (row.author_name !== null) message.author = { name: row.author_name };
  return message;
}

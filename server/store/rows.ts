/**
 * Owns the conversion between store records and table rows: camelCase ↔ snake_case and the
 * JSON-as-text columns. Pure, shared by every SQL store so both dialects read rows the same way.
 *
 * @example const record = toConversationRecord(row); const columns = toConversationColumns({ status: 'queued' });
 */
import { INITIAL_BOT_STATE, StoredBotState, type ChatMessage, type ConversationStatus, type IntentName, type Sender, type TriageResult, type Urgency } from '../protocol.js';
import type { ConversationPatch, ConversationRecord, NewConversation } from './store.js';
import type { ConversationsTable, MessagesTable } from './tables.js';

/**
 * The stored bot state, validated: a row written by older code or edited by hand must not crash a
 * turn, so anything malformed reads as the initial state, with the reason (the turn logs it).
 */
// A shopper message reads its conversation three times with the same bot state (service, write,
// bot turn): each distinct JSON is parsed once. The parsed state is frozen, so a reader that tried
// to change a shared copy would throw instead of corrupting its neighbours.
const parsedStates = new Map<string, ConversationRecord['botState']>();
const PARSED_STATES_KEPT = 2_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function readBotState(json: string): Pick<ConversationRecord, 'botState' | 'botStateFault'> {
  const known = parsedStates.get(json);
  if (known) return { botState: known };
  const read = parseBotState(json);
  if (read.botStateFault) return read;
  if (parsedStates.size >= PARSED_STATES_KEPT) parsedStates.delete(parsedStates.keys().next().value as string);
  parsedStates.set(json, rememberChecked(deepFreeze(read.botState)));
  return read;
}

// A bot state's lists grow by a few entries a turn and the rest is carried over by reference: an
// order lookup, say, is checked once, not again on every later write of its conversation (the
// schema check was 6–7 % of bench:message). Kept per field, since an entry is valid only where it
// passed; only frozen values go in, so what passed still does.
const CHECKED_LISTS = ['turns', 'lookups', 'orderEmails', 'awaitingEmailFor', 'agentLookups', 'earlierCases'] as const;
const checkedByList = new Map(CHECKED_LISTS.map((field) => [field, new WeakSet<object>()]));

/** Remembers the state's lists as checked, and the entries of `part`'s lists (the ones just checked). */
function rememberChecked(state: ConversationRecord['botState'], part: Record<string, unknown> = state): ConversationRecord['botState'] {
  for (const [field, checked] of checkedByList) {
    const list: unknown = state[field];
    if (!Array.isArray(list) || checked.has(list)) continue;
    checked.add(list);
    for (const entry of part[field] as unknown[]) if (typeof entry === 'object' && entry !== null) checked.add(entry);
  }
  return state;
}

/** The state with each list cut to its entries not checked before (list constraints are per entry). */
function uncheckedPart(state: ConversationRecord['botState']): Record<string, unknown> {
  const part: Record<string, unknown> = { ...state };
  for (const [field, checked] of checkedByList) {
    const list: unknown = state[field];
    if (!Array.isArray(list)) continue;
    part[field] = checked.has(list) ? [] : list.filter((entry) => typeof entry !== 'object' || entry === null || !checked.has(entry));
  }
  return part;
}

/**
 * The bot state a write just stored, as reading its row back will give it. A state that passes the
 * schema is kept as it is, frozen: the write neither parses its own JSON back nor copies the parts
 * it carried over from the previous state (with real shoppers nearly every write stores a state
 * never seen before, so `readBotState` would parse each one, and keep it). Anything else reads as
 * its JSON does: the initial state, with the fault.
 */
export function writtenBotState(state: ConversationRecord['botState']): Pick<ConversationRecord, 'botState' | 'botStateFault'> {
  const part = uncheckedPart(state);
  if (!StoredBotState.safeParse(part).success) return readBotState(JSON.stringify(state));
  return { botState: rememberChecked(deepFreeze(state), part) };
}

function parseBotState(json: string): Pick<ConversationRecord, 'botState' | 'botStateFault'> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { botState: { ...INITIAL_BOT_STATE, lookups: [] }, botStateFault: 'bot_state_json is not JSON' };
  }
  const parsed = StoredBotState.safeParse(value);
  if (parsed.success) return { botState: parsed.data };
  const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
  return { botState: { ...INITIAL_BOT_STATE, lookups: [] }, botStateFault: `bot state does not match its schema at ${where}` };
}

/** The columns of a new conversation: the bot has it, nothing is triaged yet (both stores insert it). */
export function newConversationRow(input: NewConversation) {
  return {
    id: input.id,
    token_hash: input.tokenHash,
    customer_key: input.customerKey,
    status: 'bot' satisfies ConversationStatus,
    created_at: input.now,
    updated_at: input.now,
    locale: input.locale ?? null,
    page: input.page ?? null,
    reasons_json: '[]',
    bot_state_json: JSON.stringify(INITIAL_BOT_STATE),
  };
}

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
    ...readBotState(row.bot_state_json),
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

let lastTriage: TriageResult | undefined;
let lastTriageJson = '';
/**
 * A triage result as JSON text. A shopper message's triage is written twice in its one write (with
 * the message, and as the conversation's last triage), so the last result's text is kept: one
 * `JSON.stringify` instead of two per message. Triage results are never changed once made.
 */
export function triageJson(triage: TriageResult): string {
  if (triage !== lastTriage) {
    lastTriageJson = JSON.stringify(triage);
    lastTriage = triage;
  }
  return lastTriageJson;
}

const asIs: Encoder = (value: string | number | null) => value;
const asJson: Encoder = (value: unknown) => JSON.stringify(value);
const asTriageJson: Encoder = (value: TriageResult | null) => (value === null ? null : triageJson(value));

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
  lastTriage: ['last_triage_json', asTriageJson],
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
  for (const field in patch) {
    const key = field as keyof ConversationPatch;
    const value = patch[key];
    const target = PATCH_COLUMNS[key];
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

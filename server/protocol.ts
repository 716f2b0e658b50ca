/**
 * The one protocol module: zod schemas for every socket payload (SPEC §5), the types inferred
 * from them, the four event maps, the error codes and the ack shape, and the bot state the store
 * keeps as JSON. It imports nothing but zod (and the zod-only order schema), so the widget and the
 * console can `import type` from it for ~0 bytes.
 *
 * @example
 *   const parsed = CustomerMessageInput.safeParse(payload); // validate a client→server payload
 *   type S = Socket<CustomerServerEvents, CustomerClientEvents>; // a typed client socket
 */
import { z } from 'zod';
import { OrderSchema } from './orders/order-schema.js';

// The REST half (requests and responses of /api/*), kept in its own zod-only file for size.
export * from './protocol-rest.js';

/** Longest text a shopper or an agent may send, in characters (SPEC §5). */
export const MAX_TEXT_LENGTH = 2000;

export const ERROR_CODES = [
  'invalid_payload',
  'too_long',
  'rate_limited',
  'unauthorized',
  'not_found',
  'already_claimed',
  'conversation_closed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * SPEC §5's codes, plus `internal` for a fault on the server's side: a widget retries that
 * message instead of dropping it as invalid.
 */
export const AckErrorCode = z.enum([...ERROR_CODES, 'internal']);
export type AckErrorCode = z.infer<typeof AckErrorCode>;

/** The failure ack of every client→server event (and the body of every REST error). */
export const AckError = z.object({
  ok: z.literal(false),
  error: z.object({ code: AckErrorCode, message: z.string(), path: z.string().optional() }),
});
export type AckError = z.infer<typeof AckError>;
/** Every client→server event is acknowledged with this. */
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;
export type AckFn<T extends object = object> = (response: Ack<T>) => void;

// ---------------------------------------------------------------- shared shapes

export const INTENT_NAMES = ['logistics', 'refund', 'payment', 'complaint', 'human', 'other'] as const;
export const IntentName = z.enum(INTENT_NAMES);
export type IntentName = z.infer<typeof IntentName>;

export const URGENCY_LEVELS = ['low', 'normal', 'high', 'critical'] as const;
export const Urgency = z.enum(URGENCY_LEVELS);
export type Urgency = z.infer<typeof Urgency>;

export const ConversationStatus = z.enum(['bot', 'queued', 'assigned', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Sender = z.enum(['customer', 'bot', 'agent', 'system']);
export type Sender = z.infer<typeof Sender>;

/**
 * True for text a store can keep as it is: no lone UTF-16 surrogate (not Unicode; PostgreSQL and
 * JSON encoders mangle or refuse it) and no NUL (PostgreSQL refuses it in text columns).
 *
 * @example isStorableText('ok 👍') // true;  isStorableText('a\uD800b') // false
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !/\p{Cs}/u.test(text);
}
const STORABLE_TEXT = 'text must be Unicode without NUL characters or lone surrogates';

/** A plain-text message body: 1 to 2000 characters after trimming the ends, storable as it is. */
export const MessageText = z.string().trim().min(1).max(MAX_TEXT_LENGTH).refine(isStorableText, STORABLE_TEXT);

/** A client-chosen id that makes a send idempotent (a retry stores nothing new). */
export const ClientId = z.string().min(1).max(100);

export const ChatMessage = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int().nonnegative(),
  from: Sender,
  text: z.string(),
  at: z.string(),
  clientId: z.string().optional(),
  author: z.object({ name: z.string() }).optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** The triage of one message (SPEC §3): what `classify`, `POST /api/triage` and the agent view show. */
export const TriageResult = z.object({
  intent: IntentName,
  intents: z.array(z.object({ intent: IntentName, score: z.number(), matched: z.array(z.string()) })),
  sentiment: z.object({ score: z.number(), label: z.enum(['negative', 'neutral', 'positive']) }),
  urgency: Urgency,
  safety: z.boolean(),
  language: z.string(),
  entities: z.object({
    orderIds: z.array(z.string()),
    emails: z.array(z.string()),
    amounts: z.array(z.object({ value: z.number(), currency: z.string(), text: z.string() })),
  }),
  handoff: z.boolean(),
  reasons: z.array(z.string()),
});
export type TriageResult = z.infer<typeof TriageResult>;

// ---------------------------------------------------------------- /customer

export const CustomerHandshake = z.object({
  token: z.string().max(200).optional(),
  locale: z.string().max(35).refine(isStorableText, STORABLE_TEXT).optional(),
  page: z.string().max(2000).refine(isStorableText, STORABLE_TEXT).optional(),
  /** A JWT the shop's backend signed with IDENTITY_SECRET (SPEC §10); refused as `unauthorized` when invalid. */
  identity: z.string().min(1).max(4096).optional(),
  /** The shopper's IANA zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`), for times in replies (SPEC §9). */
  timeZone: z.string().max(64).regex(/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+){0,2}$/).optional()
    // A zone this server cannot read is ignored, not refused: the chat matters more than the clock.
    .catch(undefined),
});
export type CustomerHandshake = z.infer<typeof CustomerHandshake>;

export const CustomerMessageInput = z.object({ clientId: ClientId, text: MessageText });
export type CustomerMessageInput = z.infer<typeof CustomerMessageInput>;

export const TypingInput = z.object({ typing: z.boolean() });
export type TypingInput = z.infer<typeof TypingInput>;

export const RateInput = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(MAX_TEXT_LENGTH).refine(isStorableText, STORABLE_TEXT).optional(),
});
export type RateInput = z.infer<typeof RateInput>;

export interface SessionPayload {
  token: string;
  conversationId: string;
  status: ConversationStatus;
  /** The last `SESSION_MESSAGES` messages at most, in seq order (SPEC §8). */
  messages: ChatMessage[];
  /** True once the shopper left an email (or the verified identity carries one): the widget never asks again. */
  contactKnown?: boolean;
  /** True when older messages exist: fetch them with `history`. */
  earlier?: boolean;
  /**
   * Set only while no one is on duty (business hours): the ISO time the team is next expected.
   * The widget then asks for an email even before the chat is queued (SPEC §11).
   */
  nextOpenAt?: string;
}

/** `contact` (SPEC §11): how to reach the shopper when nobody answers in time. */
export const ContactInput = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  name: z.string().trim().min(1).max(100).optional(),
});
export type ContactInput = z.infer<typeof ContactInput>;

/** How many messages `session` and one `history` page carry at most (SPEC §8). */
export const SESSION_MESSAGES = 100;

/** `history {beforeSeq}`: the page of messages before that seq. */
export const HistoryInput = z.object({ beforeSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
export type HistoryInput = z.infer<typeof HistoryInput>;

export interface StatusPayload {
  status: ConversationStatus;
  agent?: { name: string };
  queuePosition?: number;
  estimatedWaitSeconds?: number;
  /** When no one is on duty: the ISO time a person is next expected to answer. */
  nextOpenAt?: string;
}

export interface AgentTypingPayload {
  from: 'agent';
  typing: boolean;
  name: string;
}

/** Events the server emits on `/customer`. */
export interface CustomerServerEvents {
  session: (payload: SessionPayload) => void;
  message: (message: ChatMessage) => void;
  status: (payload: StatusPayload) => void;
  typing: (payload: AgentTypingPayload) => void;
}

/** Events a shopper's widget emits on `/customer`; each takes an ack. */
export interface CustomerClientEvents {
  message: (payload: CustomerMessageInput, ack: AckFn<{ message: ChatMessage; duplicate?: boolean }>) => void;
  typing: (payload: TypingInput, ack: AckFn) => void;
  rate: (payload: RateInput, ack: AckFn) => void;
  contact: (payload: ContactInput, ack: AckFn) => void;
  history: (payload: HistoryInput, ack: AckFn<{ messages: ChatMessage[]; earlier: boolean }>) => void;
}

// ---------------------------------------------------------------- /agent

export const AgentHandshake = z.object({ token: z.string().min(1).max(200) });

export const ConversationRef = z.object({ conversationId: z.string().min(1).max(100) });
export type ConversationRef = z.infer<typeof ConversationRef>;

export const AgentReplyInput = ConversationRef.extend({ clientId: ClientId, text: MessageText });
export type AgentReplyInput = z.infer<typeof AgentReplyInput>;

export const AgentNoteInput = ConversationRef.extend({ text: MessageText });
export type AgentNoteInput = z.infer<typeof AgentNoteInput>;

export const AgentTypingInput = ConversationRef.extend({ typing: z.boolean() });
export type AgentTypingInput = z.infer<typeof AgentTypingInput>;

export const TransferInput = ConversationRef.extend({ toAgentId: z.string().min(1).max(100).optional() });
export type TransferInput = z.infer<typeof TransferInput>;

export interface QueueEntry {
  conversationId: string;
  status: ConversationStatus;
  urgency: Urgency;
  intent: IntentName;
  reasons: string[];
  waitingSince: string;
  preview: string;
  language: string;
  assignee?: { id: string; name: string };
}

// The agent's view of one conversation (claim ack, `conversation` event, GET /api/conversations/:id).

export const SentimentDirection = z.enum(['improving', 'worsening', 'steady']);
export type SentimentDirection = z.infer<typeof SentimentDirection>;

/** What the bot already looked up, one flat record per order. */
export const LookupSummary = z.object({
  orderId: z.string(),
  result: z.string(),
  status: z.string().optional(),
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
  estimatedDelivery: z.string().optional(),
  trackingUrl: z.string().optional(),
  /** Where it ships to (ISO country code), as the shop reported it. */
  country: z.string().optional(),
  /** "Wireless earbuds × 1": what the order holds, so the agent can tell it is the product in question. */
  items: z.array(z.string()).optional(),
  /** "99.8 EUR" */
  total: z.string().optional(),
  message: z.string().optional(),
});
export type LookupSummary = z.infer<typeof LookupSummary>;

/** One earlier conversation of the same shopper. */
export const EarlierConversation = z.object({
  id: z.string(),
  createdAt: z.string(),
  intent: IntentName.nullable(),
  status: ConversationStatus,
  rating: z.number().nullable(),
});
export type EarlierConversation = z.infer<typeof EarlierConversation>;

/** A closed case of this conversation (the shopper wrote again after it was resolved). */
export const CaseSummary = z.object({
  /** 1 for the conversation's first case, then 2, 3, … */
  number: z.number().int(),
  intent: IntentName.nullable(),
  urgency: Urgency.nullable(),
  reasons: z.array(z.string()),
  openedAt: z.string(),
  queuedAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** The handoff summary: what the agent needs so the shopper never repeats themselves. */
export const HandoffSummary = z.object({
  intent: IntentName,
  urgency: Urgency,
  reasons: z.array(z.string()),
  /** Sentiment score of each shopper turn, oldest first. */
  sentimentTrend: z.array(z.number()),
  trend: SentimentDirection,
  /** Terms that matched across turns, first seen first, without repeats. */
  keywords: z.array(z.string()),
  orderIds: z.array(z.string()),
  lookups: z.array(LookupSummary),
  earlierConversations: z.array(EarlierConversation),
  earlierCases: z.array(CaseSummary),
  /** A suggested Acknowledge → Empathize → Reassure opening for the agent (SPEC §4). */
  firstLine: z.string().optional(),
});
export type HandoffSummary = z.infer<typeof HandoffSummary>;

/** Who the shopper is, as far as the widget told us. */
export const CustomerInfo = z.object({
  locale: z.string().nullable(),
  page: z.string().nullable(),
  language: z.string().nullable(),
  /** How many conversations this shopper had before this one. */
  earlierConversations: z.number().int(),
  /** The contact the shopper left (`contact` event), or null. */
  contact: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
  /** The shopper's IANA time zone from the widget, for their local time; null when unknown. */
  timeZone: z.string().nullable(),
  /** ISO country: from the locale's region ("de-DE" → "DE"), else the country an order ships to. */
  country: z.string().nullable(),
  /** The same shopper's earlier conversations (linked by a verified identity or the browser token). */
  earlier: z.array(z.object({ id: z.string(), createdAt: z.string(), status: ConversationStatus, intent: IntentName.nullable() })),
  /** The identity the shop signed (SPEC §10), when there is one. */
  verified: z.object({ sub: z.string(), email: z.string(), name: z.string().optional() }).nullable(),
});
export type CustomerInfo = z.infer<typeof CustomerInfo>;

export const NoteView = z.object({ id: z.string(), text: z.string(), at: z.string(), agentName: z.string() });
export type NoteView = z.infer<typeof NoteView>;

export const ConversationView = z.object({
  id: z.string(),
  status: ConversationStatus,
  messages: z.array(ChatMessage),
  triage: TriageResult.nullable(),
  summary: HandoffSummary,
  customer: CustomerInfo,
  /** Internal notes, oldest first; agents only. */
  notes: z.array(NoteView),
  /** Triage of each shopper message, by message id. */
  messageTriage: z.record(z.string(), TriageResult),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ConversationView = z.infer<typeof ConversationView>;

/** `queue:update`: what changed in the queue since the last `queue` or `queue:update` (entries replace those with the same id). */
export interface QueueUpdatePayload {
  changed: QueueEntry[];
  /** Conversations that left the queue (resolved, back to the bot). */
  removed: string[];
}

/** The shopper started or stopped typing in a conversation an agent follows. */
export interface ShopperTypingPayload {
  conversationId: string;
  from: 'customer';
  typing: boolean;
}

/** Events the server emits on `/agent`. */
export interface AgentServerEvents {
  /** The whole queue, once on connect. */
  queue: (entries: QueueEntry[]) => void;
  /** Every later change of the queue. */
  'queue:update': (update: QueueUpdatePayload) => void;
  message: (message: ChatMessage) => void;
  conversation: (conversation: ConversationView) => void;
  typing: (payload: ShopperTypingPayload) => void;
}

/** Events the console emits on `/agent`; each takes an ack. */
export interface AgentClientEvents {
  claim: (payload: ConversationRef, ack: AckFn<{ conversation: ConversationView }>) => void;
  reply: (payload: AgentReplyInput, ack: AckFn<{ message: ChatMessage; duplicate?: boolean }>) => void;
  note: (payload: AgentNoteInput, ack: AckFn<{ note: { id: string; text: string; at: string } }>) => void;
  typing: (payload: AgentTypingInput, ack: AckFn) => void;
  transfer: (payload: TransferInput, ack: AckFn) => void;
  resolve: (payload: ConversationRef, ack: AckFn) => void;
}

// The bot state, kept with each conversation as JSON (store/rows.ts parses it on every read).

/** The result of one order lookup; `orderId` is the id as asked for, `order.id` the shop's own. */
export const OrderLookup = z.discriminatedUnion('result', [
  z.object({ orderId: z.string(), result: z.literal('found'), order: OrderSchema }),
  z.object({ orderId: z.string(), result: z.literal('not_found') }),
  z.object({ orderId: z.string(), result: z.literal('unavailable'), message: z.string() }),
]);
export type OrderLookup = z.infer<typeof OrderLookup>;

/** What the bot remembers between turns of one conversation (the reply policy's input and output). */
export const BotState = z.object({
  /** The last bot message asked for the order number; the next message is read for it. */
  awaitingOrderId: z.boolean().optional(),
  /** The intent that needed the order number, resumed when the number arrives. */
  pendingIntent: IntentName.optional(),
  /** Set once the bot has asked for an order number in this conversation: it never asks twice. */
  askedForOrderId: z.boolean().optional(),
  /** Earlier shopper turns for triage history (sentiment trend, repeated questions), newest last. */
  turns: z.array(z.object({ intent: IntentName, sentimentScore: z.number() })).optional(),
  /** The bot gave at least one helpful answer; decides "solved by the bot" once idle. */
  helped: z.boolean().optional(),
  /** The shopper's IANA time zone from the widget handshake: times in replies use it (SPEC §9). */
  timeZone: z.string().optional(),
  /** Replies that did not help since the last handoff; repeated failures hand off (SPEC §3). */
  failures: z.number().int().nonnegative(),
  /** Recent lookups, newest last, for follow-ups and the agent view. */
  lookups: z.array(OrderLookup),
  /** The bot's last reply, as `replyFingerprint` (bot/reply-policy.ts; older rows: its text): the next one is never the same. */
  lastReply: z.string().optional(),
  /** Order privacy (orders/order-privacy.ts, SPEC §10): order emails the shopper typed correctly (lower case). */
  orderEmails: z.array(z.string()).optional(),
  /** Orders whose details wait for the checkout email. */
  awaitingEmailFor: z.array(z.string()).optional(),
  /** Emails typed that matched none of those orders. */
  wrongEmails: z.number().int().nonnegative().optional(),
  /**
   * The full orders found in this conversation (without the buyer's email), newest last, for the
   * agent's summary only: SPEC §10 governs what the bot shows the shopper. The reply policy never reads it.
   */
  agentLookups: z.array(z.object({ orderId: z.string(), order: OrderSchema.omit({ email: true }) })).optional(),
});
export type BotState = z.infer<typeof BotState>;

/** The bot state plus what it remembers about its replies while the conversation waits in the queue. */
export const QueuedBotState = BotState.extend({
  /** Acknowledgements sent while queued; picks the next wording so two in a row never match. */
  queuedAcks: z.number().int().nonnegative().optional(),
  /** The situation of the bot's last reply while queued. */
  lastQueuedSituation: z.string().optional(),
});
export type QueuedBotState = z.infer<typeof QueuedBotState>;

/**
 * What a conversation row stores: one JSON value for both turn kinds (a conversation moves between
 * the bot and the queue and keeps what it learned), plus its case history (handoff/conversation-case.ts).
 * Every field the server keeps is named here; unknown keys are kept as they are (loose), so a field
 * written through a spread of a wider type is never lost on the next read.
 */
export const StoredBotState = QueuedBotState.extend({
  /** The conversation's closed cases, oldest first. */
  earlierCases: z.array(CaseSummary).optional(),
  /** When the current case opened; absent for the first case (the conversation's `createdAt`). */
  caseOpenedAt: z.string().optional(),
}).loose();
export type StoredBotState = z.infer<typeof StoredBotState>;

/** The bot state of a new conversation. */
export const INITIAL_BOT_STATE: Readonly<StoredBotState> = Object.freeze({ failures: 0, lookups: [] });

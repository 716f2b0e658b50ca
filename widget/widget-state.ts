/**
 * The widget's state and its pure reducer: the transcript (sorted by `seq`, one copy per
 * message), conversation status, agent, queue, typing, rating, connection, panel and outbox.
 *
 * @example
 *   let s = initialState();
 *   s = reduce(s, { type: 'session', session }); // after every (re)connect
 *   s = reduce(s, { type: 'message', message });  // live messages merge without duplicates
 */
import type {
  AgentTypingPayload,
  ChatMessage,
  ConversationStatus,
  SessionPayload,
  StatusPayload,
} from '../server/protocol';
import * as box from './outbox';
import type { Outbox } from './outbox';

export type ConnectionState = 'connecting' | 'online' | 'offline';
/** `ask` shows the 1–5 buttons after resolution; `thanks` replaces them once the server acked. */
export type RatingState = 'hidden' | 'ask' | 'sending' | 'thanks' | 'failed';

/** The email box (SPEC §11): asked while queued or off duty unless the server already knows how to reach the shopper. */
export type ContactState = 'unknown' | 'sending' | 'saved' | 'failed' | 'known';

export interface WidgetState {
  open: boolean;
  connection: ConnectionState;
  conversationId: string | null;
  messages: readonly ChatMessage[];
  status: ConversationStatus;
  agentName: string | null;
  queuePosition: number | null;
  estimatedWaitSeconds: number | null;
  nextOpenAt: string | null;
  /** Name of the agent who is typing right now, if any. */
  agentTyping: string | null;
  rating: RatingState;
  /** Replies that arrived while the panel was closed (the launcher badge). */
  unread: number;
  outbox: Outbox;
  /** The score the shopper chose, once sent (decides whether to offer a comment box). */
  ratedScore: number | null;
  /** The comment box after a low rating. */
  comment: 'hidden' | 'ask' | 'sending' | 'sent' | 'failed';
  contact: ContactState;
  /** From `session.nextOpenAt`: no one is on duty until then, so the email is asked even while the bot chats. */
  offDutyUntil: string | null;
  /** Older messages exist on the server (`session.earlier`, then the last `history` ack). */
  earlier: boolean;
}

export type WidgetAction =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'connection'; state: ConnectionState }
  | { type: 'session'; session: SessionPayload }
  | { type: 'message'; message: ChatMessage }
  /** A `history` page: older messages, and whether there are more before them. */
  | { type: 'earlier'; messages: readonly ChatMessage[]; earlier: boolean }
  | { type: 'status'; status: StatusPayload }
  | { type: 'typing'; typing: AgentTypingPayload }
  | { type: 'send'; clientId: string; text: string; at: string }
  | { type: 'sending'; clientIds: readonly string[] }
  | { type: 'acked'; clientId: string; message: ChatMessage }
  /** No `error`: try again later (timeout, rate limit). With `error`: refused for good. */
  /** `error`: refused for good; `gaveUpError` without `error`: one more failed attempt (timeout, `internal`). */
  | { type: 'send-failed'; clientId: string; error?: string; gaveUpError?: string }
  | { type: 'retry'; clientId: string }
  | { type: 'rate'; phase: 'sending' | 'thanks' | 'failed'; score?: number }
  | { type: 'contact'; phase: 'sending' | 'saved' | 'failed' }
  | { type: 'rate-comment'; phase: 'sending' | 'sent' | 'failed' };

export function initialState(outbox: Outbox = []): WidgetState {
  return {
    open: false,
    connection: 'connecting',
    conversationId: null,
    messages: [],
    status: 'bot',
    agentName: null,
    queuePosition: null,
    estimatedWaitSeconds: null,
    nextOpenAt: null,
    agentTyping: null,
    rating: 'hidden',
    ratedScore: null,
    comment: 'hidden',
    contact: 'unknown',
    offDutyUntil: null,
    earlier: false,
    unread: 0,
    outbox,
  };
}

/**
 * Merges messages into a transcript sorted by `seq`. One message per id and per seq; the
 * incoming copy wins, so a resync after reconnect fills gaps and never duplicates.
 */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const incomingIds = new Set(incoming.map((m) => m.id));
  const bySeq = new Map<number, ChatMessage>();
  for (const m of current) if (!incomingIds.has(m.id)) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function reduce(state: WidgetState, action: WidgetAction): WidgetState {
  switch (action.type) {
    case 'open':
      return { ...state, open: true, unread: 0 };
    case 'close':
      return { ...state, open: false };
    case 'connection':
      // A dropped socket means no one is typing at us and nothing is in flight any more.
      return action.state === 'online'
        ? { ...state, connection: 'online' }
        : { ...state, connection: action.state, agentTyping: null, outbox: box.release(state.outbox) };
    case 'session':
      return applySession(state, action.session);
    case 'earlier':
      return { ...state, messages: mergeMessages(state.messages, action.messages), earlier: action.earlier };
    case 'message':
      return addMessages(state, [action.message]);
    case 'status':
      return applyStatus(state, action.status);
    case 'typing':
      return { ...state, agentTyping: action.typing.typing ? action.typing.name : null };
    case 'send':
      return { ...state, outbox: box.enqueue(state.outbox, action.clientId, action.text, action.at) };
    case 'sending':
      return { ...state, outbox: box.markSending(state.outbox, action.clientIds) };
    case 'acked':
      return addMessages({ ...state, outbox: box.acknowledge(state.outbox, action.clientId) }, [action.message]);
    case 'send-failed':
      return {
        ...state,
        outbox:
          action.error !== undefined
            ? box.reject(state.outbox, action.clientId, action.error)
            : action.gaveUpError !== undefined
              ? box.attemptFailed(state.outbox, action.clientId, action.gaveUpError)
              : box.release(state.outbox, action.clientId),
      };
    case 'retry':
      return { ...state, outbox: box.retry(state.outbox, action.clientId) };
    case 'rate':
      if (state.rating === 'hidden') return state;
      // After a 1–2 star rating the shopper may say what went wrong.
      return {
        ...state,
        rating: action.phase,
        ratedScore: action.score ?? state.ratedScore,
        comment: action.phase === 'thanks' && (action.score ?? state.ratedScore ?? 5) <= 2 ? 'ask' : state.comment,
      };
    case 'rate-comment':
      return state.comment === 'hidden' ? state : { ...state, comment: action.phase };
    case 'contact':
      return { ...state, contact: action.phase };
  }
}

function addMessages(state: WidgetState, incoming: readonly ChatMessage[]): WidgetState {
  const known = new Set(state.messages.map((m) => m.id));
  const fresh = incoming.filter((m) => !known.has(m.id));
  const delivered = new Set(incoming.flatMap((m) => (m.clientId ? [m.clientId] : [])));
  const agentSpoke = fresh.some((m) => m.from === 'agent');
  return {
    ...state,
    messages: mergeMessages(state.messages, incoming),
    outbox: box.dropDelivered(state.outbox, delivered),
    // An agent's message ends their typing; replies count as unread only while the panel is closed.
    agentTyping: agentSpoke ? null : state.agentTyping,
    unread: state.open ? 0 : state.unread + fresh.filter((m) => m.from !== 'customer').length,
  };
}

function applySession(state: WidgetState, session: SessionPayload): WidgetState {
  const same = state.conversationId === session.conversationId;
  // A different conversation (new token, or the old one expired) replaces the transcript.
  const base: WidgetState = same
    ? addMessages(state, session.messages)
    : { ...addMessages({ ...state, messages: [] }, session.messages), unread: 0 };
  const known = session.contactKnown === true;
  const contact: ContactState = known ? 'known' : same && state.contact !== 'known' ? state.contact : 'unknown';
  // Pages loaded before a reconnect stay: then "more before them" is what we knew, not the session's flag.
  const olderLoaded = same && (state.messages[0]?.seq ?? Infinity) < (session.messages[0]?.seq ?? Infinity);
  const earlier = olderLoaded ? state.earlier : session.earlier === true;
  const next = { ...base, conversationId: session.conversationId, contact, earlier, offDutyUntil: session.nextOpenAt ?? null };
  if (same && session.status === state.status) return next;
  return applyStatus({ ...next, rating: same ? next.rating : 'hidden' }, { status: session.status });
}

function applyStatus(state: WidgetState, p: StatusPayload): WidgetState {
  const assigned = p.status === 'assigned';
  const queued = p.status === 'queued';
  return {
    ...state,
    status: p.status,
    agentName: assigned ? (p.agent?.name ?? state.agentName ?? lastAgentName(state.messages)) : null,
    queuePosition: queued ? (p.queuePosition ?? null) : null,
    estimatedWaitSeconds: queued ? (p.estimatedWaitSeconds ?? null) : null,
    nextOpenAt: queued ? (p.nextOpenAt ?? null) : null,
    agentTyping: assigned ? state.agentTyping : null,
    // Ask for a rating once per resolution; a reopened conversation may be rated again later.
    rating: p.status !== 'resolved' ? 'hidden' : state.rating === 'hidden' ? 'ask' : state.rating,
    comment: p.status !== 'resolved' ? 'hidden' : state.comment,
  };
}

function lastAgentName(messages: readonly ChatMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.from === 'agent' && m.author) return m.author.name;
  }
  return null;
}

/**
 * The email box shows while the shopper waits for a person, or talks to the bot while no one is
 * on duty, and no address is known yet (SPEC §11); once given (or known) it never shows again.
 */
export function asksForContact(state: WidgetState): boolean {
  const waiting = state.status === 'queued' || (state.status === 'bot' && state.offDutyUntil !== null);
  return waiting && (state.contact === 'unknown' || state.contact === 'sending' || state.contact === 'failed');
}

/**
 * The shopper side of a conversation: open or resume a session, receive a message
 * (validate → triage → store → ack), run the bot's turn after the ack, and take a rating.
 * Sockets are not known here: everything goes out through the `ConversationNotifier` port.
 *
 * @example
 *   const service = createConversationService(deps);
 *   const { message, duplicate } = await service.receiveCustomerMessage(conversationId, { clientId, text });
 */
import { hashToken, newId, newToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { ChatMessage, CustomerHandshake, CustomerMessageInput, RateInput, StatusPayload, ContactInput } from '../protocol.js';
import type { ConversationRecord } from '../store/store.js';
import { conversationLanguage } from '../i18n/languages.js';
import { triage, type TriageTurn } from '../triage/triage.js';
import { mergeCaseTriage, startNewCase } from '../handoff/conversation-case.js';
import { runBotTurn, type BotTurnDeps } from './bot-turn.js';
import { NO_DESK_EVENTS } from './desk-events.js';
import { runQueuedTurn } from './queued-turn.js';

/** Where the service's events go; the socket transport implements it. */
export interface ConversationNotifier {
  /** A stored message, to the shopper's room and to agents following the conversation. */
  message(conversationId: string, message: ChatMessage): void;
  /** A status change, to the shopper. */
  status(conversationId: string, status: StatusPayload): void;
}

/** The service needs exactly what a bot turn needs (it runs them). */
export type ConversationServiceDeps = BotTurnDeps;

export interface Session {
  token: string;
  conversation: ConversationRecord;
  messages: ChatMessage[];
}

/** What the transport decides around opening a session (limits, identity, token expiry). */
export interface SessionHooks {
  /** Throws to refuse creating a new conversation (e.g. `rate_limited`). */
  beforeCreate?: () => Promise<void>;
  /** False when a known token may no longer resume its conversation (expired): a new one starts. */
  resumable?: (conversation: ConversationRecord) => boolean;
  /** Groups a verified shopper's conversations (identity/identity-sessions.ts); default: a new key. */
  customerKey?: string;
}

/** Earlier shopper turns kept for triage history (sentiment trend, repeated questions). */
const HISTORY_TURNS = 10;

export function createConversationService(deps: ConversationServiceDeps) {
  const { store, clock, notifier, logger } = deps;
  // One bot turn at a time per conversation, in message order: two quick messages never race.
  const pending = new Map<string, Promise<void>>();

  /** `beforeCreate` runs only when a new conversation would be created (the per-IP limit throws there). */
  async function openSession(handshake: CustomerHandshake, hooks: SessionHooks = {}): Promise<Session> {
    if (handshake.token) {
      const existing = await store.findConversationByTokenHash(hashToken(handshake.token));
      if (existing && hooks.resumable?.(existing) !== false) {
        const conversation = await rememberTimeZone(existing, handshake.timeZone);
        return { token: handshake.token, conversation, messages: await store.listMessages(existing.id) };
      }
    }
    // No token, or one we do not know (expired data, another server): a fresh conversation.
    await hooks.beforeCreate?.();
    const token = newToken();
    const conversation = await store.createConversation({
      id: newId(),
      tokenHash: hashToken(token),
      customerKey: hooks.customerKey ?? newId(),
      locale: handshake.locale,
      page: handshake.page,
      now: clock().toISOString(),
    });
    return { token, conversation: await rememberTimeZone(conversation, handshake.timeZone), messages: [] };
  }

  /**
   * Keeps the shopper's time zone with the bot state (a JSON field, so no migration): bot turns
   * may run later, without the socket, and still name times in the shopper's own zone.
   */
  async function rememberTimeZone(conversation: ConversationRecord, timeZone: string | undefined): Promise<ConversationRecord> {
    if (!timeZone || conversation.botState.timeZone === timeZone) return conversation;
    return store.updateConversation(conversation.id, { botState: { ...conversation.botState, timeZone } });
  }

  async function receiveCustomerMessage(conversationId: string, input: CustomerMessageInput): Promise<{ message: ChatMessage; duplicate: boolean }> {
    const conversation = await requireConversation(conversationId);
    const turns = historyOf(conversation);
    const result = triage(input.text, { turns, botFailures: conversation.botState.failures }, deps.intents.current());
    const { message, duplicate } = await store.appendMessage({
      conversationId,
      from: 'customer',
      text: input.text,
      clientId: input.clientId,
      at: clock().toISOString(),
      triage: result,
    });
    if (duplicate) return { message, duplicate };
    // The logger scrubs emails and card numbers from `text` (logger.ts); the text helps debugging.
    logger.debug({ conversationId, seq: message.seq, intent: result.intent, urgency: result.urgency, reasons: result.reasons, text: input.text }, 'customer message');
    notifier.message(conversationId, message);
    enqueue(conversationId, async () => {
      const fresh = await requireConversation(conversationId);
      const reopened = fresh.status === 'resolved' ? await reopen(fresh) : fresh;
      const updated = await store.updateConversation(conversationId, {
        lastTriage: result,
        // The reply language: this text's, else the conversation's so far, else the widget's (SPEC §9).
        language: conversationLanguage({ text: input.text, previous: reopened.language, locale: reopened.locale }),
        // The case keeps its strongest intent and urgency and every reason (handoff/conversation-case.ts).
        ...mergeCaseTriage(reopened, result),
        botState: { ...reopened.botState, turns: [...turns, { intent: result.intent, sentimentScore: result.sentiment.score }].slice(-HISTORY_TURNS) },
        updatedAt: clock().toISOString(),
      });
      if (updated.status === 'bot') await runBotTurn(deps, updated, message, result);
      else if (updated.status === 'queued') await runQueuedTurn(deps, updated, message, result);
    });
    return { message, duplicate };
  }

  /** Stores how to reach the shopper (SPEC §11); unseen agent replies are emailed there. */
  async function setContact(conversationId: string, input: ContactInput): Promise<object> {
    await requireConversation(conversationId);
    await store.updateConversation(conversationId, { contactEmail: input.email, contactName: input.name ?? null, updatedAt: clock().toISOString() });
    return {};
  }

  async function rate(conversationId: string, input: RateInput): Promise<object> {
    const conversation = await requireConversation(conversationId);
    if (conversation.status !== 'resolved') throw new AppError('conversation_closed', 'You can rate the conversation once it is resolved');
    const rated = await store.updateConversation(conversationId, { rating: input.score, ratingComment: input.comment ?? null, updatedAt: clock().toISOString() });
    // A shopper may change their rating; the average counts each conversation once, by its first.
    if (conversation.rating === null) (deps.events ?? NO_DESK_EVENTS).rated(rated, input.score);
    return {};
  }

  /** A shopper writing after resolution starts a new case with the bot, linked to the closed one. */
  async function reopen(conversation: ConversationRecord): Promise<ConversationRecord> {
    const reopened = await store.updateConversation(conversation.id, startNewCase(conversation, clock()));
    notifier.status(conversation.id, { status: 'bot' });
    return reopened;
  }

  function enqueue(conversationId: string, work: () => Promise<void>): void {
    const previous = pending.get(conversationId) ?? Promise.resolve();
    const next = previous.then(work).catch((error: unknown) => logger.error({ err: error, conversationId }, 'bot turn failed'));
    pending.set(conversationId, next);
    void next.finally(() => {
      if (pending.get(conversationId) === next) pending.delete(conversationId);
    });
  }

  async function requireConversation(conversationId: string): Promise<ConversationRecord> {
    const conversation = await store.getConversation(conversationId);
    if (!conversation) throw new AppError('not_found', 'This conversation does not exist any more; reload the page to start a new one');
    return conversation;
  }

  /** Resolves when every bot turn started so far has finished (tests, shutdown). */
  async function idle(): Promise<void> {
    while (pending.size > 0) await Promise.all([...pending.values()]);
  }

  return { openSession, receiveCustomerMessage, rate, setContact, idle, requireConversation };
}

export type ConversationService = ReturnType<typeof createConversationService>;

function historyOf(conversation: ConversationRecord): TriageTurn[] {
  const turns = (conversation.botState as { turns?: TriageTurn[] }).turns;
  return Array.isArray(turns) ? turns : [];
}

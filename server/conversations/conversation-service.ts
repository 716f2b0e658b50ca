/**
 * The shopper side of a conversation: open or resume a session (the last 100 messages, older ones
 * by `history`), receive a message (triage → one write with its pending bot turn → ack), hand the
 * turn to the worker, and take a rating.
 * Sockets are not known here: everything goes out through the `ConversationNotifier` port.
 *
 * @example
 *   const service = createConversationService(deps);
 *   const { message, duplicate } = await service.receiveCustomerMessage(conversationId, { clientId, text });
 */
import { hashToken, newId, newToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import { SESSION_MESSAGES, type ChatMessage, type ContactInput, type CustomerHandshake, type CustomerMessageInput, type HistoryInput, type RateInput, type TriageResult } from '../protocol.js';
import { conversationLanguage } from '../i18n/languages.js';
import { mergeCaseTriage, startNewCase } from '../handoff/conversation-case.js';
import { applyPatch, type BotTurnOutcome, type ConversationPatch, type ConversationRecord, type CustomerMessageResult, type MessagePage } from '../store/store.js';
import { triage, type TriageTurn } from '../triage/triage.js';
import type { BotTurnDeps } from './bot-turn.js';
import { afterAcks, answerAtOnce } from './bot-turn.js';
import { createBotTurnWorker } from './bot-turn-worker.js';
import { NO_DESK_EVENTS } from './desk-events.js';

export type { ConversationNotifier } from './ports.js';

/** The service needs exactly what a bot turn needs (it runs them). */
export type ConversationServiceDeps = BotTurnDeps;

export interface Session {
  token: string;
  conversation: ConversationRecord;
  /** The last `SESSION_MESSAGES` messages. */
  messages: ChatMessage[];
  /** Older messages exist (`history`). */
  earlier: boolean;
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
  const worker = createBotTurnWorker(deps);

  /** `beforeCreate` runs only when a new conversation would be created (the per-IP limit throws there). */
  async function openSession(handshake: CustomerHandshake, hooks: SessionHooks = {}): Promise<Session> {
    if (handshake.token) {
      const existing = await store.findConversationByTokenHash(hashToken(handshake.token));
      if (existing && hooks.resumable?.(existing) !== false) {
        const conversation = await rememberTimeZone(existing, handshake.timeZone);
        const page = await store.listMessagePage(existing.id, SESSION_MESSAGES);
        return { token: handshake.token, conversation, ...page };
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
    return { token, conversation: await rememberTimeZone(conversation, handshake.timeZone), messages: [], earlier: false };
  }

  /**
   * Keeps the shopper's time zone with the bot state (a JSON field, so no migration): bot turns
   * may run later, without the socket, and still name times in the shopper's own zone.
   */
  async function rememberTimeZone(conversation: ConversationRecord, timeZone: string | undefined): Promise<ConversationRecord> {
    if (!timeZone || conversation.botState.timeZone === timeZone) return conversation;
    return store.updateConversation(conversation.id, { botState: { ...conversation.botState, timeZone } });
  }

  /** The page of messages before `beforeSeq` (the widget's "Show earlier messages"). */
  async function history(conversationId: string, input: HistoryInput): Promise<MessagePage> {
    return store.listMessagePage(conversationId, SESSION_MESSAGES, input.beforeSeq);
  }

  /**
   * Triage, then ONE write: the message, the conversation's triage fields and the pending bot turn
   * (SPEC §8). The returned promise resolves after that write committed; the caller acks then.
   */
  async function receiveCustomerMessage(conversationId: string, input: CustomerMessageInput): Promise<{ message: ChatMessage; duplicate: boolean }> {
    const before = await requireConversation(conversationId);
    const result = triage(input.text, { turns: historyOf(before), botFailures: before.botState.failures }, deps.intents.current(), { locale: before.locale ?? undefined });
    let reopened = false;
    // The bot turn starts as soon as the message has committed: its reply is sent only after its
    // own write settles, which is after this one's (so never before the ack or the echo).
    let turnStarted = false;
    const startTurn = (written: CustomerMessageResult) => {
      if (turnStarted || !written.turn) return;
      turnStarted = true;
      worker.enqueue(written.turn, written.conversation);
    };
    let written: CustomerMessageResult;
    try {
      written = await store.recordCustomerMessage({
        message: { conversationId, from: 'customer', text: input.text, clientId: input.clientId, at: clock().toISOString(), triage: result },
        update: (current) => {
          reopened = current.status === 'resolved';
          return customerUpdate(current, result, input.text, clock());
        },
        // While queued the bot keeps helping (safety advice, order lookups) until someone claims the chat.
        turnWhen: ['bot', 'queued'],
        committed: startTurn,
        answerAtOnce: (conversation, message) => answerInWrite(conversation, message, result),
      });
    } finally {
      turnsBeingStored.delete(conversationId);
    }
    const { message, duplicate, conversation } = written;
    if (duplicate) return { message, duplicate };
    // The logger scrubs emails and card numbers from `text` (logger.ts); the text helps debugging.
    logger.debug({ conversationId, seq: message.seq, intent: result.intent, urgency: result.urgency, reasons: result.reasons, text: input.text }, 'customer message');
    notifier.message(conversationId, message, conversation);
    if (reopened) notifier.status(conversationId, { status: 'bot' });
    startTurn(written); // a store that does not report the commit early
    // The answer committed with the message: sent once the caller has acked it, as a stored turn's reply is.
    const { reply } = written;
    if (reply) {
      afterAcks()
        .then(() => notifier.message(conversationId, reply, conversation))
        .catch((error: unknown) => logger.error({ err: error, conversationId }, 'could not send the bot reply'));
    }
    // A waiting or assigned conversation's queue entry shows the new preview (and maybe a higher urgency).
    if (conversation.status === 'queued' || conversation.status === 'assigned') {
      deps.queue.publish([conversationId]).catch((error: unknown) => logger.error({ err: error, conversationId }, 'could not publish the queue'));
    }
    return { message, duplicate };
  }

  // Conversations whose message in the batch being written stores a pending turn: a later message
  // of theirs in the same batch must not be answered before that turn runs (turns run in order).
  const turnsBeingStored = new Set<string>();

  /** `answerAtOnce` for the store: never throws (a failing answer falls back to the stored turn). */
  function answerInWrite(conversation: ConversationRecord, message: ChatMessage, result: TriageResult): BotTurnOutcome | undefined {
    const waits = deps.turnLocks !== undefined || worker.busy(conversation.id) || turnsBeingStored.has(conversation.id);
    let outcome: BotTurnOutcome | undefined;
    try {
      outcome = waits ? undefined : answerAtOnce(deps, conversation, message, result);
    } catch (error) {
      logger.error({ err: error, conversationId: conversation.id }, 'could not answer inside the write; the stored turn answers');
    }
    if (!outcome) turnsBeingStored.add(conversation.id);
    return outcome;
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

  async function requireConversation(conversationId: string): Promise<ConversationRecord> {
    const conversation = await store.getConversation(conversationId);
    if (!conversation) throw new AppError('not_found', 'This conversation does not exist any more; reload the page to start a new one');
    return conversation;
  }

  return {
    openSession,
    history,
    receiveCustomerMessage,
    rate,
    setContact,
    requireConversation,
    /** Runs the turns a crash left unfinished (call once at start). */
    resumeBotTurns: (olderThan?: string) => worker.resume(olderThan),
    /** Resolves when every bot turn started so far has finished (tests, shutdown). */
    idle: () => worker.idle(),
  };
}

/**
 * The conversation change that goes with a shopper message, from the row as it is at commit time.
 * A shopper writing after resolution starts over with the bot, in the same conversation.
 */
function customerUpdate(current: ConversationRecord, result: TriageResult, text: string, now: Date): ConversationPatch {
  // A shopper writing after resolution starts a new case with the bot, linked to the closed one.
  const reopen: ConversationPatch = current.status === 'resolved' ? startNewCase(current, now) : {};
  const base = applyPatch(current, reopen);
  const turns = [...historyOf(base), { intent: result.intent, sentimentScore: result.sentiment.score }].slice(-HISTORY_TURNS);
  return {
    ...reopen,
    lastTriage: result,
    // The reply language: this text's, else the conversation's so far, else the widget's (SPEC §9).
    language: conversationLanguage({ text, previous: base.language, locale: base.locale }),
    // The case keeps its strongest intent and urgency and every reason (handoff/conversation-case.ts).
    ...mergeCaseTriage(base, result),
    botState: { ...base.botState, turns },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;

function historyOf(conversation: ConversationRecord): TriageTurn[] {
  return conversation.botState.turns ?? [];
}

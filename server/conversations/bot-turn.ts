/**
 * One bot turn, the I/O around the pure reply policy: look the orders up, ask `decide()` what to
 * say, check that no human took the conversation meanwhile (the bot never talks over a person),
 * store and send the reply, and on a handoff put the conversation in the queue.
 *
 * @example await runBotTurn(deps, conversation, turn); // turn: a pending outbox row (store.recordCustomerMessage)
 */
import type { Logger } from 'pino';
import { decide, type BotState, type Decision } from '../bot/reply-policy.js';
import { finishOrderText, orderTurnWithoutIo, prepareOrderTurn, type OrderTurn } from '../orders/private-order-turn.js';
import type { BusinessHours } from '../config.js';
import { formatOpening, isOpen, nextOpening } from '../handoff/business-hours.js';
import type { IntentSet } from '../intents/compile-intents.js';
import type { OrderProvider } from '../orders/order-provider.js';
import type { ChatMessage, TriageResult } from '../protocol.js';
import type { BotTurnOutcome, BotTurnRecord, ConversationRecord, Store } from '../store/store.js';
import type { ConversationNotifier } from './ports.js';
import { NO_DESK_EVENTS, type DeskEvents } from './desk-events.js';
import type { QueueEstimate, QueuePublisher } from './queue-publisher.js';

/** The name shoppers and agents see on the bot's messages. */
export const BOT_NAME = 'RelayDesk assistant';

export interface BotTurnDeps {
  store: Store;
  intents: { current(): IntentSet };
  orders: OrderProvider;
  clock: () => Date;
  notifier: ConversationNotifier;
  queue: QueuePublisher;
  logger: Logger;
  businessHours: BusinessHours;
  returnsUrl: string;
  events?: DeskEvents;
  /**
   * Several nodes: runs a conversation's turn only while holding its lock, so no two nodes run one
   * conversation's turns at once (server/cluster/turn-locks.ts); false when another node holds it.
   */
  turnLocks?: { withConversation(conversationId: string, work: () => Promise<void>): Promise<boolean> };
}

/**
 * Resolves one loop turn later. A turn's reply often settles on the same fsync as the shopper's
 * message it answers, and that message's ack goes out in the microtasks of that settle: waiting
 * for the next turn (setImmediate runs after them) keeps the reply from reaching the socket first.
 */
export const afterAcks = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The zone the widget reported at the handshake (conversation-service.ts keeps it in the bot state). */
function shopperTimeZone(conversation: ConversationRecord): string | undefined {
  return conversation.botState.timeZone;
}

/**
 * The conversation's bot state as the store read it (schema-checked in store/rows.ts). A malformed
 * stored state has already become the initial one there; this logs why, so the turn goes on.
 */
export function storedBotState(deps: Pick<BotTurnDeps, 'logger'>, conversation: ConversationRecord): ConversationRecord['botState'] {
  if (conversation.botStateFault) {
    deps.logger.warn({ conversationId: conversation.id, fault: conversation.botStateFault }, 'stored bot state unreadable; starting from the initial state');
  }
  return conversation.botState;
}

/**
 * Runs one stored turn: decides the reply outside any transaction (order lookups may take a while),
 * then commits the reply and the turn's completion together (`completeBotTurn`), so a crash either
 * loses both (the turn runs again at start) or keeps both (it never runs again).
 */
export async function runBotTurn(deps: BotTurnDeps, conversation: ConversationRecord, turn: BotTurnRecord): Promise<void> {
  const { store, clock, notifier } = deps;
  const { message } = turn;
  const result = turn.triage;
  if (conversation.status !== 'bot' || result === null) {
    await store.completeBotTurn(turn.id, () => ({}), clock().toISOString()); // a person has it: nothing to say
    return;
  }
  const state: BotState = storedBotState(deps, conversation);
  // Order privacy (SPEC §10): details only for the buyer; a typed email may unlock them.
  const orderTurn = await prepareOrderTurn({ orders: deps.orders, store, clock }, conversation.id, message.text, result, state);
  const estimate = await deps.queue.estimateFor(result.urgency);
  const decision = decideTurn(deps, conversation, result, state, orderTurn, estimate);

  const at = clock().toISOString();
  const { reply, conversation: after } = await store.completeBotTurn(turn.id, (current) => finishTurn(current, decision, at), at);
  if (!reply || !after) return; // already answered (before a restart), or an agent took the chat meanwhile
  await afterAcks();
  notifier.message(conversation.id, reply, after);
  if (decision.kind !== 'handoff') return;
  await (deps.events ?? NO_DESK_EVENTS).handedOff(after, decision.reasons, at);
  // publish() tells the shopper their place: off duty, when the team is back (handoff/queue-banner.ts).
  await deps.queue.publish([conversation.id]);
}

/**
 * The bot's answer to `message` when it needs no I/O: no order to look up, no email to check,
 * the queue already read. Called inside the message's own write (`answerAtOnce` in store.ts), with
 * the conversation as that message left it, so the reply commits with it and no turn is stored.
 * Undefined when the turn must wait for I/O, or hands off: a handoff takes the stored turn, which
 * also tells the desk and the queue. Pure but for the clock.
 */
export function answerAtOnce(deps: BotTurnDeps, conversation: ConversationRecord, message: ChatMessage, result: TriageResult): BotTurnOutcome | undefined {
  if (conversation.status !== 'bot' || conversation.botStateFault) return undefined; // a fault is logged by the stored turn
  const state: BotState = conversation.botState;
  const orderTurn = orderTurnWithoutIo(message.text, result, state);
  const estimate = deps.queue.estimateNow(result.urgency);
  if (!orderTurn || !estimate) return undefined;
  const decision = decideTurn(deps, conversation, result, state, orderTurn, estimate);
  if (decision.kind === 'handoff') return undefined;
  return finishTurn(conversation, decision, deps.clock().toISOString());
}

/** What the reply policy says, with the order turn's privacy around it. Pure but for the clock. */
function decideTurn(deps: BotTurnDeps, conversation: ConversationRecord, result: TriageResult, state: BotState, orderTurn: OrderTurn, estimate: QueueEstimate): Decision {
  const now = deps.clock();
  const open = isOpen(now, deps.businessHours);
  // The conversation service stored the reply language before this turn (i18n/languages.ts).
  const language = conversation.language ?? result.language;
  const decided = decide({
    language,
    triage: orderTurn.triage,
    text: orderTurn.text,
    state,
    lookups: orderTurn.lookups,
    intents: deps.intents.current(),
    context: {
      queuePosition: estimate.position,
      waitMinutes: Math.max(1, Math.round(estimate.waitSeconds / 60)),
      open,
      nextOpen: open ? undefined : formatOpening(nextOpening(now, deps.businessHours), deps.businessHours, language, shopperTimeZone(conversation)),
      returnsUrl: deps.returnsUrl,
      now,
    },
  });
  return orderTurn.reply === undefined
    ? { ...decided, text: finishOrderText(decided.text, orderTurn), state: { ...decided.state, ...orderTurn.privacy } }
    : { kind: 'reply', text: orderTurn.reply, state: { ...state, ...orderTurn.privacy }, helped: false, situation: 'order_privacy' };
}

/** What the turn writes, from the conversation as it is at commit time. Pure. */
function finishTurn(current: ConversationRecord, decision: Decision, at: string): BotTurnOutcome {
  // An agent may have claimed the chat while the order API answered: then the bot stays silent.
  if (current.status !== 'bot') return {};
  // `helped` is the service's own bookkeeping (decide() carries unknown fields over): it decides
  // whether this conversation counts as solved by the bot once it goes idle (metrics/bot-settler.ts).
  // `turns` stays as stored: a later shopper message may already have added its own.
  const botState = {
    ...current.botState,
    ...decision.state,
    turns: current.botState.turns,
    ...(decision.kind === 'reply' && decision.helped ? { helped: true } : {}),
  };
  const reply = { from: 'bot' as const, text: decision.text, authorName: BOT_NAME, at };
  if (decision.kind !== 'handoff') return { reply, patch: { botState } };
  return {
    reply,
    patch: { botState, status: 'queued', queuedAt: at, reasons: [...new Set([...current.reasons, ...decision.reasons])] },
  };
}

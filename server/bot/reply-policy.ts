/**
 * Owns the bot's pure reply policy (STYLE practice 6): from one triaged message, the bot state
 * and the order lookups, `decide` returns an AER reply, one request for the order number, or a
 * handoff to a person. No I/O: the conversation service looks orders up first
 * (`orderIdsToLookUp`), then stores and sends what `decide` returns.
 *
 * @example
 *   const ids = orderIdsToLookUp(result, state, text);
 *   const lookups = await Promise.all(ids.map((id) => orders.lookup(id)));
 *   const decision = decide({ triage: result, text, state, lookups, intents, context });
 *   // → { kind: 'reply', text: 'Your order 1001 is on its way with DHL …', state, helped: true, situation: 'status_shipped' }
 */
import { normalizeOrderId, type OrderLookup } from '../orders/order-provider.js';
import type { IntentName, TriageResult } from '../protocol.js';
import { renderAer } from './aer-templates.js';
import { handoffTemplate } from './handoff-reply.js';
import { messageOrderIds, ORDER_INTENTS } from './order-ids.js';
import { planLogistics, planRefund } from './order-replies.js';
import type { BotState, DecideInput, Plan, PlanInput } from './plan.js';
import { isSmallTalk, planComplaint, planOther, planPayment } from './topic-replies.js';

// The policy's input types live with the plan vocabulary, so topic handlers need not import the policy.
export type { BotState, DecideInput, ReplyContext } from './plan.js';

/** Frozen on the outside; the policy never mutates a state, it spreads a new one. */
export { INITIAL_BOT_STATE } from '../protocol.js';

export type Decision =
  | { kind: 'reply'; text: string; state: BotState; helped: boolean; situation: string }
  | { kind: 'ask_order_id'; text: string; state: BotState; situation: string }
  | { kind: 'handoff'; text: string; state: BotState; reasons: string[]; situation: string };

/** Unhelpful replies after which the next message goes to a person. */
export const MAX_BOT_FAILURES = 2;
export const MAX_REMEMBERED_LOOKUPS = 10;

/**
 * The order ids to look up before `decide`: those in the message, else (for an order question)
 * the last order found in this conversation, so "and when does it arrive?" needs no number.
 *
 * @example orderIdsToLookUp(triage('where is my order #1001', NO_HISTORY, set), INITIAL_BOT_STATE) // → ['1001']
 */
export function orderIdsToLookUp(triage: TriageResult, state: BotState, text = ''): string[] {
  const fromMessage = messageOrderIds(triage, text, aboutOrders(state));
  if (fromMessage.length > 0) return fromMessage;
  const remembered = [...state.lookups].reverse().find((lookup) => lookup.result === 'found');
  return remembered && ORDER_INTENTS.has(triage.intent) ? [normalizeOrderId(remembered.orderId)] : [];
}

/**
 * Decides the bot's answer to one shopper message. Pure: same input, same decision. Fields of
 * `state` it does not know (a caller's own bookkeeping) are carried over unchanged.
 *
 * @example decide({ triage: triage('hello', NO_HISTORY, set), text: 'hello', state: INITIAL_BOT_STATE, lookups: [], intents: set, context })
 *   // → { kind: 'reply', situation: 'greeting', helped: true, text: 'Hi, and welcome …', state }
 */
export function decide(input: DecideInput): Decision {
  const { triage, state } = input;
  const base: BotState = { ...state, lookups: rememberLookups(state.lookups, input.lookups) };
  if (triage.handoff) return remember(finish(input, base, { kind: 'handoff', reasons: triage.reasons }));
  if (state.failures >= MAX_BOT_FAILURES) return remember(finish(input, base, { kind: 'handoff', reasons: ['bot:could_not_help'] }));
  const { lookup, fromMessage } = chooseLookup(input);
  const planInput: PlanInput = {
    triage,
    text: input.text,
    askedBefore: state.askedForOrderId === true,
    context: input.context,
    intents: input.intents,
    language: replyLanguage(input),
    ...(lookup ? { lookup, lookupRemembered: !fromMessage } : {}),
  };
  return avoidRepeat(input, base, finish(input, base, planFor(effectiveIntent(input, fromMessage), planInput)));
}

/** Situations where a repeat means the shopper is not getting what they need: ask which topic. */
const NARROW_DOWN_AFTER: ReadonlySet<string> = new Set(['greeting', 'thanks', 'fallback', 'narrow_down']);

/**
 * Never the same answer twice in a row (issue 12): small talk or a misunderstanding is narrowed
 * down with a question; a repeated answer on a topic (the same refund paragraph to a shopper
 * pushing back) goes to a person instead.
 */
function avoidRepeat(input: DecideInput, base: BotState, decision: Decision): Decision {
  if (decision.kind === 'handoff') return remember(decision);
  const fingerprint = replyFingerprint(decision.text);
  // A state written before fingerprints holds the text itself: either form is the same reply.
  const last = input.state.lastReply;
  if (last !== fingerprint && last !== decision.text) return remember(decision, fingerprint);
  if (NARROW_DOWN_AFTER.has(decision.situation) && decision.situation !== 'narrow_down') {
    return remember(finish(input, base, { kind: 'reply', intent: 'other', situation: 'narrow_down', helped: false }));
  }
  return remember(finish(input, base, { kind: 'handoff', reasons: ['bot:repeated_answer'] }));
}

/** `fingerprint`: the decision's, when the caller has it already. */
function remember(decision: Decision, fingerprint?: string): Decision {
  // Explicitly undefined after a handoff, so merging into the stored state clears the old one.
  const lastReply = decision.kind === 'handoff' ? undefined : (fingerprint ?? replyFingerprint(decision.text));
  return { ...decision, state: { ...decision.state, lastReply } };
}

/**
 * What the bot state keeps of its last reply: a 53-bit hash of the text (cyrb53), not the text.
 * The state is stored with every message and kept with the conversation in memory, and the reply
 * text was a third of it (~550 bytes in memory, often two-byte, ~250 characters in each row
 * written). Two different replies collide once in 2^53: then the bot would narrow down or hand
 * over where it could have answered.
 */
export function replyFingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `#${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}


/**
 * The lookup this message is about: the first named order that was looked up. An id that a
 * two-argument `orderIdsToLookUp(triage, state)` names but nobody looked up is an outage; a bare
 * number only the text fallback saw, when the caller did not pass the text, counts as no id, so
 * the bot neither misreports an outage nor answers about another order.
 */
function chooseLookup(input: DecideInput): { lookup?: OrderLookup; fromMessage: boolean } {
  const { triage, state, text, lookups } = input;
  const fromMessage = messageOrderIds(triage, text, aboutOrders(state));
  const ids = fromMessage.length > 0 ? fromMessage : orderIdsToLookUp(triage, state, text);
  for (const id of ids) {
    const lookup = lookups.find((candidate) => normalizeOrderId(candidate.orderId) === id);
    if (lookup) return { lookup, fromMessage: fromMessage.includes(id) };
  }
  const promised = orderIdsToLookUp(triage, state);
  const owed = ids.find((id) => promised.includes(id));
  if (owed === undefined) return { fromMessage: false };
  const missing: OrderLookup = { orderId: owed, result: 'unavailable', message: 'no lookup was made for this order id' };
  return { lookup: missing, fromMessage: fromMessage.includes(owed) };
}

/**
 * The topic this message continues: after "what is your order number?", a bare "1001" (or "I
 * don't have it") answers the pending question; a message with a topic of its own starts anew.
 */
function effectiveIntent(input: DecideInput, bringsOrderId: boolean): IntentName {
  const { triage, state } = input;
  const pending = state.awaitingOrderId ? state.pendingIntent : undefined;
  if (pending && (triage.intent === 'other' || triage.intent === pending)) {
    if (bringsOrderId || !isSmallTalk(input)) return pending;
  }
  if (triage.intent === 'other' && bringsOrderId) return 'logistics';
  return triage.intent;
}

function planFor(intent: IntentName, input: PlanInput): Plan {
  switch (intent) {
    case 'logistics':
      return planLogistics(input);
    case 'refund':
      return planRefund(input);
    case 'payment':
      return planPayment(input);
    case 'complaint':
      return planComplaint(input);
    case 'human':
      return { kind: 'handoff', reasons: ['request:human'] };
    case 'other':
      return planOther(input);
  }
}

function replyLanguage(input: DecideInput): string {
  return input.language ?? input.triage.language;
}

function aboutOrders(state: BotState): boolean {
  return state.awaitingOrderId === true || state.lookups.length > 0;
}

function rememberLookups(previous: readonly OrderLookup[], fresh: readonly OrderLookup[]): OrderLookup[] {
  const freshIds = new Set(fresh.map((lookup) => normalizeOrderId(lookup.orderId)));
  const kept = previous.filter((lookup) => !freshIds.has(normalizeOrderId(lookup.orderId)));
  return [...kept, ...fresh].slice(-MAX_REMEMBERED_LOOKUPS);
}

/** Renders the plan and moves the state on; the one place a `Decision` is built. */
function finish(input: DecideInput, state: BotState, plan: Plan): Decision {
  const { awaitingOrderId: _awaiting, pendingIntent: _pending, ...settled } = state;
  const render = (intent: IntentName, situation: string, vars: Record<string, string | number> = {}) =>
    renderAer(input.intents, intent, situation, replyLanguage(input), vars);
  switch (plan.kind) {
    case 'ask_order_id': {
      const next: BotState = { ...settled, awaitingOrderId: true, pendingIntent: plan.intent, askedForOrderId: true };
      return { kind: 'ask_order_id', text: render(plan.intent, 'ask_order_id'), state: next, situation: 'ask_order_id' };
    }
    case 'reply': {
      const next: BotState = { ...settled, failures: plan.helped ? state.failures : state.failures + 1 };
      return { kind: 'reply', text: render(plan.intent, plan.situation, plan.vars), state: next, helped: plan.helped, situation: plan.situation };
    }
    case 'handoff': {
      const { intent, situation, vars } = handoffTemplate(input, plan);
      // A person now owns the chat; if it ever comes back to the bot, the bot starts afresh.
      const next: BotState = { ...settled, failures: 0 };
      return { kind: 'handoff', text: render(intent, situation, vars), state: next, reasons: plan.reasons, situation };
    }
  }
}

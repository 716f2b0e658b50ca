/**
 * Owns what the bot says while a conversation waits for a person (pure, SPEC §4): a new safety
 * report gets the safety advice again (its urgency is raised by the case merge), an order
 * question with a lookup gets the order's status, anything else a short acknowledgement that is
 * never the same as the bot's previous one. Once an agent holds the chat the service never asks.
 *
 * @example
 *   decideWhileQueued({ triage: triage('hello?', history, set), text: 'hello?', state, lookups: [], intents: set, context })
 *   // → { text: "Got it: I've added this to your chat …", situation: 'queued_ack', state: { …, queuedAcks: 1 } }
 */
import type { IntentSet } from '../intents/compile-intents.js';
import { normalizeOrderId, type OrderLookup } from '../orders/order-provider.js';
import type { IntentName, TriageResult } from '../protocol.js';
import { renderAer } from './aer-templates.js';
import { handoffVars } from './handoff-reply.js';
import { messageOrderIds } from './order-ids.js';
import { planLogistics, planRefund } from './order-replies.js';
import type { QueuedBotState } from '../protocol.js';
import type { PlanInput, ReplyContext } from './plan.js';

/** The bot state plus what it remembers in the queue; the schema lives in protocol.ts. */
export type { QueuedBotState } from '../protocol.js';

export interface QueuedInput {
  triage: TriageResult;
  text: string;
  state: QueuedBotState;
  /** Results for `orderIdsToLookUp(triage, state, text)`. */
  lookups: OrderLookup[];
  intents: IntentSet;
  context: ReplyContext;
  /** The conversation's language (`i18n/languages.ts`); the triage guess when absent. */
  language?: string;
}

export interface QueuedDecision {
  text: string;
  situation: string;
  state: QueuedBotState;
  /** True for a safety report: the caller re-publishes the queue (the case is now critical). */
  safety: boolean;
}

/** Two wordings per duty state, used in turn. */
const ACKS_OPEN = ['queued_ack', 'queued_ack_more'] as const;
const ACKS_OFFLINE = ['queued_ack_offline', 'queued_ack_offline_more'] as const;

export function decideWhileQueued(input: QueuedInput): QueuedDecision {
  const { triage, state, context } = input;
  const language = input.language ?? triage.language;
  const vars = handoffVars(context);
  const render = (intent: IntentName, situation: string, extra: Record<string, string | number> = {}) =>
    renderAer(input.intents, intent, situation, language, { ...vars, ...extra });
  const lookups = rememberLookups(state.lookups, input.lookups);
  const base: QueuedBotState = { ...state, lookups };

  if (triage.safety) {
    const first = state.lastQueuedSituation?.startsWith('queued_safety') !== true;
    const situation = context.open ? (first ? 'queued_safety' : 'queued_safety_more') : first ? 'queued_safety_offline' : 'queued_safety_offline_more';
    return { text: render('human', situation), situation, state: { ...base, lastQueuedSituation: situation }, safety: true };
  }

  const lookup = lookupFor(input);
  if (lookup) {
    const planInput: PlanInput = { triage, text: input.text, lookup, askedBefore: true, context, intents: input.intents, language };
    const plan = triage.intent === 'refund' ? planRefund(planInput) : planLogistics(planInput);
    if (plan.kind === 'reply') {
      const text = render(plan.intent, plan.situation, plan.vars);
      return { text, situation: plan.situation, state: { ...base, lastQueuedSituation: plan.situation }, safety: false };
    }
  }

  const wordings = context.open ? ACKS_OPEN : ACKS_OFFLINE;
  const count = state.queuedAcks ?? 0;
  let situation: string = wordings[count % wordings.length]!;
  // After an order answer or a safety text the counter may point at the wording used last time.
  if (situation === state.lastQueuedSituation) situation = wordings[(count + 1) % wordings.length]!;
  return { text: render('human', situation), situation, state: { ...base, queuedAcks: count + 1, lastQueuedSituation: situation }, safety: false };
}

/** The lookup of an order this message names, or (for an order question) the last one found. */
function lookupFor(input: QueuedInput): OrderLookup | undefined {
  const named = messageOrderIds(input.triage, input.text, true);
  for (const id of named) {
    const lookup = input.lookups.find((candidate) => normalizeOrderId(candidate.orderId) === id);
    if (lookup) return lookup;
  }
  if (named.length > 0 || (input.triage.intent !== 'logistics' && input.triage.intent !== 'refund')) return undefined;
  return input.lookups[0];
}

const MAX_REMEMBERED = 10;

function rememberLookups(previous: readonly OrderLookup[], fresh: readonly OrderLookup[]): OrderLookup[] {
  const freshIds = new Set(fresh.map((lookup) => normalizeOrderId(lookup.orderId)));
  return [...previous.filter((lookup) => !freshIds.has(normalizeOrderId(lookup.orderId))), ...fresh].slice(-MAX_REMEMBERED);
}

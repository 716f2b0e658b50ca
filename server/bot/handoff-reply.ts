/**
 * Owns which text a shopper reads when a person takes over (pure): the safety text first (stop
 * using the product, emergency services), then the off-duty text naming the next opening, then
 * a topic's own handoff text (a billing error says why a person is needed), else the shared one.
 *
 * @example handoffTemplate(input, { kind: 'handoff', reasons: ['request:human'] })
 *   // → { intent: 'human', situation: 'handoff', vars: { queuePosition: 3, waitMinutes: 12, nextOpen: … } }
 */
import type { IntentName } from '../protocol.js';
import { aerLanguage } from './aer-templates.js';
import type { DecideInput, Plan, ReplyContext } from './plan.js';

/** Shown when agents are off duty but the caller could not say when they return. */
const UNKNOWN_NEXT_OPEN = 'the next business day';

export interface HandoffTemplate {
  intent: IntentName;
  situation: string;
  vars: Record<string, string | number>;
}

export function handoffTemplate(input: DecideInput, plan: Extract<Plan, { kind: 'handoff' }>): HandoffTemplate {
  const vars = handoffVars(input.context);
  const safety = input.triage.safety || plan.reasons.some((reason) => reason.startsWith('safety:'));
  const { open } = input.context;
  if (safety) return { intent: 'human', situation: open ? 'handoff_safety' : 'handoff_safety_offline', vars };
  const own = plan.template;
  if (!own && isComplaint(input)) {
    // Acknowledge and empathize before the handoff; ask for the order number if none is known.
    const situation = `${open ? 'handoff_complaint' : 'handoff_complaint_offline'}${knowsAnOrder(input) ? '' : '_order'}`;
    if (aerLanguage(input.intents, 'complaint', situation, input.triage.language)) return { intent: 'complaint', situation, vars };
  }
  if (!open) return { intent: 'human', situation: 'handoff_offline', vars };
  // Ops may delete a topic's own text; the shared one always exists (tests pin it).
  if (own && aerLanguage(input.intents, own.intent, own.situation, input.language ?? input.triage.language)) return { ...own, vars };
  return { intent: 'human', situation: 'handoff', vars };
}

/**
 * An upset shopper with a grievance: the complaint intent, a complaint that scored beside
 * another topic ("3 weeks late… worst shop" reads as logistics or refund), or very negative words.
 */
export function isComplaint(input: Pick<DecideInput, 'triage'>): boolean {
  const { triage } = input;
  if (triage.intent === 'complaint') return true;
  if (triage.reasons.some((reason) => reason === 'sentiment:very_negative' || reason === 'complaint:negative' || reason.startsWith('threat:'))) return true;
  return triage.sentiment.label === 'negative' && triage.intents.some((ranked) => ranked.intent === 'complaint' && ranked.score > 0);
}

/** An order is named in this message or was looked up earlier: no need to ask for one. */
function knowsAnOrder(input: DecideInput): boolean {
  return input.triage.entities.orderIds.length > 0 || input.lookups.length > 0 || input.state.lookups.length > 0;
}

export function handoffVars(context: ReplyContext): Record<string, string | number> {
  return {
    queuePosition: Math.max(1, Math.round(context.queuePosition)),
    // "about 0 minutes" would promise an instant answer nobody can keep.
    waitMinutes: Math.max(1, Math.ceil(context.waitMinutes)),
    nextOpen: context.nextOpen ?? UNKNOWN_NEXT_OPEN,
  };
}

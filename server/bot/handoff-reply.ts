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
import type { Plan } from './plan.js';
import type { DecideInput, ReplyContext } from './reply-policy.js';

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
  if (!open) return { intent: 'human', situation: 'handoff_offline', vars };
  const own = plan.template;
  // Ops may delete a topic's own text; the shared one always exists (tests pin it).
  if (own && aerLanguage(input.intents, own.intent, own.situation, input.language ?? input.triage.language)) return { ...own, vars };
  return { intent: 'human', situation: 'handoff', vars };
}

export function handoffVars(context: ReplyContext): Record<string, string | number> {
  return {
    queuePosition: Math.max(1, Math.round(context.queuePosition)),
    // "about 0 minutes" would promise an instant answer nobody can keep.
    waitMinutes: Math.max(1, Math.ceil(context.waitMinutes)),
    nextOpen: context.nextOpen ?? UNKNOWN_NEXT_OPEN,
  };
}

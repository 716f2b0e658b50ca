/**
 * Owns the small vocabulary between the reply policy and its topic handlers: a `Plan` says
 * which template to render (or to ask, or to hand off); `reply-policy.ts` alone renders it and
 * updates the bot state, so every topic stays a pure function of what the shopper said.
 *
 * @example const plan: Plan = { kind: 'reply', intent: 'other', situation: 'greeting', helped: true };
 */
import type { IntentSet } from '../intents/compile-intents.js';
import type { OrderLookup } from '../orders/order-provider.js';
import type { IntentName, TriageResult } from '../protocol.js';
import type { AerVars } from './aer-templates.js';
import type { ReplyContext } from './reply-policy.js';

export type Plan =
  | { kind: 'reply'; intent: IntentName; situation: string; vars?: AerVars; helped: boolean }
  | { kind: 'ask_order_id'; intent: IntentName }
  /** `template` overrides the shared handoff text (e.g. a billing error explains why a person is needed). */
  | { kind: 'handoff'; reasons: string[]; template?: { intent: IntentName; situation: string } };

/** What a topic handler may look at: the message, its order lookup, and whether we asked already. */
export interface PlanInput {
  triage: TriageResult;
  text: string;
  /** The lookup of the order this message is about, if any. */
  lookup?: OrderLookup;
  /** The bot asked for the order number before in this conversation: never ask twice. */
  askedBefore: boolean;
  context: ReplyContext;
  intents: IntentSet;
  /** The shopper's language; dates and money follow the template actually used (see `aerLanguage`). */
  language: string;
}

/** Terms that fired for one intent, lower-cased; empty when it did not score. */
export function matchedTerms(triage: TriageResult, intent: IntentName): string[] {
  return (triage.intents.find((entry) => entry.intent === intent)?.matched ?? []).map((term) => term.toLowerCase());
}

/** True when a matched term, or the text itself, says one of these things. */
export function mentions(terms: readonly string[], text: string, wanted: ReadonlySet<string>, pattern?: RegExp): boolean {
  return terms.some((term) => wanted.has(term)) || (pattern?.test(text) ?? false);
}

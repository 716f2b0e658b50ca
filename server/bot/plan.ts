/**
 * Owns the small vocabulary between the reply policy and its topic handlers: the policy's input
 * (`BotState`, `ReplyContext`, `DecideInput`), and a `Plan` that says
 * which template to render (or to ask, or to hand off); `reply-policy.ts` alone renders it and
 * updates the bot state, so every topic stays a pure function of what the shopper said.
 *
 * @example const plan: Plan = { kind: 'reply', intent: 'other', situation: 'greeting', helped: true };
 */
import type { IntentSet } from '../intents/compile-intents.js';
import type { OrderLookup } from '../orders/order-provider.js';
import type { BotState, IntentName, TriageResult } from '../protocol.js';
import type { AerVars } from './aer-templates.js';

/** The one contract lives in protocol.ts (a zod schema, parsed where the store reads it). */
export type { BotState } from '../protocol.js';

export interface ReplyContext {
  /** 1-based place in the human queue if handed off now. */
  queuePosition: number;
  waitMinutes: number;
  /** Whether agents are on duty (business hours). */
  open: boolean;
  /** When agents are next on duty, ready to show ("Monday 09:00 (Europe/Berlin)"). */
  nextOpen?: string;
  /** The shop's self-service returns page. */
  returnsUrl: string;
  /** The current time from the injected clock: an order past its estimated delivery is late. Absent: never late. */
  now?: Date;
}

export interface DecideInput {
  triage: TriageResult;
  text: string;
  state: BotState;
  /** Results for `orderIdsToLookUp(triage, state, text)`, in any order. */
  lookups: OrderLookup[];
  intents: IntentSet;
  context: ReplyContext;
  /** The conversation's language (`conversationLanguage`); the triage guess when absent. */
  language?: string;
}

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
  /** The lookup is the order of an earlier message, not one this message names. */
  lookupRemembered?: boolean;
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

/**
 * Pure triage of one shopper message in the light of the conversation so far: the SPEC §3 JSON
 * with intent ranking, sentiment, urgency, safety, language, entities, the handoff decision and
 * every reason behind it. No I/O, no clock, no environment: same input, same output.
 *
 * @example triage('the charger caught fire!', { turns: [] }, set)
 *   // → { intent: 'complaint', urgency: 'critical', safety: true, handoff: true, reasons: ['intent:complaint', 'safety:fire', ...] }
 */
import type { IntentSet } from '../intents/compile-intents.js';
import type { IntentName, TriageResult, Urgency } from '../protocol.js';
import { analyzeMessage } from './analysis.js';
import { extractEntities } from './entities.js';
import { MIN_INTENT_SCORE, rankIntents, topIntent, type IntentScore } from './match-intents.js';
import { scoreSentiment, type Sentiment } from './sentiment.js';
import { findSafety, findThreats } from './signals.js';

/** What triage needs to know of earlier shopper turns in the same conversation. */
export interface TriageTurn {
  intent: IntentName;
  sentimentScore: number;
}

export interface TriageHistory {
  turns: readonly TriageTurn[];
  /** Bot replies that did not help (the shopper asked again, or the bot had no answer). */
  botFailures?: number;
}

export const NO_HISTORY: TriageHistory = Object.freeze({ turns: [] });

/** A sum this low is anger, not disappointment: a person takes over even for routine intents. */
const VERY_NEGATIVE_AT = -5;
/** A complaint at or below this sentiment sum goes to a person. */
const COMPLAINT_HANDOFF_AT = -1;
/** Threat kinds that go to a person at once with urgency `critical`, like safety. */
const CRITICAL_THREATS = new Set(['legal']);
const BOT_FAILURES_BEFORE_HANDOFF = 2;
/**
 * A top complaint score this high (a strong hint in the intent files' weights: "poorly made",
 * "not as advertised", "expected better") is dissatisfaction with the shop even when the mood words
 * are few or mixed ("thanks, but it was supposed to arrive Monday and it's poorly made").
 */
const CLEAR_COMPLAINT_AT = 2;

/** What the caller knows beyond the text. */
export interface TriageOptions {
  /** The widget's locale (`data-locale` or the browser's): the language when the text shows none. */
  locale?: string;
}

const NO_OPTIONS: TriageOptions = {};

export function triage(text: string, history: TriageHistory, set: IntentSet, options: TriageOptions = NO_OPTIONS): TriageResult {
  const analysis = analyzeMessage(text, set, options.locale?.slice(0, 2).toLowerCase());
  const ranked = rankIntents(analysis, set);
  const sentiment = scoreSentiment(analysis);
  const safety = findSafety(analysis, set);
  const threats = findThreats(analysis);
  // Reporting an incident or threatening action is being upset, whatever the words' polarity;
  // so is a message whose topic is clearly a complaint when its mood words do not add up.
  if ((safety.length > 0 || threats.length > 0 || (sentiment.label === 'neutral' && complainsClearly(ranked))) && sentiment.label !== 'negative') {
    sentiment.label = 'negative';
    sentiment.score = Math.min(sentiment.score, -0.25);
  }
  const intent = resolveIntent(ranked, sentiment, safety, threats);
  const reasons = collectReasons(intent, sentiment, safety, threats, history);
  return {
    intent,
    // An entry without exclusions has exactly the result's shape: no copy needed.
    intents: ranked.map(resultRow),
    sentiment: { score: sentiment.score, label: sentiment.label },
    urgency: urgencyOf(intent, sentiment, reasons),
    safety: safety.length > 0,
    language: analysis.language,
    entities: extractEntities(text),
    handoff: reasons.some(handsOff),
    reasons,
  };
}

// Module functions rather than arrows inside triage: no closure (and no tsx name wrapper) per message.
/** An entry without exclusions has exactly the result row's shape: no copy needed. */
function resultRow(entry: IntentScore): TriageResult['intents'][number] {
  return entry.excludedBy ? { intent: entry.intent, score: entry.score, matched: entry.matched } : entry;
}

function handsOff(reason: string): boolean {
  for (const prefix of HANDOFF_REASON_PREFIXES) if (reason.startsWith(prefix)) return true;
  return false;
}

function complainsClearly(ranked: readonly IntentScore[]): boolean {
  const best = ranked[0];
  return best !== undefined && best.intent === 'complaint' && best.score >= CLEAR_COMPLAINT_AT;
}

function isNotRepeat(kind: string): boolean {
  return kind !== 'repeat';
}

/**
 * Product rules on top of keyword scores: a safety incident is a complaint about the product
 * (unless the shopper asks for a refund or a person); a threat with no other topic ("a one star
 * review everywhere") is a complaint; an upset message that names no topic is dissatisfaction,
 * so a complaint too ("I'm sick of your excuses").
 */
function resolveIntent(ranked: readonly IntentScore[], sentiment: Sentiment, safety: readonly string[], threats: readonly string[]): IntentName {
  const scored = topIntent(ranked);
  if (safety.length > 0 && scored !== 'refund' && scored !== 'human') return 'complaint';
  if (scored === 'other' && threats.some(isNotRepeat)) return 'complaint';
  const namesNoTopic = (ranked[0]?.score ?? 0) < MIN_INTENT_SCORE;
  if (namesNoTopic && sentiment.label === 'negative') return 'complaint';
  return scored;
}

/** Reasons that hand the conversation to a person; `intent:` and plain `sentiment:negative` do not. */
const HANDOFF_REASON_PREFIXES = [
  'safety:', 'threat:', 'request:human', 'repeat:', 'complaint:negative', 'sentiment:very_negative', 'tone:shouting',
  'sentiment:worsening', 'bot:could_not_help',
] as const;

function collectReasons(
  intent: IntentName,
  sentiment: Sentiment,
  safety: readonly string[],
  threats: readonly string[],
  history: TriageHistory,
): string[] {
  const reasons = [`intent:${intent}`];
  if (sentiment.label === 'negative') reasons.push('sentiment:negative');
  for (const category of safety) reasons.push(`safety:${category}`);
  for (const kind of threats) reasons.push(kind === 'repeat' ? 'repeat:contact' : `threat:${kind}`);
  if (intent === 'human') reasons.push('request:human');
  // A mild remark ("minor thing: a button was loose") stays with the bot; clear displeasure does not.
  if (intent === 'complaint' && sentiment.raw <= COMPLAINT_HANDOFF_AT) reasons.push('complaint:negative');
  if (sentiment.raw <= VERY_NEGATIVE_AT) reasons.push('sentiment:very_negative');
  if (sentiment.shouting && sentiment.label === 'negative') reasons.push('tone:shouting');
  reasons.push(...historyReasons(intent, sentiment, history));
  return reasons;
}

function historyReasons(intent: IntentName, sentiment: Sentiment, history: TriageHistory): string[] {
  const reasons: string[] = [];
  if (history.turns.length === 0 && !history.botFailures) return reasons;
  const sameIntentBefore = history.turns.filter((turn) => turn.intent === intent && intent !== 'other').length;
  if (sameIntentBefore >= 2) reasons.push('repeat:same_question');
  const recent = history.turns.slice(-2).map((turn) => turn.sentimentScore);
  const worsening = recent.length === 2 && recent[0]! > recent[1]! && recent[1]! > sentiment.score;
  if (worsening && sentiment.label === 'negative') reasons.push('sentiment:worsening');
  if ((history.botFailures ?? 0) >= BOT_FAILURES_BEFORE_HANDOFF) reasons.push('bot:could_not_help');
  return reasons;
}

const HIGH_URGENCY_PREFIXES = ['threat:', 'repeat:', 'complaint:negative', 'sentiment:very_negative', 'sentiment:worsening', 'tone:shouting'] as const;

function hasPrefix(reasons: readonly string[], prefix: string): boolean {
  for (const reason of reasons) if (reason.startsWith(prefix)) return true;
  return false;
}

function isCriticalThreat(reason: string): boolean {
  return CRITICAL_THREATS.has(reason.slice('threat:'.length)) && reason.startsWith('threat:');
}

function urgencyOf(intent: IntentName, sentiment: Sentiment, reasons: readonly string[]): Urgency {
  if (hasPrefix(reasons, 'safety:') || reasons.some(isCriticalThreat)) return 'critical';
  for (const prefix of HIGH_URGENCY_PREFIXES) if (hasPrefix(reasons, prefix)) return 'high';
  if (hasPrefix(reasons, 'bot:could_not_help') || (intent === 'human' && sentiment.label === 'negative')) return 'high';
  if (intent !== 'other' || sentiment.label === 'negative') return 'normal';
  return 'low';
}

/**
 * Pure: scores a message against every intent of an `IntentSet`. A term counts once; in a
 * `negatable` intent a negated term does not count ("not damaged"); an exclusion term rules the
 * intent out. Ties go to the higher `priority`, then to the order of INTENT_NAMES.
 *
 * @example rankIntents(analyzeMessage('refund pls', set), set)[0] // → { intent: 'refund', score: 3, matched: ['refund'] }
 */
import type { IntentSet } from '../intents/compile-intents.js';
import { INTENT_NAMES, type IntentName } from '../protocol.js';
import type { MessageAnalysis } from './analysis.js';
import { matchTerms, type TermMatch } from './term-index.js';

export interface IntentScore {
  intent: IntentName;
  score: number;
  matched: string[];
  /** Exclusion terms that ruled this intent out, if any. */
  excludedBy?: string[];
}

/** Below this best score the message is `other`: one weak word is not an intent. */
export const MIN_INTENT_SCORE = 1;

export function rankIntents(analysis: MessageAnalysis, set: IntentSet): IntentScore[] {
  const scores = new Map<IntentName, IntentScore>(
    INTENT_NAMES.map((intent) => [intent, { intent, score: 0, matched: [] }]),
  );
  for (const match of matchAll(analysis, set, 'intentTerms')) {
    const entry = scores.get(match.term.owner as IntentName);
    if (!entry) continue;
    if (match.negated && set.intents.get(entry.intent)?.negatable) continue;
    entry.score += match.term.weight;
    entry.matched.push(matchLabel(match, analysis.originals));
  }
  for (const match of matchAll(analysis, set, 'intentExclusions')) {
    const entry = scores.get(match.term.owner as IntentName);
    if (!entry || match.negated) continue;
    entry.excludedBy = [...(entry.excludedBy ?? []), match.term.label];
  }
  for (const entry of scores.values()) {
    if (entry.excludedBy) entry.score = 0;
    entry.score = Math.round(entry.score * 100) / 100;
  }
  return [...scores.values()].sort((a, b) => b.score - a.score || priority(set, b) - priority(set, a) || order(a) - order(b));
}

/** The winning intent: the top score when it reaches MIN_INTENT_SCORE, else `other`. */
export function topIntent(ranked: readonly IntentScore[]): IntentName {
  const best = ranked[0];
  return best && best.score >= MIN_INTENT_SCORE ? best.intent : 'other';
}

function matchAll(analysis: MessageAnalysis, set: IntentSet, which: 'intentTerms' | 'intentExclusions'): TermMatch[] {
  const matches: TermMatch[] = [];
  for (const language of analysis.matchLanguages) {
    const index = set[which].get(language);
    if (index) matches.push(...matchTerms(index, analysis.stems(language), analysis.clauses, analysis.folded, analysis.words));
  }
  return matches;
}

/**
 * The term as ops wrote it, or `refnud→refund` / `tocancel→cancel` when typo tolerance changed a
 * word of the match: ops see why a term fired on a message that does not contain it.
 */
export function matchLabel(match: TermMatch, originals: readonly (string | undefined)[]): string {
  if (match.start < 0 || originals.length === 0) return match.term.label;
  const changed: string[] = [];
  for (let i = match.start; i <= match.end; i++) {
    const original = originals[i];
    if (original !== undefined && !changed.includes(original)) changed.push(original);
  }
  return changed.length > 0 ? `${changed.join(' ')}→${match.term.label}` : match.term.label;
}

function priority(set: IntentSet, entry: IntentScore): number {
  return set.intents.get(entry.intent)?.priority ?? 0;
}

function order(entry: IntentScore): number {
  return INTENT_NAMES.indexOf(entry.intent);
}

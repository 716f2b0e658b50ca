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
import type { TermMatch } from './term-index.js';

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
  const entries = INTENT_NAMES.map((intent): IntentScore => ({ intent, score: 0, matched: [] }));
  for (const match of matchAll(analysis, 'intentTerms')) {
    const entry = entries[INTENT_ORDER.get(match.term.owner) ?? -1];
    if (!entry) continue;
    if (match.negated && set.intents.get(entry.intent)?.negatable) continue;
    entry.score += match.term.weight;
    entry.matched.push(matchLabel(match, analysis.originals));
  }
  for (const match of matchAll(analysis, 'intentExclusions')) {
    const entry = entries[INTENT_ORDER.get(match.term.owner) ?? -1];
    if (!entry || match.negated) continue;
    entry.excludedBy = [...(entry.excludedBy ?? []), match.term.label];
  }
  for (const entry of entries) {
    if (entry.excludedBy) entry.score = 0;
    entry.score = Math.round(entry.score * 100) / 100;
  }
  // Priorities looked up once, not per comparison; the order of INTENT_NAMES breaks the last ties.
  const priorities = entries.map((entry) => set.intents.get(entry.intent)?.priority ?? 0);
  const ranked = entries.map((_, i) => i);
  ranked.sort((a, b) => entries[b]!.score - entries[a]!.score || priorities[b]! - priorities[a]! || a - b);
  return ranked.map((i) => entries[i]!);
}

/** Each intent's place in INTENT_NAMES. */
const INTENT_ORDER: ReadonlyMap<string, number> = new Map(INTENT_NAMES.map((intent, i) => [intent, i]));

/** The winning intent: the top score when it reaches MIN_INTENT_SCORE, else `other`. */
export function topIntent(ranked: readonly IntentScore[]): IntentName {
  const best = ranked[0];
  return best && best.score >= MIN_INTENT_SCORE ? best.intent : 'other';
}

function matchAll(analysis: MessageAnalysis, which: 'intentTerms' | 'intentExclusions'): readonly TermMatch[] {
  const languages = analysis.matchLanguages;
  if (languages.length === 1) return analysis.match(which, languages[0]!);
  const matches: TermMatch[] = [];
  for (const language of languages) matches.push(...analysis.match(which, language));
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

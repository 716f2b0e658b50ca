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

/**
 * The row of an intent nothing in the message matched, one frozen copy per intent: most of a
 * result's six rows are these, and a conversation keeps its last result (the cached record's
 * `lastTriage`), so each shared row is ~60 bytes less to keep, and for V8 to copy when it scavenges.
 */
const UNMATCHED: readonly IntentScore[] = INTENT_NAMES.map((intent) => Object.freeze({ intent, score: 0, matched: Object.freeze([]) as unknown as string[] }));

export function rankIntents(analysis: MessageAnalysis, set: IntentSet): IntentScore[] {
  const entries: IntentScore[] = [];
  for (const intent of INTENT_NAMES) entries.push({ intent, score: 0, matched: [] });
  const matches = matchAll(analysis, 'intentTerms');
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m]!;
    const entry = entries[INTENT_ORDER.get(match.term.owner) ?? -1];
    if (!entry) continue;
    if (match.negated && set.intents.get(entry.intent)?.negatable) continue;
    entry.score += match.term.weight;
    entry.matched.push(matchLabel(match, analysis.originals));
  }
  const exclusions = matchAll(analysis, 'intentExclusions');
  for (let m = 0; m < exclusions.length; m++) {
    const match = exclusions[m]!;
    const entry = entries[INTENT_ORDER.get(match.term.owner) ?? -1];
    if (!entry || match.negated) continue;
    entry.excludedBy = [...(entry.excludedBy ?? []), match.term.label];
  }
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.excludedBy) entry.score = 0;
    entry.score = Math.round(entry.score * 100) / 100;
    if (entry.score === 0 && entry.matched.length === 0 && !entry.excludedBy) entries[i] = UNMATCHED[i]!;
  }
  return sortByRank(entries, set);
}

/**
 * Higher score first, then higher priority, then the order of INTENT_NAMES (`entries` is in that
 * order). An insertion sort: six entries, and Array#sort's scratch space was a tenth of triage's garbage.
 */
function sortByRank(entries: IntentScore[], set: IntentSet): IntentScore[] {
  const priorities = new Array<number>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const priority = (priorities[i] = set.intents.get(entry.intent)?.priority ?? 0);
    let at = i;
    // Equal score and priority: the earlier name stays first, so only strictly better entries move up.
    while (at > 0 && (entries[at - 1]!.score < entry.score || (entries[at - 1]!.score === entry.score && priorities[at - 1]! < priority))) {
      entries[at] = entries[at - 1]!;
      priorities[at] = priorities[at - 1]!;
      at--;
    }
    entries[at] = entry;
    priorities[at] = priority;
  }
  return entries;
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

/**
 * Pure escalation signals of one message: safety incidents (from `safety.yaml` categories,
 * minus look-alikes such as "fire red"), threats (legal, public review, chargeback) and
 * repeated-contact phrases ("third time I ask").
 *
 * @example findSafety(analyzeMessage('the charger caught fire', set), set) // → ['fire']
 */
import type { IndexByLanguage, IntentSet } from '../intents/compile-intents.js';
import type { MessageAnalysis } from './analysis.js';
import { matchTerms, type TermMatch } from './term-index.js';

/** Safety categories found, in file order; a negated term ("no smoke") or a look-alike does not count. */
export function findSafety(analysis: MessageAnalysis, set: IntentSet): string[] {
  const lookalikes = matchWords(analysis, set.safetyExclusions).filter((match) => !match.negated);
  const categories = new Set<string>();
  for (const match of matchWords(analysis, set.safety)) {
    if (match.negated) continue;
    const coveredByLookalike = lookalikes.some(
      (lookalike) => lookalike.start <= match.end && match.start <= lookalike.end && lookalike.start >= 0,
    );
    if (!coveredByLookalike) categories.add(match.term.owner);
  }
  return [...categories];
}

/** Unstemmed matching in English and the message's own language. */
function matchWords(analysis: MessageAnalysis, indexes: IndexByLanguage): TermMatch[] {
  const matches: TermMatch[] = [];
  for (const language of analysis.matchLanguages) {
    const index = indexes.get(language);
    if (index) matches.push(...matchTerms(index, analysis.words, analysis.clauses, analysis.folded));
  }
  return matches;
}

/** Threat kinds found (`legal`, `review`, `chargeback`, `repeat`, ...), each once. */
export function findThreats(analysis: MessageAnalysis, set: IntentSet): string[] {
  const kinds = new Set<string>();
  for (const language of analysis.matchLanguages) {
    const index = set.threats.get(language);
    if (!index) continue;
    for (const match of matchTerms(index, analysis.stems(language), analysis.clauses, analysis.folded, analysis.words)) {
      if (!match.negated) kinds.add(match.term.owner);
    }
  }
  return [...kinds];
}

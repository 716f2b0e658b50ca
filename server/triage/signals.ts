/**
 * Pure escalation signals of one message: safety incidents (from `safety.yaml` categories,
 * minus look-alikes such as "fire red"), threats (legal, public review, chargeback) and
 * repeated-contact phrases ("third time I ask").
 *
 * @example findSafety(analyzeMessage('the charger caught fire', set), set) // → ['fire']
 */
import type { IntentSet } from '../intents/compile-intents.js';
import type { MessageAnalysis } from './analysis.js';
import { matchTerms } from './term-index.js';

/** Safety categories found, in file order; a negated term ("no smoke") or a look-alike does not count. */
export function findSafety(analysis: MessageAnalysis, set: IntentSet): string[] {
  const { words, clauses, folded } = analysis;
  const lookalikes = matchTerms(set.safetyExclusions, words, clauses, folded).filter((match) => !match.negated);
  const categories = new Set<string>();
  for (const match of matchTerms(set.safety, words, clauses, folded)) {
    if (match.negated) continue;
    const coveredByLookalike = lookalikes.some(
      (lookalike) => lookalike.start <= match.end && match.start <= lookalike.end && lookalike.start >= 0,
    );
    if (!coveredByLookalike) categories.add(match.term.owner);
  }
  return [...categories];
}

/** Threat kinds found (`legal`, `review`, `chargeback`, `repeat`, ...), each once. */
export function findThreats(analysis: MessageAnalysis, set: IntentSet): string[] {
  const kinds = new Set<string>();
  for (const language of analysis.matchLanguages) {
    const index = set.threats.get(language);
    if (!index) continue;
    for (const match of matchTerms(index, analysis.stems(language), analysis.clauses, analysis.folded)) {
      if (!match.negated) kinds.add(match.term.owner);
    }
  }
  return [...kinds];
}

/**
 * Pure sentiment of one message: natural's AFINN words plus the shop-support lexicon from
 * `intents/sentiment.yaml` ("still waiting", "scam", "useless"), with negation ("not happy"),
 * shouting (ALL CAPS) and exclamation runs ("!!!", "?!") on top.
 *
 * @example scoreSentiment(analysis, set) // → { score: -0.46, label: 'negative', raw: -2 }
 */
import type { IntentSet } from '../intents/compile-intents.js';
import { NEGATOR } from './normalize.js';
import { matchTerms } from './term-index.js';
import type { MessageAnalysis } from './analysis.js';

export interface Sentiment {
  /** tanh(raw / 4), rounded: -1 (furious) … 1 (delighted). */
  score: number;
  label: 'negative' | 'neutral' | 'positive';
  /** The unbounded sum of word scores; urgency reads it. */
  raw: number;
  shouting: boolean;
}

/** At or below this sum the shopper reads as upset: one clearly negative word is enough. */
export const NEGATIVE_AT = -1;
const POSITIVE_AT = 2;
/** "not happy" is less than "unhappy": a negated word counts -0.75 times (as VADER does). */
const NEGATION_FACTOR = -0.75;
const NEGATION_REACH = 3;

export function scoreSentiment(analysis: MessageAnalysis, set: IntentSet): Sentiment {
  const covered = new Set<number>();
  let raw = 0;
  for (const language of analysis.matchLanguages) {
    const index = set.sentimentTerms.get(language);
    if (!index) continue;
    for (const match of matchTerms(index, analysis.stems(language), analysis.clauses, analysis.folded, analysis.words)) {
      raw += match.negated ? match.term.weight * NEGATION_FACTOR : match.term.weight;
      for (let i = match.start; i <= match.end; i++) covered.add(i);
    }
  }
  const { words, clauses } = analysis;
  for (let i = 0; i < words.length; i++) {
    if (covered.has(i)) continue;
    const value = set.afinn.get(words[i]!);
    if (value === undefined) continue;
    raw += negatedAt(words, clauses, i) ? value * NEGATION_FACTOR : value;
  }
  const shouting = isShouting(analysis.text);
  if (shouting) raw -= 1;
  // "where is it???" and "!!!" read as exasperation unless the words are glad ("arrived already!!").
  if (raw <= 0 && /[!?]{2,}/.test(analysis.text)) raw -= 1;
  const score = Math.round(Math.tanh(raw / 4) * 100) / 100;
  const label = raw <= NEGATIVE_AT ? 'negative' : raw >= POSITIVE_AT ? 'positive' : 'neutral';
  return { score, label, raw, shouting };
}

function negatedAt(words: readonly string[], clauses: readonly number[], at: number): boolean {
  for (let j = at - 1; j >= 0 && j >= at - NEGATION_REACH && clauses[j] === clauses[at]; j--) {
    if (words[j] === NEGATOR) return true;
  }
  return false;
}

/**
 * Two or more all-caps words of 4+ letters ("HUMAN. PLEASE."), or mostly caps overall.
 * Three-letter words are left out: they are usually acronyms (DHL, UPS, EUR, LED).
 */
export function isShouting(text: string): boolean {
  if (text === text.toLowerCase()) return false;
  const words = text.match(/\p{L}{3,}/gu);
  if (!words || words.length < 2) return false;
  let caps = 0;
  let longCaps = 0;
  for (const word of words) {
    if (word !== word.toUpperCase() || word === word.toLowerCase()) continue;
    caps++;
    if (word.length >= 4) longCaps++;
  }
  return longCaps >= 2 || caps / words.length >= 0.6;
}

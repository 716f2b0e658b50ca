/**
 * Pure: one message's normalized view, built once and shared by every triage step — words,
 * clauses, the language, and stems per language computed on first use.
 *
 * @example const analysis = analyzeMessage('Wo ist meine Bestellung?', set); analysis.language // 'de'
 */
import type { IntentSet } from '../intents/compile-intents.js';
import { detectLanguage } from './language.js';
import { foldText, tokenize } from './normalize.js';
import { stem } from './stem.js';

export interface MessageAnalysis {
  text: string;
  /** NFKC, lowercase, accent-free: what substring terms (Japanese, Chinese) match against. */
  folded: string;
  words: readonly string[];
  clauses: readonly number[];
  language: string;
  /** English always, plus the message's own language: shoppers mix the two. */
  matchLanguages: readonly string[];
  stems(language: string): readonly string[];
}

export function analyzeMessage(text: string, set: IntentSet): MessageAnalysis {
  const tokens = tokenize(text, (word) => set.knownWords.has(word));
  const words = tokens.map((token) => token.word);
  const clauses = tokens.map((token) => token.clause);
  const language = detectLanguage(text, words);
  const matchLanguages = language === "en" ? ["en"] : ["en", language];
  const stemCache = new Map<string, readonly string[]>();
  return {
    text,
    folded: foldText(text),
    words,
    clauses,
    language,
    matchLanguages,
    stems(stemLanguage) {
      let stems = stemCache.get(stemLanguage);
      if (!stems) {
        stems = words.map((word) => stem(word, stemLanguage));
        stemCache.set(stemLanguage, stems);
      }
      return stems;
    },
  };
}

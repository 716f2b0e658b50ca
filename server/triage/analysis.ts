/**
 * Pure: one message's normalized view, built once and shared by every triage step — words,
 * clauses, the language, and stems per language computed on first use.
 *
 * @example const analysis = analyzeMessage('Wo ist meine Bestellung?', set); analysis.language // 'de'
 */
import type { IntentSet } from '../intents/compile-intents.js';
import { guessLanguage } from './language.js';
import { foldText, tokenizeFolded } from './normalize.js';
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

// Links and @handles carry no intent or mood, and handles in capitals read as shouting.
const NOISE_RE = /https?:\/\/\S+|www\.\S+|\bpic\.twitter\.com\/\S+|(^|\s)@[\w.]+/giu;

export function analyzeMessage(rawText: string, set: IntentSet): MessageAnalysis {
  const text = rawText.includes('http') || rawText.includes('@') || rawText.includes('www.') ? rawText.replace(NOISE_RE, '$1') : rawText;
  const folded = foldText(text);
  const tokens = tokenizeFolded(folded, (word) => set.knownWords.has(word));
  const words = tokens.map((token) => token.word);
  const clauses = tokens.map((token) => token.clause);
  const { language, evidence } = guessLanguage(text, words);
  const matchLanguages = !evidence ? set.languages : language === 'en' ? ['en'] : ['en', language];
  const stemCache = new Map<string, readonly string[]>();
  return {
    text,
    folded,
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

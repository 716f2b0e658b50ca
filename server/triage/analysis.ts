/**
 * Pure: one message's normalized view, built once and shared by every triage step — words,
 * clauses, the language, and stems per language computed on first use.
 *
 * @example const analysis = analyzeMessage('Wo ist meine Bestellung?', set); analysis.language // 'de'
 */
import type { IntentSet } from '../intents/compile-intents.js';
import { guessLanguage } from './language.js';
import { foldText, splitFolded } from './normalize.js';
import type { TermMatch } from './term-index.js';
import { matchTermsInViews } from './term-index.js';
import { fixTypos } from './typo-fix.js';
import { isStemmedKind, SLOT, wordViews, type IndexKind, type MessageViews } from './word-views.js';

export interface MessageAnalysis {
  text: string;
  /** NFKC, lowercase, accent-free: what substring terms (Japanese, Chinese) match against. */
  folded: string;
  words: readonly string[];
  clauses: readonly number[];
  /** Per word, the shopper's spelling when typo tolerance changed it ("refnud" for "refund"). */
  originals: readonly (string | undefined)[];
  language: string;
  /** English always, plus the message's own language: shoppers mix the two. */
  matchLanguages: readonly string[];
  stems(language: string): readonly string[];
  /** Each word seen in `language`: stem, AFINN score, where terms start (word-views.ts). */
  views(language: string): MessageViews;
  /** Every term of the set's `kind` index for `language` found in the message (`matchTerms`). */
  match(kind: IndexKind, language: string): readonly TermMatch[];
}

// Links and @handles carry no intent or mood, and handles in capitals read as shouting.
const NOISE_RE = /https?:\/\/\S+|www\.\S+|\bpic\.twitter\.com\/\S+|(^|\s)@[\w.]+/giu;

function unique(languages: readonly string[]): readonly string[] {
  return languages.length === 1 || (languages.length === 2 && languages[0] !== languages[1]) ? languages : [...new Set(languages)];
}

/** Function-word score from which the guessed language alone is trusted. */
const STRONG_EVIDENCE = 1.5;

const NO_ORIGINALS: readonly (string | undefined)[] = [];

/**
 * @param locale the widget's language (SPEC §9): used only when the text itself shows none.
 */
export function analyzeMessage(rawText: string, set: IntentSet, locale?: string): MessageAnalysis {
  const text = rawText.includes('http') || rawText.includes('@') || rawText.includes('www.') ? rawText.replace(NOISE_RE, '$1') : rawText;
  const folded = foldText(text);
  const split = splitFolded(folded, (word) => set.knownWords.has(word));
  let words: readonly string[] = split.words;
  let clauses: readonly number[] = split.clauses;
  const guess = guessLanguage(text, words);
  // Text first (a script, two function words), then the widget locale, then English (SPEC §9).
  // One function word that no other language shares ("the charger caught fire") is enough too.
  const strong = guess.confidence >= STRONG_EVIDENCE || (guess.confidence >= 1 && guess.runnerUp === 0);
  const useLocale = guess.confidence < 1 && !!locale && set.languages.includes(locale);
  const language = useLocale ? locale : guess.language;
  // Short or unclear text ("A bateria explodiu.") is matched against every language's terms.
  const matchLanguages = strong ? unique(['en', guess.language, ...guess.also]) : set.languages;
  const fixed = fixTypos(words, clauses, strong ? matchLanguages : unique(['en', language]), set);
  let originals: readonly (string | undefined)[] = NO_ORIGINALS;
  if (fixed) ({ words, clauses, originals } = fixed);
  const byLanguage = new Map<string, MessageViews>();
  const viewsIn = (viewLanguage: string) => {
    let views = byLanguage.get(viewLanguage);
    if (!views) byLanguage.set(viewLanguage, (views = wordViews(set, words, viewLanguage)));
    return views;
  };
  return {
    text,
    folded,
    words,
    clauses,
    originals,
    language,
    matchLanguages,
    views: viewsIn,
    stems: (stemLanguage) => viewsIn(stemLanguage).stems,
    match(kind, matchLanguage) {
      const index = set[kind].get(matchLanguage);
      if (!index) return NO_MATCHES;
      const views = viewsIn(matchLanguage);
      return matchTermsInViews(index, SLOT[kind], views, isStemmedKind(kind) ? views.stems : words, clauses, folded, words);
    },
  };
}

const NO_MATCHES: readonly TermMatch[] = Object.freeze([]);

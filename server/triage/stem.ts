/**
 * Per-language Porter stemming from natural, behind a bounded cache.
 *
 * Only natural's stemmer files are loaded, never `natural` itself: its index pulls in storage
 * back-ends and dotenv (1-2 s, and banners on stdout). Stemming dominates triage cost, and shop
 * chat reuses a small vocabulary, so a token → stem cache makes triage ~20x faster.
 *
 * @example stem('refunded', 'en') // → 'refund'
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Stemmer {
  stem(word: string): string;
}

const STEMMER_FILES: Readonly<Record<string, string>> = {
  en: 'porter_stemmer',
  es: 'porter_stemmer_es',
  de: 'porter_stemmer_de',
  fr: 'porter_stemmer_fr',
  pt: 'porter_stemmer_pt',
  it: 'porter_stemmer_it',
  nl: 'porter_stemmer_nl',
};

/** Languages with a stemmer; others (ja, zh) match by substring. */
export const STEMMED_LANGUAGES: readonly string[] = Object.keys(STEMMER_FILES);

/** Entries kept per language before the cache starts over; ~50 bytes each. */
const CACHE_LIMIT = 50_000;

interface LoadedStemmer {
  stemmer: Stemmer;
  cache: Map<string, string>;
}

// One lookup per word and language (this runs for every word of every message): stemmer and cache together.
const loaded = new Map<string, LoadedStemmer | null>();

function loadStemmer(language: string): LoadedStemmer | null {
  let entry = loaded.get(language);
  if (entry === undefined) {
    const file = Object.hasOwn(STEMMER_FILES, language) ? STEMMER_FILES[language] : undefined;
    if (file) {
      const module = require(`natural/lib/natural/stemmers/${file}.js`) as Stemmer & { default?: Stemmer };
      entry = { stemmer: typeof module.stem === 'function' ? module : (module.default as Stemmer), cache: new Map() };
    } else entry = null;
    // Languages are a closed list (a widget locale is checked against the intent set's first).
    if (entry || loaded.size < 64) loaded.set(language, entry);
  }
  return entry;
}

/** The stem of one normalized word in a language; the word itself when there is no stemmer. */
export function stem(word: string, language: string): string {
  const entry = loadStemmer(language);
  return entry ? cachedStem(entry, word) : word;
}

function cachedStem({ cache, stemmer }: LoadedStemmer, word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    // Digits and one-letter words have no morphology worth the call.
    stemmed = word.length < 3 ? word : stemmer.stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** `stem` of every word: one stemmer lookup per message rather than per word (triage's hot loop). */
export function stemAll(words: readonly string[], language: string): readonly string[] {
  const entry = loadStemmer(language);
  if (!entry) return words;
  const stems = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) stems[i] = cachedStem(entry, words[i]!);
  return stems;
}

/** True when `language` has a stemmer here. */
export function hasStemmer(language: string): boolean {
  return language in STEMMER_FILES;
}

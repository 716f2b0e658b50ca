/**
 * What each word of a message means to an intent set, per language, worked out once per word and
 * kept: its stem, and for every term index the terms that can start at it. A message then costs
 * one cache lookup per word and language instead of a stemmer lookup plus one per index (twelve
 * or so Map lookups per word were a third of triage).
 *
 * @example wordViews(set, ['my', 'refund'], 'en').stems // → ['my', 'refund']
 */
import type { IntentSet } from '../intents/compile-intents.js';
import type { Term } from './term-index.js';
import { stem } from './stem.js';

/** The term indexes of an IntentSet that triage scans, and whether each matches stems or words. */
export const INDEX_KINDS = [
  'intentTerms', 'intentExclusions', 'sentimentTerms', 'threats',
  'safety', 'safetyExclusions', 'safetyIncident', 'safetyHarm', 'safetyPersons',
] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];
const STEMMED_KINDS = 4;

/** A kind's position in `WordView.starts`: `slot` for its stem-keyed terms, `slot + 1` for `=exact` ones. */
export const SLOT: Readonly<Record<IndexKind, number>> = Object.fromEntries(INDEX_KINDS.map((kind, i) => [kind, 2 * i])) as Record<IndexKind, number>;

export function isStemmedKind(kind: IndexKind): boolean {
  return SLOT[kind] < 2 * STEMMED_KINDS;
}

/** One word in one language. */
export interface WordView {
  readonly language: string;
  readonly stem: string;
  /** Terms starting at this word, by SLOT; undefined when none of any index does (most words). */
  readonly starts: readonly (readonly Term[] | undefined)[] | undefined;
  /** The word's AFINN score in the set's lexicon (the same in every language's view). */
  readonly afinn: number | undefined;
}

/** A message's words seen in one language, and where any term starts (usually a few words). */
export interface MessageViews {
  readonly views: readonly WordView[];
  readonly stems: readonly string[];
  readonly starts: readonly number[];
}

/** Words kept per intent set before the cache starts over (a few hundred bytes each). */
const CACHE_LIMIT = 50_000;

/** Each word's view in `language`, from the set's cache (filled on first sight). */
export function wordViews(set: IntentSet, words: readonly string[], language: string): MessageViews {
  const cache = set.wordViews;
  const views = new Array<WordView>(words.length);
  const stems = new Array<string>(words.length);
  const starts: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let known = cache.get(word);
    let view = known?.[0]?.language === language ? known[0] : known?.find((candidate) => candidate.language === language);
    if (!view) {
      view = buildView(set, word, language);
      if (!known) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(word, (known = []));
      }
      known.push(view);
    }
    views[i] = view;
    stems[i] = view.stem;
    if (view.starts) starts.push(i);
  }
  return { views, stems, starts };
}

function buildView(set: IntentSet, word: string, language: string): WordView {
  const stemmed = stem(word, language);
  let starts: (readonly Term[] | undefined)[] | undefined;
  for (let k = 0; k < INDEX_KINDS.length; k++) {
    const index = set[INDEX_KINDS[k]!].get(language);
    if (!index) continue;
    const byUnit = index.byFirstUnit.get(k < STEMMED_KINDS ? stemmed : word);
    const byWord = index.byFirstWord.get(word);
    if (!byUnit && !byWord) continue;
    starts ??= new Array<readonly Term[] | undefined>(2 * INDEX_KINDS.length).fill(undefined);
    starts[2 * k] = byUnit;
    starts[2 * k + 1] = byWord;
  }
  return { language, stem: stemmed, starts, afinn: set.afinn.get(word) };
}

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

/** A kind's position in `WordView.starts` (`slot` for its stem-keyed terms, `slot + 1` for `=exact` ones), and what it matches. */
export interface KindPlace {
  readonly slot: number;
  readonly stemmed: boolean;
}

/** Each kind's place: one Map lookup on a constant key, where a keyed object read was megamorphic. */
export const KIND_PLACES: ReadonlyMap<IndexKind, KindPlace> = new Map(INDEX_KINDS.map((kind, i) => [kind, { slot: 2 * i, stemmed: i < STEMMED_KINDS }]));

/** One word in one language. */
export interface WordView {
  readonly language: string;
  readonly stem: string;
  /** Terms starting at this word, by SLOT; undefined when none of any index does (most words). */
  readonly starts: readonly (readonly Term[] | undefined)[] | undefined;
  /** Bit `slot` is set when `starts[slot]` holds terms. */
  readonly slots: number;
  /** The word's AFINN score in the set's lexicon (the same in every language's view). */
  readonly afinn: number | undefined;
  /** The same word's view in another language: the cache keeps a short chain, first seen first. */
  next: WordView | undefined;
}

/** A message's words seen in one language, and where any term starts (usually a few words). */
export interface MessageViews {
  readonly views: readonly WordView[];
  readonly stems: readonly string[];
  readonly starts: readonly number[];
  /** The union of the words' `slots`: an index whose bit is clear has nothing to scan. */
  readonly slots: number;
}

/** Words kept per intent set before the cache starts over (a few hundred bytes each). */
const CACHE_LIMIT = 50_000;

/** Each word's view in `language`, from the set's cache (filled on first sight). */
export function wordViews(set: IntentSet, words: readonly string[], language: string): MessageViews {
  const cache = set.wordViews;
  const views = new Array<WordView>(words.length);
  const stems = new Array<string>(words.length);
  const starts: number[] = [];
  let slots = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // The cache holds the first view itself (no array to step through): usually it is the one asked for.
    const first = cache.get(word);
    let view = first;
    while (view !== undefined && view.language !== language) view = view.next;
    if (view === undefined) {
      view = buildView(set, word, language);
      if (first === undefined) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(word, view);
      } else {
        let last = first;
        while (last.next !== undefined) last = last.next;
        last.next = view;
      }
    }
    views[i] = view;
    stems[i] = view.stem;
    if (view.starts) {
      starts.push(i);
      slots |= view.slots;
    }
  }
  return { views, stems, starts, slots };
}

function buildView(set: IntentSet, word: string, language: string): WordView {
  const stemmed = stem(word, language);
  let starts: (readonly Term[] | undefined)[] | undefined;
  let slots = 0;
  for (let k = 0; k < INDEX_KINDS.length; k++) {
    const index = set[INDEX_KINDS[k]!].get(language);
    if (!index) continue;
    const byUnit = index.byFirstUnit.get(k < STEMMED_KINDS ? stemmed : word);
    const byWord = index.byFirstWord.get(word);
    if (!byUnit && !byWord) continue;
    starts ??= new Array<readonly Term[] | undefined>(2 * INDEX_KINDS.length).fill(undefined);
    starts[2 * k] = byUnit;
    starts[2 * k + 1] = byWord;
    if (byUnit) slots |= 1 << (2 * k);
    if (byWord) slots |= 1 << (2 * k + 1);
  }
  return { language, stem: stemmed, starts, slots, afinn: set.afinn.get(word), next: undefined };
}

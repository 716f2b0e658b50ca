/**
 * The one matcher every ops term goes through (intents, exclusions, safety, threats, sentiment):
 * terms compile into an index keyed by their first unit (a stem or a word), then a message's
 * units are scanned once. Phrases match in order with small gaps inside one clause; a match
 * knows whether a negator stood just before it, and the caller decides what negation means.
 *
 * @example
 *   const index = buildTermIndex([{ label: 'money back', units: ['money', 'back'], weight: 2, owner: 'refund' }]);
 *   matchTerms(index, ['i', 'want', 'my', 'money', 'back'], [0, 0, 0, 0, 0]);
 */
import { NEGATOR } from './normalize.js';
import { isPlace, PLACE_UNIT } from './places.js';
import type { MessageViews } from './word-views.js';

export interface Term {
  /** As ops wrote it; shown in `matched` and in the console. */
  label: string;
  /** Normalized units to match: stems, or words for unstemmed indexes and `=exact` terms. */
  units: readonly string[];
  /** Written with a leading `=`: matched on whole words, never stems ("=ups" is not "swelled up"). */
  exact?: boolean;
  weight: number;
  /** The intent, safety category, threat kind or sentiment lexicon the term belongs to. */
  owner: string;
}

export interface TermIndex {
  readonly byFirstUnit: ReadonlyMap<string, readonly Term[]>;
  /** `=exact` terms, keyed by their first word. */
  readonly byFirstWord: ReadonlyMap<string, readonly Term[]>;
  /** Chinese/Japanese terms and emoji, matched as substrings of the folded text, longest first. */
  readonly substrings: readonly Term[];
  /** Where a negator stands for substring terms: after (Japanese), before (Chinese), or nowhere. */
  readonly negation?: 'suffix' | 'prefix';
  readonly size: number;
}

export interface TermMatch {
  term: Term;
  start: number;
  end: number;
  /** A negator stood up to NEGATION_REACH units before the match, in the same clause. */
  negated: boolean;
  /** For substring terms: the character offset in the folded text (start and end are -1). */
  offset?: number;
}

// Local copies: under tsx's CommonJS output every read of an imported binding is a getter call,
// and these two are read in the innermost loops.
const PLACE = PLACE_UNIT;
const NOT = NEGATOR;

/** Words that may stand between two words of a phrase ("track my order" matches "track order"). */
const MAX_GAP = 2;
/** How far back a negator reaches: "not really that damaged" is still negated. */
const NEGATION_REACH = 3;

export function buildTermIndex(terms: readonly Term[], substrings: readonly Term[] = [], negation?: 'suffix' | 'prefix'): TermIndex {
  const byFirstUnit = new Map<string, Term[]>();
  const byFirstWord = new Map<string, Term[]>();
  for (const term of terms) {
    const first = term.units[0];
    if (first === undefined) continue;
    const map = term.exact ? byFirstWord : byFirstUnit;
    const bucket = map.get(first);
    if (bucket) bucket.push(term);
    else map.set(first, [term]);
  }
  // Longest first, so "不满意" claims its characters before "满意" can.
  const longestFirst = [...substrings].sort((a, b) => b.units[0]!.length - a.units[0]!.length);
  return { byFirstUnit, byFirstWord, substrings: longestFirst, negation, size: terms.length + substrings.length };
}

/**
 * Every term of `index` found in the message, once per term (its first occurrence).
 * `units` are the message's stems (or words for unstemmed indexes); `words` serve `=exact` terms.
 */
export function matchTerms(
  index: TermIndex,
  units: readonly string[],
  clauses: readonly number[],
  foldedText = '',
  words: readonly string[] = units,
): TermMatch[] {
  const matches: TermMatch[] = [];
  const seen: Term[] = [];
  scan(index.byFirstUnit, units, clauses, seen, matches, words);
  if (index.byFirstWord.size > 0) scan(index.byFirstWord, words, clauses, seen, matches, words);
  if (index.substrings.length > 0) scanSubstrings(index, foldedText, matches);
  return matches;
}

/**
 * `matchTerms` with each word's candidates read from its view (word-views.ts) rather than from the
 * index's maps: the same matches in the same order. `slot` is the index's place in the views (KIND_PLACES).
 */
export function matchTermsInViews(
  index: TermIndex,
  slot: number,
  views: MessageViews,
  units: readonly string[],
  clauses: readonly number[],
  foldedText: string,
  words: readonly string[],
): readonly TermMatch[] {
  // Most indexes find nothing in a message: no array is made until something matches.
  let matches = scanViews(views, slot, units, clauses, undefined, words);
  if (index.byFirstWord.size > 0) matches = scanViews(views, slot + 1, words, clauses, matches, words);
  if (index.substrings.length > 0 && !isAscii(foldedText)) scanSubstrings(index, foldedText, (matches ??= []));
  return matches ?? NO_MATCHES;
}

// A plain array, like every other result: a frozen one makes callers' loops polymorphic.
const NO_MATCHES: readonly TermMatch[] = [];

function scanViews(
  { views, starts, slots }: MessageViews,
  slot: number,
  units: readonly string[],
  clauses: readonly number[],
  matches: TermMatch[] | undefined,
  words: readonly string[],
): TermMatch[] | undefined {
  if ((slots & (1 << slot)) === 0) return matches;
  for (const start of starts) {
    const candidates = views[start]!.starts![slot];
    if (!candidates) continue;
    for (const term of candidates) {
      if (matches && hasTerm(matches, term)) continue;
      const end = matchRest(term.units, units, clauses, start, words);
      if (end < 0) continue;
      (matches ??= []).push({ term, start, end, negated: isNegated(term, units, clauses, start) });
    }
  }
  return matches;
}

/** A term counts once: its first occurrence (a message matches a handful, so a scan beats a Set). */
function hasTerm(matches: readonly TermMatch[], term: Term): boolean {
  for (const match of matches) if (match.term === term) return true;
  return false;
}

/** Substring terms: each once, at its first place not inside a longer term's match. */
function scanSubstrings(index: TermIndex, text: string, matches: TermMatch[]): void {
  // Every substring term is CJK or emoji, never ASCII: an ASCII message cannot hold one.
  if (isAscii(text)) return;
  let taken: Array<[number, number]> | undefined;
  for (const term of index.substrings) {
    const needle = term.units[0]!;
    let at = text.indexOf(needle);
    while (at >= 0 && taken?.some(([from, to]) => at >= from && at + needle.length <= to)) at = text.indexOf(needle, at + 1);
    if (at < 0) continue;
    (taken ??= []).push([at, at + needle.length]);
    matches.push({ term, start: -1, end: -1, negated: cjkNegated(text, at, needle.length, index.negation), offset: at });
  }
}

const NON_ASCII_RE = /[^\x00-\x7f]/;
// One message is scanned by a dozen indexes in a row: remember the last answer.
let lastText: string | undefined;
let lastAscii = false;

function isAscii(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastAscii = !NON_ASCII_RE.test(text);
  }
  return lastAscii;
}

// 不/没/未/别/无 before a Chinese word; ない/ません/なかった/ず after a Japanese one (within a few characters of okurigana).
const ZH_NEGATOR_RE = /[不没沒未别別无無][\p{Script=Han}]?$/u;
const JA_NEGATOR_RE = /^[\p{Script=Hiragana}]{0,4}?(?:ない|なかった|ません|ず|ぬ)/u;
const CJK_WINDOW = 6;

function cjkNegated(text: string, at: number, length: number, negation: 'suffix' | 'prefix' | undefined): boolean {
  if (negation === 'prefix') return ZH_NEGATOR_RE.test(text.slice(Math.max(0, at - 2), at));
  if (negation === 'suffix') return JA_NEGATOR_RE.test(text.slice(at + length, at + length + CJK_WINDOW));
  return false;
}

// `seen` is an array: a message matches a handful of terms, so a Set costs more than it saves.
function scan(byFirst: ReadonlyMap<string, readonly Term[]>, units: readonly string[], clauses: readonly number[], seen: Term[], matches: TermMatch[], words: readonly string[]): void {
  for (let i = 0; i < units.length; i++) {
    const candidates = byFirst.get(units[i]!);
    if (!candidates) continue;
    for (const term of candidates) {
      if (seen.includes(term)) continue;
      const end = matchRest(term.units, units, clauses, i, words);
      if (end < 0) continue;
      seen.push(term);
      matches.push({ term, start: i, end, negated: isNegated(term, units, clauses, i) });
    }
  }
}

/** Index of the last unit of the phrase starting at `start`, or -1. */
function matchRest(phrase: readonly string[], units: readonly string[], clauses: readonly number[], start: number, words: readonly string[]): number {
  let position = start;
  for (let p = 1; p < phrase.length; p++) {
    let found = -1;
    const limit = Math.min(units.length - 1, position + 1 + MAX_GAP);
    for (let j = position + 1; j <= limit && clauses[j] === clauses[start]; j++) {
      if (units[j] === phrase[p] || (phrase[p] === PLACE && isPlace(words[j]!))) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    position = found;
  }
  return position;
}

function isNegated(term: Term, units: readonly string[], clauses: readonly number[], start: number): boolean {
  if (term.units[0] === NOT) return false;
  for (let j = start - 1; j >= 0 && j >= start - NEGATION_REACH && clauses[j] === clauses[start]; j--) {
    if (units[j] === NOT) return true;
  }
  return false;
}

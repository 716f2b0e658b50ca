/**
 * Pure text normalization and tokenization for triage: Unicode NFKC, case, accents, contractions,
 * elongations ("sooo"), common misspellings, negators, and clause boundaries.
 *
 * natural's word tokenizer splits "verspätet" into "versp" + "tet" and drops Japanese and Chinese,
 * so tokens here are Unicode letter/digit runs, and a run of CJK characters is one token.
 *
 * @example
 *   tokenize("I didn't recieve it!!! sooo late").map(t => t.word)
 *   // → ["i", "did", "not", "receive", "it", "so", "late"]
 */
import { SPELLING_FIXES } from './spelling.js';

export interface Token {
  /** Lowercase, accent-free, spelling-fixed word; every negator becomes "not". */
  word: string;
  /** Index of the clause (split at . ! ? ; , and "but"): negation never crosses a clause. */
  clause: number;
}

/** The canonical negator: "no", "never", "n't", "without", ... all become this token. */
export const NEGATOR = 'not';
// Per language: en, de, fr, es, pt. Words for "nobody" stay words: they carry their own meaning.
const NEGATORS = new Set([
  'not', 'no', 'never', 'without', 'neither', 'nor', 'cannot',
  'nicht', 'kein', 'keine', 'keinen', 'keiner', 'nie', 'niemals', 'nichts', 'ohne',
  'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'non',
  'nunca', 'nada', 'ningun', 'ninguna', 'ninguno', 'tampoco', 'sin',
  'nao', 'nem', 'nenhum', 'nenhuma', 'sem',
]);
/** Words that end a negation's reach ("not damaged but missing"). */
const CLAUSE_BREAKERS = new Set(['but', 'however', 'although', 'though', 'aber', 'pero', 'mais', 'mas']);

// Contractions written without the apostrophe, as shoppers type on phones.
// A Map, never a plain object: a shopper's "constructor" must not find Object.prototype's.
const BARE_CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  dont: ['do', 'not'], doesnt: ['does', 'not'], didnt: ['did', 'not'], isnt: ['is', 'not'],
  wasnt: ['was', 'not'], werent: ['were', 'not'], arent: ['are', 'not'], havent: ['have', 'not'],
  hasnt: ['has', 'not'], hadnt: ['had', 'not'], cant: ['can', 'not'], couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'], shouldnt: ['should', 'not'], wont: ['will', 'not'], aint: ['is', 'not'],
  im: ['i', 'am'], ive: ['i', 'have'], youre: ['you', 'are'], whats: ['what', 'is'], wheres: ['where', 'is'],
  cannot: ['can', 'not'],
}));
const APOSTROPHE_SUFFIXES: ReadonlyArray<[string, string]> = [
  ["'re", 'are'], ["'ve", 'have'], ["'ll", 'will'], ["'d", 'would'], ["'m", 'am'], ["'s", 'is'],
];

// Letters/digits with inner apostrophes, or a run of punctuation that ends a clause.
const TOKEN_RE = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|[.!?;,:()\n\u3001\u3002]+/gu;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ELONGATION_RE = /(\p{L})\1{2,}/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;
const KANA_OR_HAN_RE = /[\u3040-\u30ff\u4e00-\u9fff]/;

// Zero-width characters, soft hyphens, word joiners, BOM and bidi controls: invisible, and a way
// to slip past terms ("caught fi\u200bre"). Removed before anything else looks at the text.
const INVISIBLE_RE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
// Katakana ァ..ヶ → hiragana ぁ..ゖ: shoppers write "きゃんせる" or "キャンセル" for the same word.
const KATAKANA_RE = /[\u30a1-\u30f6]/g;

/** Removes invisible characters (zero-width, soft hyphen, bidi marks, variation selectors). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '');
}

/**
 * NFKC (full/half width), lowercase, invisible characters out, curly quotes to straight, accents off
 * Latin letters ("verspätet" → "verspatet"), katakana to hiragana (matching only; labels keep theirs).
 */
export function foldText(text: string): string {
  // NFKC leaves ASCII as it is.
  if (!NON_ASCII_RE.test(text)) return text.toLowerCase();
  let folded = text.normalize('NFKC').toLowerCase();
  if (!NON_ASCII_RE.test(folded)) return folded;
  folded = stripInvisible(folded).replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/ß/g, 'ss');
  if (KANA_OR_HAN_RE.test(folded)) folded = folded.replace(KATAKANA_RE, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60));
  // Strip marks only after Latin letters: Japanese kana keep their voicing marks.
  return folded.normalize('NFD').replace(/(\p{Script=Latin})\p{Mn}+/gu, '$1').normalize('NFC');
}

/**
 * Splits text into normalized word tokens with clause numbers.
 * `isKnown` decides between "good" and "god" for "goood": the doubled form wins when known.
 */
export function tokenize(text: string, isKnown: (word: string) => boolean = () => false): Token[] {
  return tokenizeFolded(foldText(text), isKnown);
}

/** `tokenize` for text already passed through `foldText` (triage folds once and reuses it). */
export function tokenizeFolded(folded: string, isKnown: (word: string) => boolean = () => false): Token[] {
  const { words, clauses } = splitFolded(folded, isKnown);
  return words.map((word, i) => ({ word, clause: clauses[i]! }));
}

/** Words and their clause numbers as two parallel arrays: `tokenizeFolded` without a Token per word. */
export interface SplitWords {
  words: string[];
  clauses: number[];
}

/** `tokenizeFolded` as parallel arrays, the form triage uses; ASCII text takes a hand-written scan. */
export function splitFolded(folded: string, isKnown: (word: string) => boolean = () => false): SplitWords {
  const out: SplitWords = { words: [], clauses: [] };
  if (NON_ASCII_RE.test(folded)) splitWithRegex(folded, isKnown, out);
  else splitAscii(folded, isKnown, out);
  return out;
}

/** The general path (any script); exported so a test holds the ASCII scan to the same tokens. */
export function splitFoldedWithRegex(folded: string, isKnown: (word: string) => boolean = () => false): SplitWords {
  const out: SplitWords = { words: [], clauses: [] };
  splitWithRegex(folded, isKnown, out);
  return out;
}

function splitWithRegex(folded: string, isKnown: (word: string) => boolean, out: SplitWords): void {
  let clause = 0;
  for (const match of folded.matchAll(TOKEN_RE)) {
    const raw = match[0];
    const first = raw.charCodeAt(0);
    if (raw.length > 0 && isPunctuation(first)) {
      clause++;
      continue;
    }
    if (first >= 0x3040 && CJK_RE.test(raw)) {
      for (const word of segmentCjk(raw)) {
        out.words.push(word);
        out.clauses.push(clause);
      }
      continue;
    }
    clause = pushWords(raw, clause, isKnown, out);
  }
}

/**
 * TOKEN_RE by hand for ASCII text (most messages; the regex with its match objects was a fifth of
 * triage): a run of letters and digits with inner apostrophe-letter runs ("didn't"), or a run of
 * clause punctuation. Same tokens, same clauses as the regex.
 */
function splitAscii(folded: string, isKnown: (word: string) => boolean, out: SplitWords): void {
  let clause = 0;
  const length = folded.length;
  let i = 0;
  while (i < length) {
    const code = folded.charCodeAt(i);
    if (isAsciiLetter(code) || isAsciiDigit(code)) {
      const start = i;
      // Three equal letters in a row ("sooo") noted while scanning, so pushWords need not look again.
      let tripled = false;
      let previous = code;
      let run = 1;
      i++;
      for (let next = folded.charCodeAt(i); i < length && (isAsciiLetter(next) || isAsciiDigit(next)); next = folded.charCodeAt(++i)) {
        run = next === previous ? run + 1 : 1;
        if (run >= 3 && !isAsciiDigit(next)) tripled = true;
        previous = next;
      }
      // (?:'[\p{L}]+)* — an apostrophe counts only when a letter follows it.
      while (i + 1 < length && folded.charCodeAt(i) === 39 && isAsciiLetter(folded.charCodeAt(i + 1))) {
        i += 2;
        while (i < length && isAsciiLetter(folded.charCodeAt(i))) i++;
      }
      clause = pushWords(folded.slice(start, i), clause, isKnown, out, tripled);
    } else if (isPunctuation(code)) {
      i++;
      while (i < length && isPunctuation(folded.charCodeAt(i))) i++;
      clause++;
    } else i++;
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Appends one raw token's normalized words; returns the clause number after it ("but" starts a new one). */
function pushWords(raw: string, clause: number, isKnown: (word: string) => boolean, out: SplitWords, tripled = raw.length > 2 && hasTripleLetter(raw)): number {
  if (raw.includes("'")) return pushParts(expandApostrophe(raw), clause, out);
  const word = tripled ? collapseElongation(raw, isKnown) : raw;
  const parts = NORMALIZED.get(word);
  if (parts === undefined) {
    out.words.push(word);
    out.clauses.push(clause);
    return clause;
  }
  for (const part of parts) {
    if (part === CLAUSE_BREAK) {
      clause++;
      continue;
    }
    out.words.push(part);
    out.clauses.push(clause);
  }
  return clause;
}

function pushParts(parts: readonly string[], clause: number, out: SplitWords): number {
  for (const word of parts) {
    if (CLAUSE_BREAKERS.has(word)) {
      clause++;
      continue;
    }
    out.words.push(NEGATORS.has(word) ? NEGATOR : word);
    out.clauses.push(clause);
  }
  return clause;
}

function isPunctuation(code: number): boolean {
  // . ! ? ; , : ( ) and newline — the only non-letter starts TOKEN_RE allows.
  // 、 and 。 too: NFKC keeps the ideographic comma and full stop.
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 44 || code === 58 || code === 40 || code === 41 || code === 10 || code === 0x3001 || code === 0x3002;
}

/** What pushWords emits for a clause breaker. */
const CLAUSE_BREAK = '';
/**
 * Every word that contraction, spelling, negator or clause-breaker rules change → the words it
 * becomes (a negator as NEGATOR, a breaker as CLAUSE_BREAK): one lookup per word instead of four.
 */
const NORMALIZED: ReadonlyMap<string, readonly string[]> = (() => {
  const table = new Map<string, readonly string[]>();
  for (const word of [...BARE_CONTRACTIONS.keys(), ...SPELLING_FIXES.keys(), ...NEGATORS, ...CLAUSE_BREAKERS]) {
    const parts = BARE_CONTRACTIONS.get(word) ?? SPELLING_FIXES.get(word)?.split(' ') ?? [word];
    table.set(word, parts.map((part) => (CLAUSE_BREAKERS.has(part) ? CLAUSE_BREAK : NEGATORS.has(part) ? NEGATOR : part)));
  }
  return table;
})();

function expandApostrophe(word: string): readonly string[] {
  if (word.endsWith("n't")) {
    const base = word.slice(0, -3);
    if (base === 'ca') return ['can', 'not'];
    if (base === 'wo') return ['will', 'not'];
    if (base === 'ai') return ['is', 'not'];
    return [base, 'not'];
  }
  for (const [suffix, expansion] of APOSTROPHE_SUFFIXES) {
    if (word.endsWith(suffix)) return [word.slice(0, -suffix.length), expansion];
  }
  // French/Italian elision ("l'adresse", "j'ai"): keep the word after the apostrophe.
  const afterApostrophe = word.slice(word.lastIndexOf("'") + 1);
  return afterApostrophe ? [afterApostrophe] : [];
}

/** Three equal characters in a row ("sooo"); a plain loop, as this runs for every word. */
function hasTripleLetter(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === word.charCodeAt(i - 1) && code === word.charCodeAt(i - 2) && !(code >= 48 && code <= 57)) return true;
  }
  return false;
}

function collapseElongation(word: string, isKnown: (word: string) => boolean): string {
  const doubled = word.replace(ELONGATION_RE, '$1$1');
  const single = word.replace(ELONGATION_RE, '$1');
  if (isKnown(doubled) || SPELLING_FIXES.has(doubled)) return doubled;
  return single;
}

const KANA_RE = /[\u3040-\u30ff]/;
const segmenters = new Map<string, Intl.Segmenter>();
// ICU segmentation costs more than the rest of a CJK message's triage, and shoppers repeat
// phrases (「返品したい」): runs are cached like stems, and the cache starts over when full.
const SEGMENT_CACHE_LIMIT = 20_000;
const segmentCache = new Map<string, readonly string[]>();

/**
 * Japanese and Chinese have no spaces: a run of them becomes words by ICU's dictionary segmenter
 * (`Intl.Segmenter`, built into Node), Japanese when the run has kana. Terms in these languages
 * still match as substrings of the folded text (compounds such as 返金希望 split differently
 * from how ops write them); the words serve negation, sentiment and the console.
 */
export function segmentCjk(run: string): readonly string[] {
  const cached = segmentCache.get(run);
  if (cached) return cached;
  const language = KANA_RE.test(run) ? 'ja' : 'zh';
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })));
  const words: string[] = [];
  for (const part of segmenter.segment(run)) if (part.isWordLike) words.push(part.segment);
  if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
  segmentCache.set(run, words);
  return words;
}

/** True when the text contains Chinese, Japanese or Korean script (matched by substring). */
export function hasCjk(text: string): boolean {
  return CJK_RE.test(text);
}

const PICTOGRAPH_RE = /\p{Extended_Pictographic}/u;

/** True for terms that match as substrings: Chinese, Japanese, Korean, and emoji ("😡"). */
export function isSubstringTerm(text: string): boolean {
  return CJK_RE.test(text) || PICTOGRAPH_RE.test(text);
}

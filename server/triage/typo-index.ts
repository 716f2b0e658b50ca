/**
 * Typo tolerance for the words of the intent files: a symmetric-delete index (as in SymSpell)
 * built once per intent set, then a bounded Damerau–Levenshtein check (optimal string alignment:
 * one swap of neighbours is one edit). Distance 1 for words of 5–8 letters, 2 for 9 or more,
 * never for shorter words; `=exact` terms are never targets. Also splits run-together words
 * ("tocancel" → "to cancel") into known words.
 *
 * @example const index = buildTypoIndex(['refund', 'shipping']); correctTypo(index, 'refnud') // → 'refund'
 */

export interface TypoIndex {
  /** A word with one (or, for long words, two) letters deleted → the vocabulary words it came from. */
  readonly deletes: ReadonlyMap<string, readonly string[]>;
  readonly words: ReadonlySet<string>;
}

/** Shorter words are never corrected: "card"/"care", "ship"/"shop" are all real words. */
export const MIN_TYPO_LENGTH = 5;
const LONG_WORD_LENGTH = 9;
const WORD_RE = /^\p{L}+$/u;

/** Edits allowed for a word of this length. */
export function maxEdits(length: number): number {
  return length >= LONG_WORD_LENGTH ? 2 : length >= MIN_TYPO_LENGTH ? 1 : 0;
}

export function buildTypoIndex(vocabulary: Iterable<string>): TypoIndex {
  const deletes = new Map<string, string[]>();
  const words = new Set<string>();
  for (const word of vocabulary) {
    if (word.length < MIN_TYPO_LENGTH || !WORD_RE.test(word) || words.has(word)) continue;
    words.add(word);
    for (const variant of deleteVariants(word, maxEdits(word.length))) {
      const bucket = deletes.get(variant);
      if (!bucket) deletes.set(variant, [word]);
      else if (!bucket.includes(word)) bucket.push(word);
    }
  }
  return { deletes, words };
}

/** The word itself and every form with up to `edits` letters deleted. */
function deleteVariants(word: string, edits: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let round = 0; round < edits; round++) {
    const next: string[] = [];
    for (const form of frontier) {
      for (let i = 0; i < form.length; i++) {
        const variant = form.slice(0, i) + form.slice(i + 1);
        if (!out.has(variant)) {
          out.add(variant);
          next.push(variant);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * The vocabulary word `word` most likely misspells, or undefined. Ties at the same distance go to
 * the word sharing the first letter, then to the alphabetically first, so the answer is stable.
 */
export function correctTypo(index: TypoIndex, word: string): string | undefined {
  if (word.length < MIN_TYPO_LENGTH || index.words.has(word)) return undefined;
  const edits = maxEdits(word.length + 1);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const variant of deleteVariants(word, edits)) {
    const candidates = index.deletes.get(variant);
    if (!candidates) continue;
    for (const candidate of candidates) {
      const allowed = Math.min(maxEdits(candidate.length), maxEdits(word.length + 1));
      const distance = osaDistance(word, candidate, allowed);
      if (distance > allowed || distance > bestDistance) continue;
      if (distance < bestDistance || prefer(candidate, best!, word)) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}

function prefer(candidate: string, current: string, word: string): boolean {
  const sameFirst = candidate[0] === word[0];
  if (sameFirst !== (current[0] === word[0])) return sameFirst;
  return candidate < current;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early once
 * every cell of a row exceeds `max`; returns max + 1 then.
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * "tocancel" → ["to", "cancel"], "refundpolicy" → ["refund", "policy"]: the split into two known
 * words where at least one is a vocabulary word of the intent files. Parts have 2+ letters.
 */
export function splitRunTogether(word: string, index: TypoIndex, isWord: (part: string) => boolean): [string, string] | undefined {
  if (word.length < 6 || !WORD_RE.test(word)) return undefined;
  let best: [string, string] | undefined;
  let bestScore = 0;
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const left = word.slice(0, cut);
    const right = word.slice(cut);
    const leftTarget = index.words.has(left);
    const rightTarget = index.words.has(right);
    if (!leftTarget && !rightTarget) continue;
    if (!(leftTarget || isWord(left)) || !(rightTarget || isWord(right))) continue;
    // Prefer the split that puts more letters into vocabulary words.
    const score = (leftTarget ? left.length : 0) + (rightTarget ? right.length : 0);
    if (score > bestScore) {
      best = [left, right];
      bestScore = score;
    }
  }
  return best;
}

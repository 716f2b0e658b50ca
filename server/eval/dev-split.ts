/**
 * The fixed split of labelled data into a `tune` half (look at it, tune keywords on it) and a
 * `check` half (only measure it; the CI floors read this half). A row's half depends on its text
 * alone (FNV-1a 32-bit of the UTF-8-free code units, lowest bit), so it never changes when rows
 * are added, removed or reordered, and every tool computes the same halves.
 *
 * @example devHalf('where is my order') // → 'tune' or 'check', the same on every machine
 */
export type DevHalf = 'tune' | 'check';

export const DEV_HALVES: readonly DevHalf[] = ['tune', 'check'];

/** FNV-1a over UTF-16 code units; fast, stable and well spread for short texts. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function devHalf(text: string): DevHalf {
  return (fnv1a(text) & 1) === 0 ? 'tune' : 'check';
}

/** The rows of one half, in their original order. */
export function rowsOfHalf<T extends { text: string }>(rows: readonly T[], half: DevHalf): T[] {
  return rows.filter((row) => devHalf(row.text) === half);
}

/**
 * The `<place>` slot of ops phrases ("do you deliver to <place>"): country names in English and
 * in their own language, and capitals, from the maintained `countries-list` package, folded the
 * way messages are. One word each: multi-word names ("united states") count by their words that
 * no other English sentence would use ("usa", "uk" are added by hand).
 *
 * @example isPlace('osterreich') // → true; isPlace('order') // → false
 */
import { countries } from 'countries-list';
import { foldText } from './normalize.js';

/** The slot as ops write it in a phrase, and the unit it compiles to. */
export const PLACE_SLOT = '<place>';
export const PLACE_UNIT = '\u0001place';

// Short names shoppers use that the package spells out.
const EXTRA_PLACES = ['usa', 'us', 'uk', 'uae', 'america', 'europe', 'asia', 'africa', 'abroad', 'overseas', 'internationally'];
const WORD_RE = /^\p{L}{2,}$/u;

let places: ReadonlySet<string> | undefined;

function loadPlaces(): ReadonlySet<string> {
  const out = new Set<string>(EXTRA_PLACES);
  for (const country of Object.values(countries)) {
    for (const name of [country.name, country.native, country.capital]) {
      const folded = foldText(name ?? '');
      // Multi-word names are left out: their words ("united", "new", "south") are ordinary words.
      if (WORD_RE.test(folded)) out.add(folded);
    }
  }
  return out;
}

export function isPlace(word: string): boolean {
  places ??= loadPlaces();
  return places.has(word);
}

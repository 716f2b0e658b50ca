/**
 * Pure escalation signals of one message: safety incidents (from `safety.yaml` categories,
 * minus look-alikes such as "fire red"), harm without a hazard word when a person is named
 * ("my son fell off it"), threats (legal, public review, chargeback) and repeated-contact
 * phrases ("third time I ask").
 *
 * A hazard word right next to a naming word ("smoke grey sofa", "a fire stick cover", "flame
 * pattern"), or written with a capital inside an English sentence ("a case for the Kindle Fire",
 * "any Nicholas Sparks novel"), names a colour, product, feature or title, not an incident, unless
 * the message also tells that something happened (an `incident` word: caught, started, burst,
 * hurt, child...).
 *
 * @example findSafety(analyzeMessage('the charger caught fire', set), set) // → ['fire']
 */
import type { IntentSet } from '../intents/compile-intents.js';
import type { MessageAnalysis } from './analysis.js';
import type { TermMatch } from './term-index.js';
import type { IndexKind } from './word-views.js';

/** Safety categories found, in file order; a negated term ("no smoke") or a look-alike does not count. */
export function findSafety(analysis: MessageAnalysis, set: IntentSet): string[] {
  const lookalikes = matchWords(analysis, 'safetyExclusions').filter(isAffirmed);
  // Arrays, not Sets: a message names a category or two, and most messages none.
  const categories: string[] = [];
  let context: boolean | undefined;
  const matches = matchWords(analysis, 'safety');
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m]!;
    if (match.negated || covered(match, lookalikes)) continue;
    if (namesAThing(analysis, set, match) || isCapitalizedName(analysis, match)) {
      context ??= hasAny(analysis, 'safetyIncident');
      if (!context) continue;
    }
    if (!categories.includes(match.term.owner)) categories.push(match.term.owner);
  }
  if (categories.length === 0 && set.safetyHarm.size > 0) {
    let harm = false;
    for (const match of matchWords(analysis, 'safetyHarm')) if (!match.negated && !covered(match, lookalikes)) harm = true;
    if (harm && hasAny(analysis, 'safetyPersons')) categories.push('harm');
  }
  return categories;
}

function isAffirmed(match: TermMatch): boolean {
  return !match.negated;
}

function covered(match: TermMatch, lookalikes: readonly TermMatch[]): boolean {
  for (const lookalike of lookalikes) if (lookalike.start >= 0 && lookalike.start <= match.end && match.start <= lookalike.end) return true;
  return false;
}

/**
 * A one-word hazard term followed by a naming word ("smoke grey", "fire stick", "flame pattern").
 * Only the word after: a colour before describes the incident ("black smoke", "a red rash").
 */
function namesAThing(analysis: MessageAnalysis, set: IntentSet, match: TermMatch): boolean {
  if (match.start < 0 || match.start !== match.end) return false;
  const next = match.end + 1;
  const { words, clauses } = analysis;
  return next < words.length && clauses[next] === clauses[match.start] && set.safetyNames.has(words[next]!);
}

/**
 * A one-word English hazard term written "Fire", "Sparks", "Burn" after a lower-case word, digit or
 * comma: a product or title name ("the Kindle Fire", "Burn Notice on DVD"). Not in a message written
 * mostly in capitals or Title Case, and not in other languages (German capitalises every noun).
 * Runs only for a hazard match, so rarely.
 */
function isCapitalizedName(analysis: MessageAnalysis, match: TermMatch): boolean {
  if (analysis.language !== 'en' || match.start < 0 || match.start !== match.end || analysis.originals[match.start] !== undefined) return false;
  const word = analysis.words[match.start]!;
  const { text } = analysis;
  const title = word.charAt(0).toUpperCase() + word.slice(1);
  if (title === word) return false;
  for (let at = text.indexOf(title); at > 0; at = text.indexOf(title, at + 1)) {
    if (isLetter(text.charCodeAt(at + title.length))) continue; // inside a longer word
    let before = at - 1;
    if (!isSpace(text.charCodeAt(before))) continue;
    while (before > 0 && isSpace(text.charCodeAt(before))) before--;
    const code = text.charCodeAt(before);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 44) return !mostlyCapitalized(text);
  }
  return false;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const WORD_START_RE = /(?:^|\s)([A-Za-z])/g;

/** Three words in four or more start with a capital: Title Case or shouting, where capitals say nothing. */
function mostlyCapitalized(text: string): boolean {
  let words = 0;
  let capitals = 0;
  for (const [, first] of text.matchAll(WORD_START_RE)) {
    words++;
    if (first! <= 'Z') capitals++;
  }
  return capitals * 4 >= words * 3;
}

function hasAny(analysis: MessageAnalysis, kind: IndexKind): boolean {
  return matchWords(analysis, kind).some(isAffirmed);
}

/** Unstemmed matching in English and the message's own language. */
function matchWords(analysis: MessageAnalysis, kind: IndexKind): readonly TermMatch[] {
  const languages = analysis.matchLanguages;
  if (languages.length === 1) return analysis.match(kind, languages[0]!);
  const matches: TermMatch[] = [];
  for (const language of languages) matches.push(...analysis.match(kind, language));
  return matches;
}

/** Threat kinds found (`legal`, `review`, `chargeback`, `repeat`, ...), each once. */
export function findThreats(analysis: MessageAnalysis): string[] {
  const kinds: string[] = [];
  const languages = analysis.matchLanguages;
  for (let l = 0; l < languages.length; l++) {
    const matches = analysis.match('threats', languages[l]!);
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m]!;
      if (!match.negated && !kinds.includes(match.term.owner)) kinds.push(match.term.owner);
    }
  }
  return kinds;
}

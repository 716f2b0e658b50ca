/**
 * Pure sentiment of one message: natural's AFINN words plus the shop-support lexicon from
 * `intents/sentiment.yaml` ("still waiting", "scam", "useless"), with negation ("not happy"),
 * shouting (ALL CAPS) and exclamation runs ("!!!", "?!") on top.
 *
 * @example scoreSentiment(analysis) // → { score: -0.46, label: 'negative', raw: -2 }
 */
import { NEGATOR } from './normalize.js';
import type { MessageAnalysis } from './analysis.js';
import { isFunctionWordOf } from './english-lexicon.js';

export interface Sentiment {
  /** tanh(raw / 4), rounded: -1 (furious) … 1 (delighted). */
  score: number;
  label: 'negative' | 'neutral' | 'positive';
  /** The unbounded sum of word scores; urgency reads it. */
  raw: number;
  shouting: boolean;
}

/** At or below this sum the shopper reads as upset: one clearly negative word is enough. */
export const NEGATIVE_AT = -1;
const POSITIVE_AT = 2;
/**
 * A message that tells what did not happen or does not work ("still hasn't shipped", "can't log in",
 * "isn't what I ordered") leans upset: a negator moves the label this much towards negative. The
 * label only: `raw`, which handoff and urgency read, stays the sum of the mood words.
 */
const NEGATOR_LEAN = -0.5;
/** "not happy" is less than "unhappy": a negated word counts -0.75 times (as VADER does). */
const NEGATION_FACTOR = -0.75;
const NEGATION_REACH = 3;
const EXCLAMATION_RUN_RE = /[!?]{2,}/;
/** "??", "?!", "!?": an insisting question, exasperated even without a mood word ("where is it??"). */
const QUESTION_RUN_RE = /\?[!?]|!\?/;
const LONG_WORD_RE = /\p{L}{3,}/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;
const SAD_FACE_RE = /(?:^|\s)[:;]['-]?[(/\\|[]/u;
/** "very disappointed", "sehr enttäuscht", "太差", "とてもひどい" count this much more. */
const INTENSIFIER_FACTOR = 1.5;
// en, de, fr, es, pt; accents folded as messages are.
const INTENSIFIERS = new Set([
  'very', 'so', 'really', 'extremely', 'totally', 'absolutely', 'completely', 'super', 'too', 'incredibly', 'utterly',
  'sehr', 'total', 'wirklich', 'extrem', 'voll', 'echt', 'ganz', 'vollig',
  'tres', 'vraiment', 'trop', 'completement', 'super', 'tellement', 'hyper',
  'muy', 'realmente', 'demasiado', 'super', 'bastante', 'tan', 'totalmente',
  'muito', 'demais', 'tao', 'bem', 'super', 'totalmente', 'realmente',
]);
// Before a Chinese or Japanese word (kana folded to hiragana): 太差, 很失望, 非常生气, とてもひどい, 本当にがっかり.
const CJK_INTENSIFIER_RE = /(?:太|很|非常|超|真|特别|十分|とても|すごく|本当に|ほんとうに|めちゃくちゃ|まじで|大変)$/u;

export function scoreSentiment(analysis: MessageAnalysis): Sentiment {
  let covered: Set<number> | undefined;
  let raw = 0;
  const languages = analysis.matchLanguages;
  for (let l = 0; l < languages.length; l++) {
    const matches = analysis.match('sentimentTerms', languages[l]!);
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m]!;
      const weight = match.term.weight * (intensified(analysis, match.start, match.offset) ? INTENSIFIER_FACTOR : 1);
      raw += match.negated ? weight * NEGATION_FACTOR : weight;
      for (let i = match.start; i <= match.end; i++) (covered ??= new Set()).add(i);
    }
  }
  const { words, clauses } = analysis;
  // Every message is matched in English too, so its English views exist already.
  const { views } = analysis.views('en');
  for (let i = 0; i < words.length; i++) {
    const value = views[i]!.afinn;
    if (value === undefined || covered?.has(i)) continue;
    // AFINN is English: in a German message "die" is an article, in French "pire" is not a typo.
    if (analysis.language !== 'en' && isFunctionWordOf(words[i]!, analysis.language)) continue;
    const weight = value * (intensified(analysis, i, undefined) ? INTENSIFIER_FACTOR : 1);
    raw += negatedAt(words, clauses, i) ? weight * NEGATION_FACTOR : weight;
  }
  const shouting = isShouting(analysis.text);
  if (shouting) raw -= 1;
  // ":(", ":/", ":-(" — a sad or sceptical face after a space (not the ":/" of a link).
  if (SAD_FACE_RE.test(analysis.text)) raw -= 1.5;
  // "where is it???" reads as exasperation, and "!!!" after upset words ("useless!!!") adds to them;
  // "!!!" with no mood word at all is as often glee ("it's here!!", "book now!!") and counts nothing.
  if (raw < 0 ? EXCLAMATION_RUN_RE.test(analysis.text) : raw === 0 && QUESTION_RUN_RE.test(analysis.text)) raw -= 1;
  const score = Math.round(Math.tanh(raw / 4) * 100) / 100;
  const leaning = words.includes(NEGATOR) ? raw + NEGATOR_LEAN : raw;
  const label = leaning <= NEGATIVE_AT ? 'negative' : leaning >= POSITIVE_AT ? 'positive' : 'neutral';
  return { score, label, raw, shouting };
}

/** An intensifier right before the word at `at` (or before the substring at `offset`). */
function intensified(analysis: MessageAnalysis, at: number, offset: number | undefined): boolean {
  if (offset !== undefined) return offset > 0 && CJK_INTENSIFIER_RE.test(analysis.folded.slice(Math.max(0, offset - 5), offset));
  return at > 0 && analysis.clauses[at - 1] === analysis.clauses[at] && INTENSIFIERS.has(analysis.words[at - 1]!);
}

function negatedAt(words: readonly string[], clauses: readonly number[], at: number): boolean {
  for (let j = at - 1; j >= 0 && j >= at - NEGATION_REACH && clauses[j] === clauses[at]; j--) {
    if (words[j] === NEGATOR) return true;
  }
  return false;
}

/**
 * Two or more all-caps words of 4+ letters ("HUMAN. PLEASE."), or mostly caps overall.
 * Three-letter words are left out: they are usually acronyms (DHL, UPS, EUR, LED).
 */
export function isShouting(text: string): boolean {
  if (text === text.toLowerCase()) return false;
  if (!NON_ASCII_RE.test(text)) return isShoutingAscii(text);
  const words = text.match(LONG_WORD_RE);
  if (!words || words.length < 2) return false;
  let caps = 0;
  let longCaps = 0;
  for (const word of words) {
    if (word !== word.toUpperCase() || word === word.toLowerCase()) continue;
    caps++;
    if (word.length >= 4) longCaps++;
  }
  return longCaps >= 2 || caps / words.length >= 0.6;
}

/** `isShouting` for ASCII text without the word array: runs of 3+ letters, counted as they pass. */
function isShoutingAscii(text: string): boolean {
  let words = 0;
  let caps = 0;
  let longCaps = 0;
  let i = 0;
  while (i < text.length) {
    let length = 0;
    let upper = 0;
    for (let code = text.charCodeAt(i); i < text.length && isAsciiLetter(code); code = text.charCodeAt(++i)) {
      length++;
      if (code <= 90) upper++;
    }
    if (length === 0) i++;
    else if (length >= 3) {
      words++;
      if (upper === length) {
        caps++;
        if (length >= 4) longCaps++;
      }
    }
  }
  if (words < 2) return false;
  return longCaps >= 2 || caps / words >= 0.6;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

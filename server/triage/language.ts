/**
 * Pure language guess for one message: script first (Japanese kana, Chinese Han, Korean Hangul),
 * then the most frequent function words of English, Spanish, German, French, Portuguese and
 * Italian, with a few accented letters as tie-breakers. Chat messages are short, so a function
 * word list beats character n-grams here; English wins ties, since most shoppers fall back to it.
 *
 * @example detectLanguage('Wo ist meine Bestellung?', words) // → 'de'
 */

const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'is', 'my', 'i', 'you', 'and', 'it', 'to', 'of', 'for', 'was', 'have', 'where', 'what', 'order', 'please', 'this', 'with', 'can', 'me', 'a', 'when', 'how', 'why', 'your', 'are', 'did', 'do', 'get', 'want', 'would', 'like', 'am', 'been', 'from', 'on', 'at', 'we'],
  es: ['el', 'la', 'los', 'las', 'mi', 'es', 'y', 'que', 'de', 'por', 'para', 'donde', 'esta', 'pedido', 'un', 'una', 'con', 'hola', 'gracias', 'quiero', 'no', 'se', 'mis', 'todavia', 'cuando', 'como', 'porque', 'cuanto', 'me', 'su', 'del', 'al', 'lo', 'le', 'ya', 'hay', 'tienen', 'puedo', 'estoy', 'pero', 'muy', 'nada', 'dice', 'hacen'],
  de: ['der', 'die', 'das', 'ist', 'und', 'ich', 'nicht', 'mein', 'meine', 'wo', 'bestellung', 'ein', 'eine', 'mit', 'fur', 'hallo', 'danke', 'noch', 'bitte', 'habe', 'es', 'zu', 'wurde', 'sie', 'wann', 'kann', 'konnen', 'wie', 'warum', 'was', 'auf', 'von', 'den', 'dem', 'mir', 'mich', 'ihr', 'ihre', 'schon', 'aber', 'oder', 'auch', 'bei', 'nach', 'wird', 'sind', 'hat', 'mochte', 'keine', 'kein'],
  fr: ['le', 'la', 'les', 'est', 'et', 'je', 'mon', 'ma', 'mes', 'ou', 'commande', 'un', 'une', 'pas', 'pour', 'avec', 'bonjour', 'merci', 'toujours', 'colis', 'ai', 'vous', 'de', 'des', 'du', 'rembourser', 'combien', 'quand', 'comment', 'pourquoi', 'il', 'elle', 'au', 'aux', 'sur', 'dans', 'ne', 'votre', 'vos', 'nous', 'ce', 'cette', 'qui', 'quoi', 'suis', 'mais', 'tres', 'rien', 'veux', 'voudrais'],
  pt: ['o', 'a', 'os', 'as', 'meu', 'minha', 'e', 'que', 'de', 'nao', 'para', 'onde', 'esta', 'pedido', 'um', 'uma', 'com', 'ola', 'obrigado', 'obrigada', 'quero', 'ainda', 'voces', 'encomenda', 'cade', 'quando', 'como', 'porque', 'quanto', 'do', 'da', 'no', 'na', 'ja', 'tem', 'posso', 'estou', 'foi', 'vou', 'mais', 'muito', 'nada', 'me', 'oi', 'fui', 'vem', 'voce'],
  it: ['il', 'lo', 'gli', 'della', 'mio', 'mia', 'e', 'che', 'di', 'non', 'per', 'dove', 'ordine', 'un', 'una', 'con', 'ciao', 'grazie', 'voglio', 'ancora', 'sono'],
};

// Letters that (almost) only one of these languages uses; checked on the unfolded text.
const LETTER_HINTS: ReadonlyArray<[RegExp, string]> = [
  [/[ñ¿¡]/, 'es'],
  [/[äöüß]/, 'de'],
  [/[ãõ]/, 'pt'],
  [/[èëœ]/, 'fr'], // not ê: Portuguese writes você, três
];

/** The languages of FUNCTION_WORDS, and each function word → the indexes of those it belongs to. */
const LANGUAGES = Object.keys(FUNCTION_WORDS);
const WORD_LANGUAGES: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  LANGUAGES.forEach((language, index) => {
    for (const word of FUNCTION_WORDS[language]!) map.set(word, [...(map.get(word) ?? []), index]);
  });
  return map;
})();
const LETTER_HINT_INDEXES = LETTER_HINTS.map(([pattern, language]) => [pattern, LANGUAGES.indexOf(language)] as const);
const ENGLISH = LANGUAGES.indexOf('en');
const scores = new Float64Array(LANGUAGES.length);
const scored: number[] = [];

function addScore(index: number, amount: number): void {
  if (!scored.includes(index)) scored.push(index);
  scores[index]! += amount;
}

const KANA_RE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN_RE = /\p{Script=Han}/u;
const HANGUL_RE = /\p{Script=Hangul}/u;
const NON_ASCII_RE = /[^\x00-\x7f]/;

export interface LanguageGuess {
  language: string;
  /** Something in the text pointed to `language` (a script, a function word, a letter). */
  evidence: boolean;
  /** Other languages the text also shows (mixed messages: "Hallo, where is my Bestellung?"). */
  also: readonly string[];
  /** How much pointed to `language`: about one per function word; 10 for a script. */
  confidence: number;
  /** The next language's score: 0 when nothing else pointed anywhere. */
  runnerUp: number;
}

/** A second language counts when it has at least this many function words. */
const ALSO_AT = 2;

/** ISO 639-1 code of the message's language; `en` when nothing points elsewhere. */
export function detectLanguage(text: string, words: readonly string[]): string {
  return guessLanguage(text, words).language;
}

/**
 * The language and whether anything pointed to it: "Mitarbeiter" alone has no function word,
 * so triage then tries every language's terms rather than trusting the English default.
 */
export function guessLanguage(text: string, words: readonly string[]): LanguageGuess {
  const nonAscii = NON_ASCII_RE.test(text);
  if (nonAscii) {
    // Han without kana is Chinese, or Japanese written in kanji only ("返金希望"): try both.
    if (KANA_RE.test(text)) return { language: 'ja', evidence: true, also: [], confidence: 10, runnerUp: 0 };
    if (HAN_RE.test(text)) return { language: 'zh', evidence: true, also: ['ja'], confidence: 10, runnerUp: 0 };
    if (HANGUL_RE.test(text)) return { language: 'ko', evidence: true, also: [], confidence: 10, runnerUp: 0 };
  }
  // Scores per language index, and the order languages first scored in (ties go to the earlier one):
  // module scratch, reset here, as this runs for every message.
  scores.fill(0);
  scored.length = 0;
  for (const word of words) {
    const languages = WORD_LANGUAGES.get(word);
    if (!languages) continue;
    // A word shared by several languages counts for each, a little.
    for (const index of languages) addScore(index, 1 / languages.length);
  }
  if (nonAscii) {
    const lower = text.toLowerCase();
    for (const [pattern, index] of LETTER_HINT_INDEXES) if (pattern.test(lower)) addScore(index, 1.5);
  }
  let best = ENGLISH;
  let bestScore = scores[ENGLISH]!;
  for (const index of scored) {
    if (scores[index]! > bestScore) {
      best = index;
      bestScore = scores[index]!;
    }
  }
  const also: string[] = [];
  let runnerUp = 0;
  for (const index of scored) {
    if (index === best) continue;
    const score = scores[index]!;
    if (score >= ALSO_AT) also.push(LANGUAGES[index]!);
    if (score > runnerUp) runnerUp = score;
  }
  return { language: LANGUAGES[best]!, evidence: bestScore > 0, also, confidence: bestScore, runnerUp };
}

/**
 * Pure language guess for one message: script first (Japanese kana, Chinese Han, Korean Hangul),
 * then the most frequent function words of English, Spanish, German, French, Portuguese and
 * Italian, with a few accented letters as tie-breakers. Chat messages are short, so a function
 * word list beats character n-grams here; English wins ties, since most shoppers fall back to it.
 *
 * @example detectLanguage('Wo ist meine Bestellung?', words) // → 'de'
 */

const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'is', 'my', 'i', 'you', 'and', 'it', 'to', 'of', 'for', 'not', 'was', 'have', 'where', 'what', 'order', 'please', 'this', 'with', 'can', 'me', 'a'],
  es: ['el', 'la', 'los', 'las', 'mi', 'es', 'y', 'que', 'de', 'por', 'para', 'donde', 'esta', 'pedido', 'un', 'una', 'con', 'hola', 'gracias', 'quiero', 'no', 'se', 'mis', 'todavia'],
  de: ['der', 'die', 'das', 'ist', 'und', 'ich', 'nicht', 'mein', 'meine', 'wo', 'bestellung', 'ein', 'eine', 'mit', 'fur', 'hallo', 'danke', 'noch', 'bitte', 'habe', 'es', 'zu', 'wurde', 'sie', 'wann'],
  fr: ['le', 'la', 'les', 'est', 'et', 'je', 'mon', 'ma', 'mes', 'ou', 'commande', 'un', 'une', 'pas', 'pour', 'avec', 'bonjour', 'merci', 'toujours', 'colis', 'ai', 'vous', 'de', 'des', 'du', 'rembourser'],
  pt: ['o', 'a', 'os', 'as', 'meu', 'minha', 'e', 'que', 'de', 'nao', 'para', 'onde', 'esta', 'pedido', 'um', 'uma', 'com', 'ola', 'obrigado', 'obrigada', 'quero', 'ainda', 'voces', 'encomenda'],
  it: ['il', 'lo', 'gli', 'della', 'mio', 'mia', 'e', 'che', 'di', 'non', 'per', 'dove', 'ordine', 'un', 'una', 'con', 'ciao', 'grazie', 'voglio', 'ancora', 'sono'],
};

// Letters that (almost) only one of these languages uses; checked on the unfolded text.
const LETTER_HINTS: ReadonlyArray<[RegExp, string]> = [
  [/[ñ¿¡]/, 'es'],
  [/[äöüß]/, 'de'],
  [/[ãõ]/, 'pt'],
  [/[èêëœ]/, 'fr'],
];

const WORD_LANGUAGES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
    for (const word of words) map.set(word, [...(map.get(word) ?? []), language]);
  }
  return map;
})();

const KANA_RE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN_RE = /\p{Script=Han}/u;
const HANGUL_RE = /\p{Script=Hangul}/u;
const NON_ASCII_RE = /[^\x00-\x7f]/;

/** ISO 639-1 code of the message's language; `en` when nothing points elsewhere. */
export function detectLanguage(text: string, words: readonly string[]): string {
  return guessLanguage(text, words).language;
}

/**
 * The language and whether anything pointed to it: "Mitarbeiter" alone has no function word,
 * so triage then tries every language's terms rather than trusting the English default.
 */
export function guessLanguage(text: string, words: readonly string[]): { language: string; evidence: boolean } {
  const nonAscii = NON_ASCII_RE.test(text);
  if (nonAscii) {
    if (KANA_RE.test(text)) return { language: 'ja', evidence: true };
    if (HAN_RE.test(text)) return { language: 'zh', evidence: true };
    if (HANGUL_RE.test(text)) return { language: 'ko', evidence: true };
  }
  const scores = new Map<string, number>();
  for (const word of words) {
    const languages = WORD_LANGUAGES.get(word);
    if (!languages) continue;
    // A word shared by several languages counts for each, a little.
    for (const language of languages) scores.set(language, (scores.get(language) ?? 0) + 1 / languages.length);
  }
  if (nonAscii) {
    const lower = text.toLowerCase();
    for (const [pattern, language] of LETTER_HINTS) if (pattern.test(lower)) scores.set(language, (scores.get(language) ?? 0) + 1.5);
  }
  let best = 'en';
  let bestScore = scores.get('en') ?? 0;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return { language: best, evidence: bestScore > 0 };
}

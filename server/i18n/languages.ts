/**
 * Owns which language a conversation is held in (SPEC §9): the seven served languages, how a
 * browser or widget tag maps onto them ("pt-BR" → pt, "zh-Hans-CN" → zh), and the rule "the
 * shopper's text first, else what the conversation already speaks, else the widget locale, else
 * English" — a German message from an English browser gets German replies.
 *
 * @example
 *   conversationLanguage({ text: 'Wo ist meine Bestellung?', locale: 'en-US' }); // → 'de'
 *   conversationLanguage({ text: '1001', previous: 'ja', locale: 'en' });         // → 'ja'
 */
import { guessLanguage } from '../triage/language.js';
import { foldText, tokenizeFolded } from '../triage/normalize.js';

/** The languages served end to end, English first (the fallback). */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

const SERVED: ReadonlySet<string> = new Set(LANGUAGES);

/**
 * The served language of a BCP 47 tag, or undefined ("it", "ko", garbage).
 *
 * @example servedLanguage('pt-BR') // → 'pt'
 */
export function servedLanguage(tag: string | null | undefined): Language | undefined {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return SERVED.has(base) ? (base as Language) : undefined;
}

export interface LanguageInput {
  /** The shopper's message. */
  text: string;
  /** The conversation's language so far (set by an earlier message that showed one). */
  previous?: string | null;
  /** The widget's `data-locale` or browser language. */
  locale?: string | null;
}

/**
 * The language of the next bot reply. Text evidence wins (script, frequent words); a message
 * with none ("1001", "ok") keeps the conversation's language, so a Japanese chat never switches
 * to English on an order number.
 */
export function conversationLanguage(input: LanguageInput): Language {
  const fromText = textLanguage(input.text);
  return fromText ?? servedLanguage(input.previous) ?? servedLanguage(input.locale) ?? DEFAULT_LANGUAGE;
}

/** The served language the text itself shows, or undefined when it shows none (or an unserved one). */
export function textLanguage(text: string): Language | undefined {
  const words = tokenizeFolded(foldText(text)).map((token) => token.word);
  const { language, evidence } = guessLanguage(text, words);
  return evidence ? servedLanguage(language) : undefined;
}

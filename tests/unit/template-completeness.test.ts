// Every bot text exists in all seven served languages (SPEC §9): a reply template added in one
// language and not the others fails here, as does a system message left untranslated.
import { describe, expect, it } from 'vitest';
import { findAerProblems } from '../../server/bot/aer-screen.js';
import { placeholdersOf } from '../../server/bot/aer-templates.js';
import { openingLine, OPENING_LINES } from '../../server/i18n/opening-lines.js';
import { ORDER_WORDS } from '../../server/i18n/order-words.js';
import { conversationLanguage, LANGUAGES, servedLanguage } from '../../server/i18n/languages.js';
import { SYSTEM_TEXTS } from '../../server/i18n/system-texts.js';
import { WIDGET_STRINGS } from '../../server/i18n/widget-strings.js';
import { en as WIDGET_EN } from '../../server/i18n/widget-strings-en.js';
import { INTENT_NAMES, type IntentName } from '../../server/protocol.js';
import { projectIntents } from '../support/intents.js';

const set = projectIntents();


/** Every situation of an intent, in any language. */
function situationsOf(intent: IntentName): string[] {
  const replies = set.intents.get(intent)?.replies ?? {};
  return [...new Set(Object.values(replies).flatMap((situations) => Object.keys(situations)))].sort();
}

function missing(intent: IntentName, language: string): string[] {
  const own = set.intents.get(intent)?.replies[language] ?? {};
  return situationsOf(intent).filter((situation) => !own[situation]);
}

describe('reply templates in intents/*.yaml', () => {
  it('cover the seven served languages and nothing else', () => {
    expect(LANGUAGES).toEqual(['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh']);
    for (const intent of INTENT_NAMES) {
      for (const language of Object.keys(set.intents.get(intent)?.replies ?? {})) {
        expect(servedLanguage(language), `intents/${intent}.yaml replies.${language}`).toBe(language);
      }
    }
  });

  it('exist in every language for every situation', () => {
    const situations = INTENT_NAMES.flatMap((intent) => situationsOf(intent));
    expect(situations.length).toBeGreaterThan(30);
    for (const intent of INTENT_NAMES) {
      for (const language of LANGUAGES) {
        expect(missing(intent, language), `intents/${intent}.yaml replies.${language} lacks`).toEqual([]);
      }
    }
  });

  it('use the same placeholders as the English original', () => {
    for (const intent of INTENT_NAMES) {
      const replies = set.intents.get(intent)?.replies ?? {};
      for (const [language, situations] of Object.entries(replies)) {
        for (const [situation, template] of Object.entries(situations)) {
          const english = replies.en?.[situation];
          if (!english) continue;
          const names = (t: typeof template) => placeholdersOf(`${t.acknowledge} ${t.empathize} ${t.reassure}`).sort();
          expect(names(template), `${intent}.${language}.${situation}`).toEqual(names(english));
        }
      }
    }
  });
});

describe('system messages', () => {
  it('exist, non-empty, in every language with the English placeholders', () => {
    const keys = Object.keys(SYSTEM_TEXTS.en).sort();
    expect(keys.length).toBeGreaterThan(3);
    for (const language of LANGUAGES) {
      const table = SYSTEM_TEXTS[language];
      expect(Object.keys(table).sort(), language).toEqual(keys);
      for (const key of keys) {
        const text = table[key as keyof typeof table];
        expect(text.trim().length, `${language}.${key}`).toBeGreaterThan(10);
        expect(placeholdersOf(text).sort(), `${language}.${key}`).toEqual(placeholdersOf(SYSTEM_TEXTS.en[key as keyof typeof table]).sort());
      }
    }
  });
});

describe('widget texts', () => {
  it('exist in every language, translated, with the English placeholders', () => {
    const keys = Object.keys(WIDGET_EN);
    expect(keys.length).toBeGreaterThan(25);
    // SPEC §6: the English accessible names are a contract.
    expect([WIDGET_EN.openChat, WIDGET_EN.message, WIDGET_EN.send]).toEqual(['Open chat', 'Message', 'Send']);
    for (const language of LANGUAGES) {
      const table = WIDGET_STRINGS[language] as Record<string, string>;
      expect(Object.keys(table).sort(), language).toEqual([...keys].sort());
      for (const key of keys) {
        const english = (WIDGET_EN as Record<string, string>)[key]!;
        expect(table[key]!.trim().length, `${language}.${key}`).toBeGreaterThan(0);
        expect(placeholdersOf(table[key]!).sort(), `${language}.${key}`).toEqual(placeholdersOf(english).sort());
      }
    }
    // The accessible names differ from English outside English (a copy-paste is not a translation).
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      for (const key of ['openChat', 'closeChat', 'send', 'placeholder', 'rateGroup'] as const) {
        expect(WIDGET_STRINGS[language][key], `${language}.${key}`).not.toBe(WIDGET_EN[key]);
      }
    }
  });
});

describe('words for missing order fields', () => {
  it('exist in every language', () => {
    const keys = Object.keys(ORDER_WORDS.en).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(ORDER_WORDS[language]).sort(), language).toEqual(keys);
      for (const key of keys) expect(ORDER_WORDS[language][key as keyof (typeof ORDER_WORDS)['en']].length, `${language}.${key}`).toBeGreaterThan(1);
    }
  });
});

describe("the agent's suggested opening line", () => {
  it('exists in every language for every intent and for safety, and neither blames nor over-promises', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(OPENING_LINES[language].intents).sort(), language).toEqual([...INTENT_NAMES].sort());
      for (const intent of INTENT_NAMES) {
        const line = openingLine(language, intent, [], '1001');
        expect(line.length, `${language}.${intent}`).toBeGreaterThan(20);
        expect(findAerProblems(line), `${language}.${intent}`).toEqual([]);
      }
    }
    expect(openingLine('ja', 'logistics', [], '1001')).toContain('ご注文1001');
    expect(openingLine('zh', 'other', ['safety:fire'], undefined)).toMatch(/^我已经看过.*受伤/);
    expect(openingLine('it', 'human', [], undefined)).toMatch(/^I've read your whole conversation/);
  });
});

describe('conversationLanguage', () => {
  it('follows the text first: German from an English browser is answered in German', () => {
    expect(conversationLanguage({ text: 'Wo ist meine Bestellung?', locale: 'en-US' })).toBe('de');
    expect(conversationLanguage({ text: '荷物がまだ届きません', locale: 'en' })).toBe('ja');
    expect(conversationLanguage({ text: '我的包裹在哪里', locale: 'de-DE' })).toBe('zh');
  });

  it('keeps the conversation language for a message that shows none, else the widget locale, else English', () => {
    expect(conversationLanguage({ text: '1001', previous: 'ja', locale: 'en' })).toBe('ja');
    expect(conversationLanguage({ text: '1001', locale: 'pt-BR' })).toBe('pt');
    expect(conversationLanguage({ text: '1001', locale: 'it-IT' })).toBe('en');
    expect(conversationLanguage({ text: '1001' })).toBe('en');
  });
});

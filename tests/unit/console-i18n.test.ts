// The console's UI strings: every English key has a Chinese value, placeholders match, t() fills them.
import { afterEach, describe, expect, it } from 'vitest';
import { clockTime, DICTIONARIES, getLang, setLang, t, type StringKey } from '../../server/console/i18n';
import { reasonLabel } from '../../server/console/reason-labels';

const keys = Object.keys(DICTIONARIES.en) as StringKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => setLang('en'));

describe('console i18n', () => {
  it('has a non-empty Simplified Chinese string for every English key', () => {
    expect(keys.length).toBeGreaterThan(50);
    const missing = keys.filter((k) => !DICTIONARIES.zh[k]?.trim());
    expect(missing).toEqual([]);
    expect(Object.keys(DICTIONARIES.zh).sort()).toEqual([...keys].sort());
  });

  it('keeps the same placeholders in both languages', () => {
    const mismatched = keys.filter((k) => placeholders(DICTIONARIES.en[k]).join() !== placeholders(DICTIONARIES.zh[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('keeps the contract accessible names in English', () => {
    expect([t('email'), t('password'), t('signIn'), t('reply')]).toEqual(['Email', 'Password', 'Sign in', 'Reply']);
  });

  it('switches language and fills placeholders', () => {
    expect(getLang()).toBe('en');
    expect(t('waiting', { time: '4 min' })).toBe('Waiting 4 min');
    setLang('zh');
    expect(getLang()).toBe('zh');
    expect(t('waiting', { time: '4 分钟' })).toBe('已等待 4 分钟');
    expect(t('assignedTo')).toBe('已分配给 {name}'); // a missing value stays visible, never "undefined"
  });
});

describe('the Chinese console has no English left', () => {
  /** Names that stay as they are in any language: the product, file and variable names, format names. */
  const KEPT = /RelayDesk|intents\/examples\.jsonl|SMTP_URL|CSV|\ben、de 或 zh\b|\bSLA\b|\bAER\b|\bURL\b|\bID\b/g;
  const english = (text: string) => text.replace(/\{\w+\}/g, '').replace(KEPT, '').match(/[A-Za-z]{2,}/g) ?? [];

  it('walks every string table entry', () => {
    const leftovers = keys.filter((k) => english(DICTIONARIES.zh[k]).length > 0).map((k) => `${k}: ${DICTIONARIES.zh[k]}`);
    expect(leftovers).toEqual([]);
  });

  it('labels every reason code, sentiment and language the server sends', () => {
    setLang('zh');
    const codes = [
      'sentiment:negative', 'sentiment:very_negative', 'sentiment:worsening', 'request:human', 'tone:shouting', 'complaint:negative',
      'bot:could_not_help', 'bot:repeated_answer', 'payment:billing_error', 'repeat:contact', 'repeat:same_question', 'agent:took_over',
      ...['logistics', 'refund', 'payment', 'complaint', 'human', 'other'].map((i) => `intent:${i}`),
      ...['fire', 'burn', 'electric_shock', 'injury', 'choking', 'entrapment', 'allergy', 'poisoning', 'child_or_pet_hurt'].map((c) => `safety:${c}`),
      ...['legal', 'review', 'chargeback', 'repeat'].map((c) => `threat:${c}`),
    ];
    const shown = codes.map((code) => `${code} → ${reasonLabel(code)}`).filter((line) => english(line.split(' → ')[1]!).length > 0);
    expect(shown).toEqual([]);
    for (const label of ['negative', 'neutral', 'positive'] as const) expect(english(t(`sentiment_${label}`))).toEqual([]);
    for (const language of ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh'] as const) expect(english(t(`lang_${language}`))).toEqual([]);
    expect(t('assistantName')).toBe('智能助手');
    expect(clockTime(new Date('2026-11-30T06:05:00Z'), 'Asia/Shanghai')).toBe('14:05');
  });
});

// The console's UI strings: every English key has a Chinese value, placeholders match, t() fills them.
import { afterEach, describe, expect, it } from 'vitest';
import { DICTIONARIES, getLang, setLang, t, type StringKey } from '../../server/console/i18n';

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

/**
 * The console's language: English or Simplified Chinese, chosen in the header and remembered in
 * localStorage. `t(key, vars)` is typed by the English dictionary's keys.
 *
 * @example
 *   setLang('zh');
 *   t('waiting', { time: '4 分钟' }); // "已等待 4 分钟"
 */
import { EN } from './strings-en';
import { ZH } from './strings-zh';

export type StringKey = keyof typeof EN;
export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];
/** Each language names itself, so a reader of either can find their own. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', zh: '简体中文' };
export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { en: EN, zh: ZH };

const STORAGE_KEY = 'relaydesk:console:lang';

/** localStorage may throw (privacy modes) or be absent (unit tests in Node). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function stored(): Lang {
  try {
    const value = storage()?.getItem(STORAGE_KEY);
    // English unless chosen: the contract names ("Email", "Sign in") must hold on a fresh browser.
    return value === 'zh' ? 'zh' : 'en';
  } catch {
    return 'en';
  }
}

let current: Lang = stored();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    storage()?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across reloads; the switch still works for this page.
  }
}

/** The Intl locale of the console language ("zh-CN"), for times and dates. */
export function intlLocale(): string {
  return current === 'zh' ? 'zh-CN' : 'en-GB';
}

/** "14:05": 24-hour clock in the console language, optionally in another zone (the shopper's). */
export function clockTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** "29 Nov 2026, 14:05" / "2026年11月29日 14:05": dates and times in the console language. */
export function dateTime(date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(date);
}

/** The string for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(key: StringKey, vars: Readonly<Record<string, string | number>> = {}): string {
  const text = DICTIONARIES[current][key] || EN[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const SERVED = new Set(['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh']);

/** "日语" for ja in the Chinese console; an unserved code is shown as it is. */
export function languageLabel(tag: string): string {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return SERVED.has(base) ? t(`lang_${base as 'en'}`) : tag;
}

/**
 * Every text the widget shows, in the shopper's language (SPEC §9): `data-locale`, else the
 * browser's languages, else English. English is bundled; another language's texts are fetched
 * once from the server (`/widget-strings/de.json`) before the widget mounts, so widget.js stays
 * within its size budget. Views read `T` when they build. English accessible names: SPEC §6.
 *
 * @example
 *   await loadLanguage(server, widgetLanguage(['de-AT', 'en'])); // T.send → 'Senden'
 *   queueLine(3, 240); // "Sie sind Nummer 3 in der Warteschlange · etwa 4 Min."
 */
import { formatMoment } from '../server/i18n/format-moment';
import { en, type WidgetStrings } from '../server/i18n/widget-strings-en';

/** The served languages (server/i18n/languages.ts); texts for all but English come from the server. */
const SERVED = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh'];
/** A slow server must not keep the launcher away: after this, English. */
const STRINGS_TIMEOUT_MS = 4000;

/** The active texts; English until `useStrings` runs. */
export const T: WidgetStrings = { ...en };
let active = 'en';

/** The first served language among the candidates ("pt-BR" → pt), else English. */
export function widgetLanguage(candidates: ReadonlyArray<string | null | undefined>): string {
  for (const tag of candidates) {
    const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (SERVED.includes(base)) return base;
  }
  return 'en';
}

/**
 * Makes `language` active with `texts` (the server's JSON). Only known keys with string values
 * are taken, so a missing or odd entry leaves the English one in place.
 */
export function useStrings(language: string, texts: unknown): void {
  if (!texts || typeof texts !== 'object') return;
  const table = texts as Record<string, unknown>;
  for (const key of Object.keys(en) as Array<keyof WidgetStrings>) {
    const value = table[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 300) T[key] = value;
  }
  active = language;
}

/** Fetches and applies the texts of `language` from the server; English stays on any failure. */
export async function loadLanguage(server: string, language: string): Promise<void> {
  if (language === 'en' || !SERVED.includes(language)) return;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), STRINGS_TIMEOUT_MS);
  try {
    const response = await fetch(`${server}/widget-strings/${language}.json`, { signal: abort.signal, credentials: 'omit' });
    if (response.ok) useStrings(language, await response.json());
  } catch {
    // Offline or blocked: the widget still works, in English.
  } finally {
    clearTimeout(timer);
  }
}

export function activeLanguage(): string {
  return active;
}

const fill = (text: string, vars: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));

/** Queue banner; the position or the wait may be unknown until the server says. */
export function queueLine(position: number | null, waitSeconds: number | null): string {
  const wait = waitSeconds === null ? '' : fill(T.wait, { m: Math.max(1, Math.round(waitSeconds / 60)) });
  const head = position === null ? T.waiting : fill(T.queue, { n: position });
  return wait ? `${head} · ${wait}` : head;
}

/**
 * When no one is on duty the server names the time a person is next expected, in the same
 * format and the shopper's zone as the bot's own texts (`formatMoment`).
 */
export function closedLine(nextOpenAt: string, timeZone = browserTimeZone()): string {
  const when = new Date(nextOpenAt);
  const time = Number.isNaN(when.getTime()) ? nextOpenAt : formatMoment(when, active, timeZone);
  return fill(T.closedFrom, { time });
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A message's time ("09:05"): the widget's language, 24-hour like every other time it shows. */
export function clockTime(date: Date): string {
  try {
    return new Intl.DateTimeFormat(active, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  } catch {
    return '';
  }
}

export const agentJoinedLine = (name: string): string => fill(T.joined, { name });
export const typingLine = (name: string): string => fill(T.typing, { name });
export const rateLabel = (score: number): string => fill(T.rate, { n: score });
/** Read out beside the launcher (the visual badge is a number only). */
export const unreadLine = (count: number): string => fill(T.unread, { n: count });

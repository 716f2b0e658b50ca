/**
 * Owns how a moment reads to a shopper: the ONE format used by the bot's texts and by the
 * widget's banners (the widget bundles this file), so the same time never shows as
 * "Monday 09:00 (Europe/Berlin)" in one place and "Mon 8:00 AM" in another. Weekday, date,
 * 24-hour time and the zone's localized name, all from `Intl` for the locale. No imports: the
 * widget's bundle stays small.
 *
 * @example
 *   formatMoment(new Date('2026-11-23T08:00:00Z'), 'de', 'Europe/Berlin'); // → 'Montag, 23. November um 09:00 MEZ'
 *   formatMoment(new Date('2026-11-23T08:00:00Z'), 'ja', 'Asia/Tokyo');    // → '11月23日月曜日 17:00 JST'
 */

const OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let found = cache.get(key);
  if (!found) {
    try {
      // "Germany Time", "MEZ", "JST": short and in the reader's language.
      found = new Intl.DateTimeFormat(locale, { ...OPTIONS, timeZone, timeZoneName: 'shortGeneric' });
    } catch {
      // An invalid locale or zone from a widget, or an engine without shortGeneric.
      found = new Intl.DateTimeFormat('en', { ...OPTIONS, timeZone: validZone(timeZone) ? timeZone : 'UTC', timeZoneName: 'short' });
    }
    cache.set(key, found);
  }
  return found;
}

/** One moment for a reader: their locale, and their time zone when known (else the shop's). */
export function formatMoment(date: Date, locale: string, timeZone: string): string {
  return formatter(locale, timeZone).format(date);
}

/** True for an IANA zone this engine knows ("Europe/Berlin"), false for anything else. */
export function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

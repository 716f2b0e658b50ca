/**
 * Owns "is a person on duty now, and if not, when?" (pure). Hours are local to the team's IANA
 * time zone and every conversion goes through Intl.DateTimeFormat, so a daylight saving change
 * moves the opening instant with the wall clock (09:00 in Berlin is 07:00Z in summer, 08:00Z in
 * winter) and the server's own time zone never matters.
 *
 * @example
 *   const hours = { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00', timeZone: 'Europe/Berlin' };
 *   isOpen(new Date('2026-11-21T10:00:00Z'), hours); // → false (a Saturday)
 *   formatOpening(nextOpening(new Date('2026-11-21T10:00:00Z'), hours), hours, 'en'); // → 'Monday, November 23 at 09:00 Germany Time'
 */
import type { BusinessHours } from '../config.js';
import { formatMoment, validZone } from '../i18n/format-moment.js';

interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, like `BusinessHours.days`. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than formatting with it. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Every bot turn asks whether the desk is open: the answer per zone holds for the whole minute.
const lastMinute = new Map<string, { minute: number; local: LocalTime }>();

function localTime(instant: Date, timeZone: string): LocalTime {
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastMinute.get(timeZone);
  if (last?.minute === minute) return last.local;
  const local = formatLocalTime(instant, timeZone);
  lastMinute.set(timeZone, { minute, local });
  return local;
}

function formatLocalTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, weekday, minutes: hour * 60 + minute };
}

const minutesOf = new Map<string, number>();

/** "09:30" → 570; "24:00" → 1440 (closing at midnight). Parsed once per distinct text. */
function toMinutes(hhmm: string): number {
  let known = minutesOf.get(hhmm);
  if (known === undefined) {
    const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
    minutesOf.set(hhmm, (known = hours * 60 + minutes));
  }
  return known;
}

/**
 * True while agents are expected to answer: a working day, at or after `open`, before `close`.
 *
 * @example isOpen(new Date('2026-11-23T08:30:00Z'), hours) // Monday 09:30 in Berlin → true
 */
export function isOpen(now: Date, hours: BusinessHours): boolean {
  const local = localTime(now, hours.timeZone);
  return hours.days.includes(local.weekday) && local.minutes >= toMinutes(hours.open) && local.minutes < toMinutes(hours.close);
}

/**
 * The next instant agents are on duty: `now` itself while open, else the next opening.
 *
 * @example nextOpening(new Date('2026-11-20T17:30:00Z'), hours) // Friday 18:30 Berlin → Monday 2026-11-23T08:00:00Z
 */
export function nextOpening(now: Date, hours: BusinessHours): Date {
  if (isOpen(now, hours)) return now;
  const local = localTime(now, hours.timeZone);
  const openMinutes = toMinutes(hours.open);
  // Eight days reach the same weekday next week, the furthest any non-empty `days` can be.
  for (let offset = 0; offset <= 7; offset++) {
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    if (!hours.days.includes(date.getUTCDay())) continue;
    if (offset === 0 && local.minutes >= openMinutes) continue;
    return zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), openMinutes, hours.timeZone);
  }
  throw new RangeError('business hours have no working day');
}

/**
 * The UTC instant of a wall-clock time in a zone. A DST change happens at most once a day, so
 * the offsets a day before and a day after give every reading of that wall time: the earlier
 * one wins when it occurs twice (autumn), and none fits when the clocks skip it (spring).
 */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const naive = Date.UTC(year, month - 1, day, 0, minutes);
  const readings = [naive - offsetMs(new Date(naive - DAY), timeZone), naive - offsetMs(new Date(naive + DAY), timeZone)];
  const exact = readings.filter((instant) => {
    const local = localTime(new Date(instant), timeZone);
    return local.day === day && local.minutes === minutes;
  });
  if (exact.length > 0) return new Date(Math.min(...exact));
  // The opening falls in a spring-forward gap (02:30 on the night 02:00 jumps to 03:00): the
  // team opens the minute the clocks jump, so step back from the later reading to that minute.
  let instant = Math.max(...readings);
  for (let step = 0; step < MAX_GAP_MINUTES && isGapMinute(instant - MINUTE, day, minutes, timeZone); step++) instant -= MINUTE;
  return new Date(instant);
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The longest DST jump in use is one hour; two leave room for historical oddities. */
const MAX_GAP_MINUTES = 120;

/** True while an instant still reads, locally, as the opening day at or after the opening time. */
function isGapMinute(instant: number, day: number, minutes: number, timeZone: string): boolean {
  const local = localTime(new Date(instant), timeZone);
  return local.day === day && local.minutes >= minutes;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const local = localTime(instant, timeZone);
  const seconds = instant.getUTCSeconds() * 1000 + instant.getUTCMilliseconds();
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes) + seconds;
  return asUtc - instant.getTime();
}

/**
 * The next opening as the shopper reads it: their language, and their own time zone when the
 * widget sent it (else the team's), in the one format the widget also uses (`formatMoment`).
 *
 * @example formatOpening(new Date('2026-11-23T08:00:00Z'), hours, 'de') // → 'Montag, 23. November um 09:00 MEZ'
 */
export function formatOpening(date: Date, hours: BusinessHours, locale: string, shopperTimeZone?: string): string {
  const zone = shopperTimeZone && validZone(shopperTimeZone) ? shopperTimeZone : hours.timeZone;
  return formatMoment(date, locale, zone);
}

// Business hours in the team's time zone: open or not, the next opening across weekends and DST, and how it reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../server/config.js';
import { formatOpening, isOpen, nextOpening } from '../../server/handoff/business-hours.js';

const BERLIN: BusinessHours = { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00', timeZone: 'Europe/Berlin' };
const at = (iso: string) => new Date(iso);

describe('isOpen', () => {
  it('follows Berlin winter time (UTC+1)', () => {
    expect(isOpen(at('2026-11-23T07:59:00Z'), BERLIN)).toBe(false); // Monday 08:59
    expect(isOpen(at('2026-11-23T08:00:00Z'), BERLIN)).toBe(true); // Monday 09:00
    expect(isOpen(at('2026-11-23T16:59:00Z'), BERLIN)).toBe(true); // 17:59
    expect(isOpen(at('2026-11-23T17:00:00Z'), BERLIN)).toBe(false); // 18:00: closing time is closed
    expect(isOpen(at('2026-11-21T10:00:00Z'), BERLIN)).toBe(false); // Saturday
  });

  it('follows Berlin summer time (UTC+2)', () => {
    expect(isOpen(at('2026-07-06T06:59:00Z'), BERLIN)).toBe(false); // Monday 08:59 CEST
    expect(isOpen(at('2026-07-06T07:00:00Z'), BERLIN)).toBe(true); // Monday 09:00 CEST
  });

  it('uses the local weekday, not the UTC one', () => {
    const tokyo: BusinessHours = { days: [1], open: '08:00', close: '10:00', timeZone: 'Asia/Tokyo' };
    expect(isOpen(at('2026-11-22T23:30:00Z'), tokyo)).toBe(true); // Sunday in UTC, Monday 08:30 in Tokyo
  });

  it('treats 24:00 as midnight', () => {
    const late: BusinessHours = { days: [0, 1, 2, 3, 4, 5, 6], open: '20:00', close: '24:00', timeZone: 'UTC' };
    expect(isOpen(at('2026-11-23T23:59:00Z'), late)).toBe(true);
    expect(isOpen(at('2026-11-24T00:00:00Z'), late)).toBe(false);
  });
});

describe('nextOpening', () => {
  it('is now while open', () => {
    const now = at('2026-11-23T10:00:00Z');
    expect(nextOpening(now, BERLIN)).toEqual(now);
  });

  it('is later the same day before opening, and Monday after a Friday evening', () => {
    expect(nextOpening(at('2026-11-23T05:00:00Z'), BERLIN).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(nextOpening(at('2026-11-20T17:30:00Z'), BERLIN).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('moves with daylight saving time in both directions', () => {
    // Clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
    expect(nextOpening(at('2026-03-28T12:00:00Z'), BERLIN).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(nextOpening(at('2026-10-23T17:00:00Z'), BERLIN).toISOString()).toBe('2026-10-26T08:00:00.000Z');
    const newYork: BusinessHours = { days: [0, 1, 2, 3, 4, 5, 6], open: '09:00', close: '17:00', timeZone: 'America/New_York' };
    expect(nextOpening(at('2026-03-07T23:00:00Z'), newYork).toISOString()).toBe('2026-03-08T13:00:00.000Z'); // EDT from that day
  });

  it('opens when the clocks jump if the opening time falls in the spring-forward gap', () => {
    const night: BusinessHours = { days: [0], open: '02:30', close: '06:00', timeZone: 'Europe/Berlin' };
    // 2026-03-29 02:30 does not exist in Berlin: 02:00 CET jumps to 03:00 CEST at 01:00Z.
    expect(nextOpening(at('2026-03-28T12:00:00Z'), night).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(nextOpening(at('2026-04-04T12:00:00Z'), night).toISOString()).toBe('2026-04-05T00:30:00.000Z');
  });

  it('takes the first of the two 02:30s on the night the clocks go back', () => {
    const night: BusinessHours = { days: [0], open: '02:30', close: '06:00', timeZone: 'Europe/Berlin' };
    // 2026-10-25: 02:30 CEST (00:30Z) comes first, 02:30 CET (01:30Z) an hour later.
    expect(nextOpening(at('2026-10-24T12:00:00Z'), night).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('waits a whole week for a single working day that just closed', () => {
    const saturdays: BusinessHours = { days: [6], open: '10:00', close: '12:00', timeZone: 'Europe/Berlin' };
    expect(nextOpening(at('2026-11-21T12:00:00Z'), saturdays).toISOString()).toBe('2026-11-28T09:00:00.000Z');
  });

  it('always lands on an open minute, never skipping one (any zone, any instant)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom('00:00', '02:30', '09:00'), // 02:30 meets the DST gaps and repeats
        (ms, timeZone, days, open) => {
          const hours: BusinessHours = { days, open, close: '17:30', timeZone };
          const now = new Date(Math.floor(ms / 60_000) * 60_000);
          const next = nextOpening(now, hours);
          expect(isOpen(next, hours)).toBe(true);
          expect(next.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(8 * 24 * 3_600_000);
          if (next.getTime() > now.getTime()) expect(isOpen(new Date(next.getTime() - 60_000), hours)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatOpening', () => {
  const monday = at('2026-11-23T08:00:00Z');

  it('names weekday, date and 24-hour time in the team zone, in the shopper\'s language', () => {
    expect(formatOpening(monday, BERLIN, 'en')).toBe('Monday, November 23 at 09:00 Germany Time');
    expect(formatOpening(monday, BERLIN, 'de')).toBe('Montag, 23. November um 09:00 MEZ');
    expect(formatOpening(monday, BERLIN, 'zh')).toMatch(/^11月23日星期一.*09:00$/);
  });

  it('uses the shopper\'s own time zone when the widget sent one', () => {
    expect(formatOpening(monday, BERLIN, 'ja', 'Asia/Tokyo')).toBe('11月23日月曜日 17:00 JST');
    expect(formatOpening(monday, BERLIN, 'en', 'Not/AZone')).toBe('Monday, November 23 at 09:00 Germany Time');
  });

  it('falls back to English for a locale tag the runtime rejects', () => {
    expect(formatOpening(monday, BERLIN, 'not a locale!')).toMatch(/^Monday, November 23 at 09:00/);
  });
});

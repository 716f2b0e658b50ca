import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShouting } from '../../server/triage/sentiment.js';

/** The definition isShouting's ASCII scan must keep: words of 3+ letters, counted by the regex. */
function shoutingByRegex(text: string): boolean {
  if (text === text.toLowerCase()) return false;
  const words = text.match(/\p{L}{3,}/gu);
  if (!words || words.length < 2) return false;
  const caps = words.filter((word) => word === word.toUpperCase() && word !== word.toLowerCase());
  return caps.filter((word) => word.length >= 4).length >= 2 || caps.length / words.length >= 0.6;
}

describe('isShouting', () => {
  it('hears capitals, not acronyms', () => {
    expect(isShouting('HUMAN. PLEASE.')).toBe(true);
    expect(isShouting('WHERE IS THE PARCEL')).toBe(true);
    expect(isShouting('my DHL parcel from UPS')).toBe(false);
    expect(isShouting('Where is my order?')).toBe(false);
    expect(isShouting('WO IST MEINE BESTELLUNG?')).toBe(true);
    expect(isShouting('ÜBERALL NUR ÄRGER')).toBe(true);
  });

  it('counts ASCII text as the letter-run regex does', () => {
    const chars = fc.constantFrom(...'abcXYZ HELP me 12.!'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((list) => list.join('')), (text) => {
        expect(isShouting(text)).toBe(shoutingByRegex(text));
      }),
      { numRuns: 3000 },
    );
  });
});

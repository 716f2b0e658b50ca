// Property tests: arbitrary Unicode (emoji, combining marks, RTL and zero-width characters, every
// Object.prototype name) never makes triage or the intent loader throw, and invisible characters
// never hide a term from the matcher.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntentLoadError } from '../../server/intents/load-intents.js';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { intentSetFrom, projectIntents } from '../support/intents.js';

const PROTOTYPE_NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  ...Object.getOwnPropertyNames(Array.prototype),
  'prototype',
];
const ODD_PIECES = [
  '\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202e', '\u2066', '\u0301', '\u0308',
  '😡', '👍🏽', '👨‍👩‍👧', '🔥', 'ｆｉｒｅ', 'ﾍﾝﾋﾟﾝ', 'עברית', 'مرحبا', 'İ', 'ß', '\u0000', '\ud800', '!!!', "'", '...', ' ',
];
const piece = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom(...ODD_PIECES), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }));
const message = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(' '));

describe('triage on arbitrary Unicode', () => {
  it('has prototype names to try', () => {
    expect(PROTOTYPE_NAMES).toContain('constructor');
    expect(PROTOTYPE_NAMES).toContain('__proto__');
  });

  it('never throws and always returns a valid intent', () => {
    const set = projectIntents();
    fc.assert(
      fc.property(message, (text) => {
        const result = triage(text, NO_HISTORY, set);
        expect(result.intents).toHaveLength(6);
        expect(Number.isFinite(result.sentiment.score)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('triages a message full of Object.prototype names like any other', () => {
    const set = projectIntents();
    const result = triage('constructor __proto__ toString hasOwnProperty valueOf: where is my order?', NO_HISTORY, set);
    expect(result.intent).toBe('logistics');
    const fire = triage('my Constructor toy caught fire and burned my child', NO_HISTORY, set);
    expect(fire.safety).toBe(true);
    expect(fire.urgency).toBe('critical');
  });

  it('sees through zero-width characters and soft hyphens', () => {
    const set = projectIntents();
    for (const text of ['the charger caught fi\u200bre', 'it caught f\u00adire', 'ca\u200dught fi\u2060re', 're\u200bfund please']) {
      const result = triage(text, NO_HISTORY, set);
      expect(result.safety || result.intent === 'refund', text).toBe(true);
    }
    expect(triage('the charger caught fi\u200bre', NO_HISTORY, set).urgency).toBe('critical');
  });
});

describe('intent loader on arbitrary terms', () => {
  it('accepts Object.prototype names as keywords and matches them as words', () => {
    const set = intentSetFrom({ 'refund.yaml': 'intent: refund\nkeywords:\n  en:\n    constructor: 3\n    __proto__: 3\n    toString: 3\n' });
    expect(triage('constructor', NO_HISTORY, set).intent).toBe('refund');
    expect(triage('tostring', NO_HISTORY, set).intent).toBe('refund');
    expect(triage('hasOwnProperty', NO_HISTORY, set).intent).toBe('other');
  });

  it('either compiles or rejects with IntentLoadError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.constantFrom('en', 'ja', 'de', 'constructor', '__proto__'), (parts, language) => {
        const term = JSON.stringify(parts.join(' '));
        try {
          const set = intentSetFrom({ 'payment.yaml': `intent: payment\nkeywords:\n  ${JSON.stringify(language)}:\n    ${term}: 2\nexclude:\n  en: [${term}]\n` });
          triage(parts.join(' '), NO_HISTORY, set);
        } catch (error) {
          expect(error).toBeInstanceOf(IntentLoadError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

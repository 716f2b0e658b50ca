// Unit tests of the pure report pieces: RFC 4180 CSV fields, the primary hand-over reason,
// nearest-rank percentiles, keyword hit counts and the complaint-case rule for follow-ups.
import { describe, expect, it } from 'vitest';
import { isComplaintCase, primaryHandoffReason } from '../../server/handoff/handoff-reason.js';
import { csvField, toCsv } from '../../server/reports/csv.js';
import { keywordHits } from '../../server/reports/keyword-hits.js';
import { percentile } from '../../server/reports/report-summary.js';
import { IntentFile } from '../../server/intents/intent-file-schema.js';
import type { TriageResult } from '../../server/protocol.js';

describe('csv', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles the quotes', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'two\nlines'], [null, 3]])).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n,3\r\n');
  });

  it('defuses fields a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-1)).toBe('-1');
  });
});

describe('primaryHandoffReason', () => {
  const table: Array<[string[], string]> = [
    [['intent:complaint', 'sentiment:negative', 'safety:fire', 'complaint:negative'], 'safety'],
    [['intent:human', 'request:human'], 'request'],
    [['intent:complaint', 'sentiment:negative', 'threat:legal', 'sentiment:very_negative'], 'threat'],
    [['bot:could_not_help'], 'bot'],
    [['payment:billing_error'], 'payment'],
    [['agent:took_over'], 'agent'],
    [['intent:other', 'sentiment:negative'], 'other'],
  ];
  it('has a table', () => expect(table.length).toBeGreaterThan(5));
  it.each(table)('%j → %s', (reasons, expected) => expect(primaryHandoffReason(reasons)).toBe(expected));
});

describe('isComplaintCase', () => {
  it('is a complaint intent, a complaint reason or a safety reason', () => {
    expect(isComplaintCase('complaint', [])).toBe(true);
    expect(isComplaintCase('refund', ['safety:burn'])).toBe(true);
    expect(isComplaintCase('human', ['intent:human', 'request:human'])).toBe(false);
  });
});

describe('percentile', () => {
  it('uses the nearest rank and gives null for no values', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([30, 10, 20], 0.5)).toBe(20);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([5], 0.9)).toBe(5);
  });
});

describe('keywordHits', () => {
  const file = IntentFile.parse({ intent: 'refund', keywords: { en: { refund: 3, '=rma': 2 } }, phrases: { en: { 'money back': 2 } } });
  const triage = (matched: string[]): TriageResult => ({
    intent: 'refund',
    intents: [{ intent: 'refund', score: 1, matched }],
    sentiment: { score: 0, label: 'neutral' },
    urgency: 'normal',
    safety: false,
    language: 'en',
    entities: { orderIds: [], emails: [], amounts: [] },
    handoff: false,
    reasons: [],
  });
  it('counts terms once per message and lists the terms that never fired', () => {
    const hits = keywordHits([triage(['refund', 'refund']), triage(['refund', 'money back']), null], [file]);
    expect(hits.fired).toEqual([
      { term: 'refund', intent: 'refund', count: 2 },
      { term: 'money back', intent: 'refund', count: 1 },
    ]);
    expect(hits.neverFired).toEqual([{ term: 'rma', intent: 'refund' }]);
  });
});

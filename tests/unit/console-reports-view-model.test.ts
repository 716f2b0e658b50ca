// The Reports page's pure model: period → from/to at a pinned clock, durations, percents, ratings,
// and the sort order of reasons and keyword hits.
import { describe, expect, it } from 'vitest';
import {
  dateInputValue,
  formatDuration,
  formatPercent,
  formatRating,
  keywordHits,
  ledgerFileName,
  periodRange,
  reasonRows,
} from '../../server/console/reports-view-model';

const NOW = Date.parse('2025-11-07T15:30:00.000Z');
const DAY = 86_400_000;

describe('periodRange', () => {
  it('gives the last 7 and 30 days up to now', () => {
    expect(periodRange({ kind: 'last7' }, NOW)).toEqual({ from: '2025-10-31T15:30:00.000Z', to: '2025-11-07T15:30:00.000Z' });
    expect(periodRange({ kind: 'last30' }, NOW)).toEqual({ from: new Date(NOW - 30 * DAY).toISOString(), to: '2025-11-07T15:30:00.000Z' });
  });

  it('covers whole local days for a custom period, the end day included', () => {
    // Expected values built with local-time Date parts, so the test holds in any time zone.
    expect(periodRange({ kind: 'custom', from: '2025-11-01', to: '2025-11-03' }, NOW)).toEqual({
      from: new Date(2025, 10, 1).toISOString(),
      to: new Date(2025, 10, 4).toISOString(),
    });
    expect(periodRange({ kind: 'custom', from: '2025-12-31', to: '2025-12-31' }, NOW)).toEqual({
      from: new Date(2025, 11, 31).toISOString(),
      to: new Date(2026, 0, 1).toISOString(),
    });
  });

  it.each([
    ['2025-11-05', '2025-11-01'],
    ['', '2025-11-01'],
    ['2025-02-30', '2025-03-02'],
    ['11/01/2025', '2025-11-02'],
  ])('rejects the custom period %s – %s', (from, to) => {
    expect(periodRange({ kind: 'custom', from, to }, NOW)).toBeNull();
  });

  it('formats local days for date inputs and names the ledger for the days it covers', () => {
    expect(dateInputValue(new Date(2025, 0, 5, 23, 59).getTime())).toBe('2025-01-05');
    const range = periodRange({ kind: 'custom', from: '2025-11-01', to: '2025-11-03' }, NOW)!;
    expect(ledgerFileName(range)).toBe('complaint-ledger-2025-11-01-2025-11-03.csv');
  });
});

describe('formatDuration', () => {
  it.each([
    [250, '4 min 10 s'],
    [45, '45 s'],
    [0, '0 s'],
    [240, '4 min'],
    [59.6, '1 min'],
    [3600, '1 h'],
    [3900, '1 h 5 min'],
    [3959, '1 h 5 min'], // seconds stop mattering once it takes hours
    [-5, '0 s'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%j s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('takes translated units', () => {
    expect(formatDuration(250, { h: '小时', min: '分钟', s: '秒' })).toBe('4 分钟 10 秒');
  });
});

describe('formatPercent and formatRating', () => {
  it.each([
    [0.4231, '42.3%'],
    [0.5, '50%'],
    [1, '100%'],
    [0, '0%'],
    [0.99949, '99.9%'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%j → %s', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });

  it('shows the average rating out of 5', () => {
    expect(formatRating(4.25)).toBe('4.3 / 5');
    expect(formatRating(null)).toBe('—');
  });
});

describe('summary lists', () => {
  it('sorts handoff reasons by count, then name, with their share of all handoffs', () => {
    const rows = reasonRows({ 'sentiment:negative': 3, 'safety:fire': 1, 'request:human': 3 }, 8);
    expect(rows.map((r) => [r.reason, r.count, r.share])).toEqual([
      ['request:human', 3, 0.375],
      ['sentiment:negative', 3, 0.375],
      ['safety:fire', 1, 0.125],
    ]);
    expect(reasonRows({ x: 0 }, 0)[0]!.share).toBeNull();
  });

  it('sorts fired keywords by count and groups never-fired ones by intent', () => {
    const hits = keywordHits({
      fired: [
        { term: 'refund', intent: 'refund', count: 2 },
        { term: 'where', intent: 'logistics', count: 9 },
      ],
      neverFired: [
        { term: 'rma', intent: 'refund' },
        { term: 'customs', intent: 'logistics' },
        { term: 'credited', intent: 'refund' },
      ],
    });
    expect(hits.fired.map((k) => k.term)).toEqual(['where', 'refund']);
    expect(hits.neverFired).toEqual([
      { intent: 'logistics', terms: ['customs'] },
      { intent: 'refund', terms: ['credited', 'rma'] },
    ]);
  });
});

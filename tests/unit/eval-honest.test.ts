// The honest-evaluation tools: the fixed tune/check split, per-language scores and the leak check.
import { describe, expect, it } from 'vitest';
import { devHalf, fnv1a, rowsOfHalf } from '../../server/eval/dev-split.js';
import { evaluate } from '../../server/eval/evaluate.js';
import { findTermLeaks, LEAK_MAX_ROWS } from '../../server/eval/term-leaks.js';
import { intentSetFrom } from '../support/intents.js';

describe('dev split', () => {
  it('depends on the text alone and is stable across runs (FNV-1a)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(devHalf('where is my order')).toBe(devHalf('where is my order'));
  });

  it('splits rows into two halves of about the same size, keeping order', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ text: `message number ${i}` }));
    const tune = rowsOfHalf(rows, 'tune');
    const check = rowsOfHalf(rows, 'check');
    expect(tune.length + check.length).toBe(2000);
    expect(Math.abs(tune.length - check.length)).toBeLessThan(150);
    expect(tune.some((row) => check.includes(row))).toBe(false);
    expect(check).toEqual([...check].sort((a, b) => rows.indexOf(a) - rows.indexOf(b)));
  });
});

describe('evaluate byLanguage', () => {
  it('scores each language of the rows on its own', () => {
    const rows = [
      { text: 'a', intent: 'refund' as const, negative: true, lang: 'de' },
      { text: 'b', intent: 'payment' as const, negative: false, lang: 'de' },
      { text: 'c', intent: 'refund' as const, handoff: true, lang: 'ja' },
    ];
    const predictions = [
      { intent: 'refund' as const, negative: true, handoff: false },
      { intent: 'refund' as const, negative: false, handoff: false },
      { intent: 'refund' as const, negative: false, handoff: true },
    ];
    const report = evaluate(rows, predictions, 0.1);
    expect(Object.keys(report.byLanguage!)).toEqual(['de', 'ja']);
    expect(report.byLanguage!.de).toMatchObject({ n: 2, intent: { accuracy: 0.5 }, negative: { f1: 1 } });
    expect(report.byLanguage!.de!.handoff).toBeUndefined();
    expect(report.byLanguage!.ja).toMatchObject({ n: 1, intent: { accuracy: 1 }, handoff: { recall: 1 } });
  });

  it('has no byLanguage when no row carries a lang', () => {
    expect(evaluate([{ text: 'a', intent: 'refund' }], [{ intent: 'refund', negative: false, handoff: false }], 0).byLanguage).toBeUndefined();
  });
});

describe('findTermLeaks', () => {
  const set = intentSetFrom({ 'refund.yaml': 'intent: refund\nkeywords:\n  en:\n    refund: 3\n    zorblax: 2\n    never: 1\n' });
  const rows = [{ text: 'refund please' }, { text: 'a refund now' }, { text: 'refund it' }, { text: 'my zorblax refund' }];

  it('warns about a term that occurs in two or fewer rows, with where', () => {
    const leaks = findTermLeaks(set, [{ source: 'rows.jsonl', rows }]);
    expect(leaks).toEqual([{ file: 'refund.yaml', section: 'keywords/phrases', language: 'en', term: 'zorblax', rows: 1, where: ['rows.jsonl:4'] }]);
    expect(LEAK_MAX_ROWS).toBe(2);
  });

  it('says nothing of terms found in many rows or in none', () => {
    const leaks = findTermLeaks(set, [{ source: 'rows.jsonl', rows: rows.slice(0, 3) }]);
    expect(leaks).toEqual([]);
  });
});

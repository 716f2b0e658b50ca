// The Intents page's pure models: editor rows → patch (removals, weights, empty rows, problems), the
// Save gate, score bars, precision/recall deltas, flip sorting and intent-file error lines.
import { describe, expect, it } from 'vitest';
import {
  compareLanguages,
  compareReports,
  deltaTone,
  fileErrorsOf,
  formatDelta,
  formatFileError,
  scoreBars,
  sortFlips,
} from '../../server/console/intents-eval-view-model';
import { blankTermRow, buildPatch, canonical, canSave, changedFields, editorFromData, parseWeight } from '../../server/console/intents-view-model';
import type { EvalReport, Flip, IntentData } from '../../server/protocol';

const data = (): IntentData => ({
  intent: 'refund',
  priority: 40,
  negatable: false,
  keywords: { en: { refund: 3.5, return: 2.5 }, de: { erstattung: 3.5 } },
  phrases: { en: { 'money back': 3 } },
  exclude: { en: ['refund policy'] },
  replies: { en: { ask_order_id: { acknowledge: 'I can help.', empathize: 'Sorry.', reassure: 'What is your order number?' } } },
});

describe('editor rows → patch', () => {
  it('round-trips the file unchanged: the same patch, and no changed fields', () => {
    const original = data();
    const { patch, problems } = buildPatch(editorFromData(original));
    expect(problems).toEqual([]);
    expect(patch).toEqual({ keywords: original.keywords, phrases: original.phrases, exclude: original.exclude, replies: original.replies, priority: 40, negatable: false });
    expect(changedFields(patch, original)).toEqual({});
  });

  it('drops a removed term and sends only the section that changed', () => {
    const state = editorFromData(data());
    state.keywords.splice(state.keywords.findIndex((r) => r.term === 'refund'), 1);
    const changes = changedFields(buildPatch(state).patch, data());
    expect(Object.keys(changes)).toEqual(['keywords']);
    expect(changes.keywords).toEqual({ en: { return: 2.5 }, de: { erstattung: 3.5 } });
  });

  it('parses edited weights as numbers, a decimal comma included', () => {
    const state = editorFromData(data());
    state.keywords[0]!.weight = ' 2,5 ';
    state.keywords[1]!.weight = '-1';
    const { patch, problems } = buildPatch(state);
    expect(problems).toEqual([]);
    expect(patch.keywords.en).toEqual({ refund: 2.5, return: -1 });
    expect(typeof patch.keywords.en!.refund).toBe('number');
  });

  it('ignores rows whose term is empty, whatever their weight', () => {
    const state = editorFromData(data());
    state.phrases.push(blankTermRow(state.phrases), { lang: 'en', term: '   ', weight: 'oops' });
    const { patch, problems } = buildPatch(state);
    expect(problems).toEqual([]);
    expect(patch.phrases).toEqual(data().phrases);
  });

  it('flags a bad weight, a bad language and a duplicate by row, and leaves them out of the patch', () => {
    const state = editorFromData(data());
    state.keywords.push({ lang: 'en', term: 'refunded', weight: 'abc' }, { lang: 'en', term: 'rma', weight: '11' });
    state.keywords.push({ lang: 'english', term: 'cancel', weight: '2' }, { lang: 'EN', term: 'Refund', weight: '1' });
    const { patch, problems } = buildPatch(state);
    expect(problems).toEqual([
      { section: 'keywords', index: 3, code: 'weight_not_number' },
      { section: 'keywords', index: 4, code: 'weight_range' },
      { section: 'keywords', index: 5, code: 'lang_invalid' },
      { section: 'keywords', index: 6, code: 'duplicate' },
    ]);
    expect(patch.keywords.en).toEqual({ refund: 3.5, return: 2.5 });
  });

  it('flags an incomplete reply template and a priority outside 0..100', () => {
    const state = editorFromData(data());
    state.replies[0]!.empathize = '  ';
    state.priority = '101';
    expect(buildPatch(state).problems).toEqual([
      { section: 'priority', index: 0, code: 'priority_invalid' },
      { section: 'replies', index: 0, code: 'reply_incomplete' },
    ]);
  });

  it.each([
    ['2.5', 2.5],
    ['2,5', 2.5],
    ['.5', 0.5],
    ['+3', 3],
    ['', null],
    ['1e3', null],
    ['two', null],
    ['2.5.1', null],
  ])('parseWeight(%j) → %j', (raw, expected) => {
    expect(parseWeight(raw)).toBe(expected);
  });
});

describe('the Save gate', () => {
  const edited = () => {
    const state = editorFromData(data());
    state.keywords[0]!.weight = '3';
    return changedFields(buildPatch(state).patch, data());
  };

  it('opens only after an evaluation of exactly the current edits', () => {
    const changes = edited();
    expect(canSave(changes, [], null)).toBe(false);
    expect(canSave(changes, [], canonical(changes))).toBe(true);
    expect(canSave({ ...changes, negatable: true }, [], canonical(changes))).toBe(false);
  });

  it('stays closed with problems or without changes', () => {
    const changes = edited();
    expect(canSave(changes, [{ section: 'keywords', index: 0, code: 'weight_range' }], canonical(changes))).toBe(false);
    expect(canSave({}, [], canonical({}))).toBe(false);
  });

  it('compares edits by content, not key order', () => {
    expect(canonical({ b: 1, a: { y: [1, 2], x: 'z' } })).toBe(canonical({ a: { x: 'z', y: [1, 2] }, b: 1 }));
    expect(canonical({ a: [1, 2] })).not.toBe(canonical({ a: [2, 1] }));
  });
});

describe('score bars', () => {
  it('sorts by score, scales to the highest and marks the chosen intent', () => {
    const bars = scoreBars({
      intent: 'refund',
      intents: [
        { intent: 'payment', score: 1, matched: ['charged'] },
        { intent: 'refund', score: 4, matched: ['refund', 'money back'] },
        { intent: 'other', score: 0, matched: [] },
      ],
    });
    expect(bars.map((b) => [b.intent, b.share, b.top])).toEqual([['refund', 1, true], ['payment', 0.25, false], ['other', 0, false]]);
    expect(bars[0]!.matched).toEqual(['refund', 'money back']);
  });

  it('gives empty bars when nothing scored', () => {
    expect(scoreBars({ intent: 'other', intents: [{ intent: 'other', score: 0, matched: [] }] })[0]!.share).toBe(0);
  });
});

describe('evaluation deltas', () => {
  const report = (perIntent: Record<string, [number, number]>): EvalReport => ({
    n: 10,
    msPerMessage: 0.1,
    intent: {
      accuracy: 0.9,
      macroF1: 0.9,
      confusion: {},
      perIntent: Object.fromEntries(Object.entries(perIntent).map(([k, [precision, recall]]) => [k, { precision, recall, f1: 0, support: 5 }])),
    },
  });

  it('compares precision and recall per intent, with float noise rounded away', () => {
    const rows = compareReports(report({ refund: [0.6, 0.7], payment: [1, 1] }), report({ refund: [0.7, 0.6], complaint: [0.5, 0.5] }));
    expect(rows.map((r) => r.intent)).toEqual(['refund', 'payment', 'complaint']);
    expect(rows[0]!.precision).toEqual({ current: 0.6, candidate: 0.7, delta: 0.1 });
    expect(rows[0]!.recall.delta).toBe(-0.1);
    expect(rows[1]!.precision).toEqual({ current: 1, candidate: null, delta: null });
  });

  it.each([
    [0.05, '+0.05', 'up'],
    [-0.031, '−0.03', 'down'],
    [0.004, '0.00', 'same'],
    [-0.004, '0.00', 'same'],
    [null, '—', 'same'],
  ] as const)('formatDelta(%j) → %s (%s)', (delta, text, tone) => {
    expect(formatDelta(delta)).toBe(text);
    expect(deltaTone(delta)).toBe(tone);
  });
});

describe('flips', () => {
  it('lists rows the edit breaks first, then fixes, then wrong-to-wrong; by expected intent, then text', () => {
    const flips: Flip[] = [
      { text: 'b wrong to wrong', expected: 'refund', from: 'payment', to: 'other' },
      { text: 'z fixed', expected: 'logistics', from: 'other', to: 'logistics' },
      { text: 'y broken', expected: 'refund', from: 'refund', to: 'payment' },
      { text: 'a broken', expected: 'refund', from: 'refund', to: 'other' },
      { text: 'x broken', expected: 'complaint', from: 'complaint', to: 'refund' },
    ];
    expect(sortFlips(flips).map((f) => [f.kind, f.text])).toEqual([
      ['broken', 'x broken'],
      ['broken', 'a broken'],
      ['broken', 'y broken'],
      ['fixed', 'z fixed'],
      ['changed', 'b wrong to wrong'],
    ]);
    expect(flips[0]!.text).toBe('b wrong to wrong'); // input untouched
  });
});

describe('intent-file errors', () => {
  it('reads as "file:line path: message"', () => {
    expect(formatFileError({ file: 'intents/refund.yaml', line: 12, column: 5, path: 'keywords.en.refund', message: 'expected number' })).toBe(
      'intents/refund.yaml:12 keywords.en.refund: expected number',
    );
    expect(formatFileError({ file: 'intents/refund.yaml', line: 3, path: ['keywords', 'de', 0], message: 'bad' })).toBe('intents/refund.yaml:3 keywords.de.0: bad');
    expect(formatFileError({ file: 'intents/refund.yaml', message: 'not YAML' })).toBe('intents/refund.yaml: not YAML');
  });

  it('takes well-formed details only', () => {
    expect(fileErrorsOf([{ file: 'a.yaml', line: 1, message: 'x' }, { nope: true }, 'str'])).toEqual([{ file: 'a.yaml', line: 1, message: 'x' }]);
    expect(fileErrorsOf({ file: 'a.yaml' })).toEqual([]);
  });
});

describe('per-language evaluation (SPEC §9 byLanguage)', () => {
  const report = (byLanguage: EvalReport['byLanguage']): EvalReport => ({ n: 10, msPerMessage: 0.02, ...(byLanguage ? { byLanguage } : {}) });
  const scores = (macroF1: number, recall: number, n = 5) => ({
    n,
    intent: { accuracy: macroF1, macroF1, perIntent: {}, confusion: {} },
    handoff: { precision: 1, recall, f1: 1, n },
  });

  it('puts English first, then the other codes, and shows what an edit does to each language', () => {
    const rows = compareLanguages(report({ ja: scores(0.9, 1), en: scores(0.95, 0.9) }), report({ ja: scores(0.8, 1), en: scores(0.95, 1), de: scores(0.7, 0.5, 3) }));
    expect(rows.map((r) => r.language)).toEqual(['en', 'de', 'ja']);
    expect(rows[2]?.macroF1).toEqual({ current: 0.9, candidate: 0.8, delta: -0.1 });
    expect(rows[0]?.handoffRecall.delta).toBe(0.1);
    expect(rows[1]?.macroF1).toEqual({ current: null, candidate: 0.7, delta: null });
    expect(rows[1]?.negativeF1.candidate).toBeNull();
  });

  it('gives no rows when the examples carry no language', () => {
    expect(compareLanguages(report(undefined), report(undefined))).toEqual([]);
  });
});

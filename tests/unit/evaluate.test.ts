import { describe, expect, it } from 'vitest';
import { evaluate, type Prediction } from '../../server/eval/evaluate.js';
import { parseLabelledRows } from '../../server/eval/run-evaluation.js';

const p = (intent: Prediction['intent'], negative = false, handoff = false): Prediction => ({ intent, negative, handoff });

describe('evaluate', () => {
  it('computes accuracy, per-intent precision/recall/F1, macro-F1 and the confusion matrix', () => {
    const rows = [
      { text: 'a', intent: 'refund' as const },
      { text: 'b', intent: 'refund' as const },
      { text: 'c', intent: 'payment' as const },
      { text: 'd', intent: 'payment' as const },
    ];
    const report = evaluate(rows, [p('refund'), p('payment'), p('payment'), p('payment')], 0.5);
    expect(report.n).toBe(4);
    expect(report.intent!.accuracy).toBe(0.75);
    expect(report.intent!.perIntent.refund).toEqual({ precision: 1, recall: 0.5, f1: 0.6667, support: 2 });
    expect(report.intent!.perIntent.payment).toEqual({ precision: 0.6667, recall: 1, f1: 0.8, support: 2 });
    // Macro-F1 averages only intents present in the labels.
    expect(report.intent!.macroF1).toBe(0.7333);
    expect(report.intent!.confusion.refund).toMatchObject({ refund: 1, payment: 1 });
    expect(report.negative).toBeUndefined();
    expect(report.msPerMessage).toBe(0.5);
  });

  it('scores the negative and handoff booleans only over rows that carry them', () => {
    const rows = [
      { text: 'a', negative: true, handoff: true },
      { text: 'b', negative: false },
      { text: 'c', negative: true },
    ];
    const report = evaluate(rows, [p('other', true, true), p('other', true, false), p('other', false, false)], 0);
    expect(report.intent).toBeUndefined();
    expect(report.negative).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, n: 3 });
    expect(report.handoff).toEqual({ precision: 1, recall: 1, f1: 1, n: 1 });
  });
});

describe('parseLabelledRows', () => {
  it('skips blank lines, keeps extra fields and names the bad line', () => {
    expect(parseLabelledRows('{"text":"hi","intent":"other","source":"x"}\n\n')).toEqual([{ text: 'hi', intent: 'other', source: 'x' }]);
    expect(() => parseLabelledRows('{"text":"a"}\n{"text":1}', 'rows.jsonl')).toThrow('rows.jsonl:2: text:');
    expect(() => parseLabelledRows('{"text":"a","intent":"shipping"}', 'rows.jsonl')).toThrow('rows.jsonl:1: intent:');
    expect(() => parseLabelledRows('not json', 'rows.jsonl')).toThrow('rows.jsonl:1: not valid JSON');
  });
});

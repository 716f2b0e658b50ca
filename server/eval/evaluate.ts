/**
 * Pure evaluation of triage against labelled rows (SPEC §2 `relaydesk eval`): intent accuracy,
 * macro-F1, per-intent precision/recall/F1 and the confusion matrix; precision/recall/F1 of the
 * `negative` and `handoff` booleans. A section appears only when some row carries that label.
 *
 * @example evaluate([{ text: 'refund pls', intent: 'refund' }], [{ intent: 'refund', negative: false, handoff: false }], 0.02)
 */
import { z } from 'zod';
import { INTENT_NAMES, IntentName } from '../protocol.js';

export const LabelledRow = z.looseObject({
  text: z.string(),
  intent: IntentName.optional(),
  negative: z.boolean().optional(),
  handoff: z.boolean().optional(),
  /** The row's language (SPEC §9); rows with one are also scored per language. */
  lang: z.string().optional(),
});
export type LabelledRow = z.infer<typeof LabelledRow>;

export interface Prediction {
  intent: IntentName;
  negative: boolean;
  handoff: boolean;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  n: number;
  intent?: {
    accuracy: number;
    macroF1: number;
    perIntent: Record<string, ClassScores & { support: number }>;
    /** confusion[expected][predicted] = count */
    confusion: Record<string, Record<string, number>>;
  };
  negative?: ClassScores & { n: number };
  handoff?: ClassScores & { n: number };
  msPerMessage: number;
  /** Per row `lang` (SPEC §9), present when some row carries one. */
  byLanguage?: Record<string, LanguageReport>;
}

export type LanguageReport = Pick<EvalReport, 'n' | 'intent' | 'negative' | 'handoff'>;

export function evaluate(rows: readonly LabelledRow[], predictions: readonly Prediction[], msPerMessage: number): EvalReport {
  const report: EvalReport = { n: rows.length, msPerMessage: round(msPerMessage, 4) };
  const intentPairs = pairs(rows, predictions, (row) => row.intent, (prediction) => prediction.intent);
  if (intentPairs.length > 0) report.intent = intentScores(intentPairs);
  const negativePairs = pairs(rows, predictions, (row) => row.negative, (prediction) => prediction.negative);
  if (negativePairs.length > 0) report.negative = { ...binaryScores(negativePairs), n: negativePairs.length };
  const handoffPairs = pairs(rows, predictions, (row) => row.handoff, (prediction) => prediction.handoff);
  if (handoffPairs.length > 0) report.handoff = { ...binaryScores(handoffPairs), n: handoffPairs.length };
  const byLanguage = languageReports(rows, predictions);
  if (byLanguage) report.byLanguage = byLanguage;
  return report;
}

function languageReports(rows: readonly LabelledRow[], predictions: readonly Prediction[]): Record<string, LanguageReport> | undefined {
  const languages = [...new Set(rows.map((row) => row.lang).filter((lang): lang is string => !!lang))].sort();
  if (languages.length === 0) return undefined;
  // A null prototype: `lang` is data from a file, and "__proto__" must stay a plain key.
  const out = Object.create(null) as Record<string, LanguageReport>;
  for (const language of languages) {
    const indexes = rows.flatMap((row, i) => (row.lang === language ? [i] : []));
    const { n, intent, negative, handoff } = evaluate(indexes.map((i) => ({ ...rows[i]!, lang: undefined })), indexes.map((i) => predictions[i]!), 0);
    out[language] = { n, ...(intent && { intent }), ...(negative && { negative }), ...(handoff && { handoff }) };
  }
  return out;
}

function pairs<T>(rows: readonly LabelledRow[], predictions: readonly Prediction[], label: (row: LabelledRow) => T | undefined, predicted: (p: Prediction) => T): Array<[T, T]> {
  const out: Array<[T, T]> = [];
  rows.forEach((row, i) => {
    const expected = label(row);
    if (expected !== undefined) out.push([expected, predicted(predictions[i]!)]);
  });
  return out;
}

function intentScores(intentPairs: ReadonlyArray<[IntentName, IntentName]>): NonNullable<EvalReport['intent']> {
  const confusion: Record<string, Record<string, number>> = {};
  for (const expected of INTENT_NAMES) confusion[expected] = Object.fromEntries(INTENT_NAMES.map((p) => [p, 0]));
  let correct = 0;
  for (const [expected, predicted] of intentPairs) {
    confusion[expected]![predicted]!++;
    if (expected === predicted) correct++;
  }
  const perIntent: Record<string, ClassScores & { support: number }> = {};
  const present = INTENT_NAMES.filter((name) => intentPairs.some(([expected]) => expected === name));
  for (const name of INTENT_NAMES) {
    const tp = confusion[name]![name]!;
    const support = INTENT_NAMES.reduce((sum, p) => sum + confusion[name]![p]!, 0);
    const predictedCount = INTENT_NAMES.reduce((sum, e) => sum + confusion[e]![name]!, 0);
    perIntent[name] = { ...scores(tp, predictedCount - tp, support - tp), support };
  }
  // Macro-F1 over the intents that occur in the labels: an absent intent has no recall to average.
  const macroF1 = present.reduce((sum, name) => sum + perIntent[name]!.f1, 0) / Math.max(present.length, 1);
  return { accuracy: round(correct / intentPairs.length), macroF1: round(macroF1), perIntent, confusion };
}

function binaryScores(binaryPairs: ReadonlyArray<[boolean, boolean]>): ClassScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [expected, predicted] of binaryPairs) {
    if (expected && predicted) tp++;
    else if (!expected && predicted) fp++;
    else if (expected && !predicted) fn++;
  }
  return scores(tp, fp, fn);
}

function scores(tp: number, fp: number, fn: number): ClassScores {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Pure: evaluates the live intent set and a candidate on the same labelled rows, and lists the
 * rows whose predicted intent the change would flip. This is what ops see before saving an edit
 * on the Intents page: per-intent precision and recall, before and after, and what moves.
 *
 * @example
 *   const { current, candidate, flips } = compareIntentSets(rows, intents.current(), candidateSet);
 *   // flips → [{ text: 'I want my money back', expected: 'refund', from: 'payment', to: 'refund' }]
 */
import type { IntentSet } from '../intents/compile-intents.js';
import type { EvalReport, LabelledRow } from './evaluate.js';
import { runEvaluation } from './run-evaluation.js';

export interface IntentFlip {
  text: string;
  /** The labelled intent; empty when the row carries no intent label. */
  expected: string;
  from: string;
  to: string;
}

export interface SetComparison {
  current: EvalReport;
  candidate: EvalReport;
  flips: IntentFlip[];
}

export function compareIntentSets(rows: readonly LabelledRow[], current: IntentSet, candidate: IntentSet): SetComparison {
  const before = runEvaluation(rows, current);
  const after = runEvaluation(rows, candidate);
  const flips: IntentFlip[] = [];
  rows.forEach((row, i) => {
    const from = before.predictions[i]!.intent;
    const to = after.predictions[i]!.intent;
    if (from !== to) flips.push({ text: row.text, expected: row.intent ?? '', from, to });
  });
  return { current: before.report, candidate: after.report, flips };
}

/**
 * Runs triage over labelled rows and scores it: the shared core of `relaydesk eval`, the
 * examples test and (later) the console's Intents page. Parses JSON Lines with line numbers.
 *
 * @example runEvaluation(parseLabelledRows(readFileSync('intents/examples.jsonl', 'utf8')), set)
 */
import type { IntentSet } from '../intents/compile-intents.js';
import { NO_HISTORY, triage } from '../triage/triage.js';
import { evaluate, LabelledRow, type EvalReport, type Prediction } from './evaluate.js';

export class RowParseError extends Error {
  readonly code = 'invalid_rows';
}

/** JSON Lines → rows; blank lines are skipped, a bad line throws with its number. */
export function parseLabelledRows(text: string, source = 'input'): LabelledRow[] {
  const rows: LabelledRow[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new RowParseError(`${source}:${i + 1}: not valid JSON`);
    }
    const parsed = LabelledRow.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RowParseError(`${source}:${i + 1}: ${issue.path.join('.') || 'row'}: ${issue.message}`);
    }
    rows.push(parsed.data);
  });
  return rows;
}

/** Each row as its own one-message conversation, so history never leaks between rows. */
export function predictRows(rows: readonly LabelledRow[], set: IntentSet): Prediction[] {
  return rows.map((row) => {
    const result = triage(row.text, NO_HISTORY, set);
    return { intent: result.intent, negative: result.sentiment.label === 'negative', handoff: result.handoff };
  });
}

export function runEvaluation(rows: readonly LabelledRow[], set: IntentSet): { report: EvalReport; predictions: Prediction[] } {
  const started = performance.now();
  const predictions = predictRows(rows, set);
  const elapsed = performance.now() - started;
  return { report: evaluate(rows, predictions, rows.length ? elapsed / rows.length : 0), predictions };
}

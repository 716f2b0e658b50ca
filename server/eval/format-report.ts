/**
 * Readable tables of an evaluation report, for `relaydesk eval` without `--json`.
 */
import { INTENT_NAMES } from '../protocol.js';
import type { ClassScores, EvalReport } from './evaluate.js';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

export function formatReport(report: EvalReport): string {
  const lines = [`rows: ${report.n}   ms/message: ${report.msPerMessage}`];
  if (report.intent) {
    const { accuracy, macroF1, perIntent, confusion } = report.intent;
    lines.push('', `intent  accuracy ${pct(accuracy)}   macro-F1 ${pct(macroF1)}`, '');
    lines.push(`${'intent'.padEnd(10)} precision  recall     f1  support`);
    for (const name of INTENT_NAMES) {
      const s = perIntent[name]!;
      lines.push(`${name.padEnd(10)} ${pct(s.precision)}   ${pct(s.recall)} ${pct(s.f1)} ${String(s.support).padStart(8)}`);
    }
    lines.push('', `confusion (rows: expected, columns: predicted)`);
    lines.push(`${''.padEnd(10)}${INTENT_NAMES.map((n) => n.slice(0, 9).padStart(10)).join('')}`);
    for (const expected of INTENT_NAMES) {
      lines.push(`${expected.padEnd(10)}${INTENT_NAMES.map((p) => String(confusion[expected]![p]).padStart(10)).join('')}`);
    }
  }
  if (report.negative) lines.push('', binaryLine('negative', report.negative));
  if (report.handoff) lines.push(binaryLine('handoff', report.handoff));
  if (report.byLanguage) {
    lines.push('', `${'language'.padEnd(10)}   rows  macro-F1  negative F1  handoff recall`);
    for (const [language, scores] of Object.entries(report.byLanguage)) {
      const cell = (value: number | undefined) => (value === undefined ? '      -' : pct(value));
      lines.push(`${language.padEnd(10)} ${String(scores.n).padStart(6)}   ${cell(scores.intent?.macroF1)}      ${cell(scores.negative?.f1)}         ${cell(scores.handoff?.recall)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function binaryLine(name: string, scores: ClassScores & { n: number }): string {
  return `${name.padEnd(10)} precision ${pct(scores.precision)}  recall ${pct(scores.recall)}  f1 ${pct(scores.f1)}  (n=${scores.n})`;
}

/**
 * The Intents page's read-only pure models: triage scores as bars, per-intent precision/recall
 * of the current set against the candidate with deltas, the flipped example rows, and intent-file
 * errors as "file:line path: message". No DOM, no fetch.
 *
 * @example
 *   formatDelta(0.05); // "+0.05"
 *   sortFlips(preview.flips)[0]; // a row the edit breaks comes first
 *   formatFileError({ file: 'intents/refund.yaml', line: 12, path: 'keywords.en.refund', message: 'expected number' });
 */
import type { TriageResult } from '../protocol';
import type { EvalReport, Flip, IntentFileError } from '../protocol';

export interface ScoreBar {
  intent: string;
  score: number;
  /** Share of the highest score, 0..1, for the bar's length. */
  share: number;
  matched: string[];
  /** The intent triage chose. */
  top: boolean;
}

/** Every intent's score, highest first; the chosen intent is marked even on a tie. */
export function scoreBars(triage: Pick<TriageResult, 'intent' | 'intents'>): ScoreBar[] {
  const max = Math.max(0, ...triage.intents.map((i) => i.score));
  return [...triage.intents]
    .sort((a, b) => b.score - a.score || Number(b.intent === triage.intent) - Number(a.intent === triage.intent))
    .map((i) => ({ intent: i.intent, score: i.score, share: max > 0 ? Math.max(0, i.score) / max : 0, matched: i.matched, top: i.intent === triage.intent }));
}

export type Tone = 'up' | 'down' | 'same';
export interface Compared {
  current: number | null;
  candidate: number | null;
  delta: number | null;
}
export interface CompareRow {
  intent: string;
  support: number;
  precision: Compared;
  recall: Compared;
}

/** Differences below half a hundredth print as 0.00, so they count as no change. */
const SAME = 0.005;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function compared(current: number | undefined, candidate: number | undefined): Compared {
  const a = current ?? null;
  const b = candidate ?? null;
  return { current: a, candidate: b, delta: a === null || b === null ? null : round4(b - a) };
}

/** One row per intent in either report, in the current report's order. */
export function compareReports(current: EvalReport, candidate: EvalReport): CompareRow[] {
  const now = current.intent?.perIntent ?? {};
  const next = candidate.intent?.perIntent ?? {};
  const names = [...new Set([...Object.keys(now), ...Object.keys(next)])];
  return names.map((intent) => ({
    intent,
    support: now[intent]?.support ?? next[intent]?.support ?? 0,
    precision: compared(now[intent]?.precision, next[intent]?.precision),
    recall: compared(now[intent]?.recall, next[intent]?.recall),
  }));
}

export interface LanguageRow {
  language: string;
  n: number;
  macroF1: Compared;
  negativeF1: Compared;
  handoffRecall: Compared;
}

/** One row per language in either report (SPEC §9 `byLanguage`), sorted by code, English first. */
export function compareLanguages(current: EvalReport, candidate: EvalReport): LanguageRow[] {
  const now = current.byLanguage ?? {};
  const next = candidate.byLanguage ?? {};
  const codes = [...new Set([...Object.keys(now), ...Object.keys(next)])].sort((a, b) => Number(b === 'en') - Number(a === 'en') || a.localeCompare(b));
  return codes.map((language) => ({
    language,
    n: next[language]?.n ?? now[language]?.n ?? 0,
    macroF1: compared(now[language]?.intent?.macroF1, next[language]?.intent?.macroF1),
    negativeF1: compared(now[language]?.negative?.f1, next[language]?.negative?.f1),
    handoffRecall: compared(now[language]?.handoff?.recall, next[language]?.handoff?.recall),
  }));
}

export function formatScore(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '—' : x.toFixed(2);
}

/** "+0.05", "−0.03" (a real minus sign, the width of the plus), "0.00"; "—" when a side is missing. */
export function formatDelta(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  if (Math.abs(delta) < SAME) return '0.00';
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(2)}`;
}

export function deltaTone(delta: number | null): Tone {
  if (delta === null || Math.abs(delta) < SAME) return 'same';
  return delta > 0 ? 'up' : 'down';
}

/** broken: was right, now wrong; fixed: was wrong, now right; changed: wrong either way. */
export type FlipKind = 'broken' | 'fixed' | 'changed';

export function flipKind(flip: Flip): FlipKind {
  if (flip.from === flip.expected) return 'broken';
  if (flip.to === flip.expected) return 'fixed';
  return 'changed';
}

const FLIP_ORDER: Readonly<Record<FlipKind, number>> = { broken: 0, fixed: 1, changed: 2 };

/** Rows the edit breaks first (what ops must look at), then fixes, then the rest; by expected intent, then text. */
export function sortFlips(flips: readonly Flip[]): Array<Flip & { kind: FlipKind }> {
  return flips
    .map((f) => ({ ...f, kind: flipKind(f) }))
    .sort((a, b) => FLIP_ORDER[a.kind] - FLIP_ORDER[b.kind] || a.expected.localeCompare(b.expected) || a.text.localeCompare(b.text));
}

/** "intents/refund.yaml:12 keywords.en.refund: expected a number". */
export function formatFileError(e: IntentFileError): string {
  const where = e.line ? `${e.file}:${e.line}` : e.file;
  const path = Array.isArray(e.path) ? e.path.join('.') : (e.path ?? '');
  return path ? `${where} ${path}: ${e.message}` : `${where}: ${e.message}`;
}

/** The `details` of a 422 `invalid_intents`, read defensively (any other body gives []). */
export function fileErrorsOf(details: unknown): IntentFileError[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is IntentFileError => typeof d === 'object' && d !== null && typeof d.file === 'string' && typeof d.message === 'string',
  );
}

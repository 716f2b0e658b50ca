/**
 * The Reports page's pure model: a chosen period → `from`/`to` ISO times (the caller passes the
 * clock), percents and durations as people read them, and the summary's lists sorted for display.
 *
 * @example
 *   periodRange({ kind: 'last7' }, Date.now()); // { from: '…', to: '…' }
 *   formatDuration(250); // "4 min 10 s"
 *   formatPercent(0.4231); // "42.3%"
 */
import type { ReportSummary } from '../protocol';

export type Period = { kind: 'last7' } | { kind: 'last30' } | { kind: 'custom'; from: string; to: string };
export interface Range {
  from: string;
  to: string;
}

const DAY = 86_400_000;

/** `YYYY-MM-DD` (a date input's value) → local midnight, or null. */
function localDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Rejects 2025-02-30, which Date would roll over to March.
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}

/**
 * The time range of a period, or null when a custom one is incomplete or backwards. Custom days
 * are the agent's local days, and the `to` day counts whole: it ends at the next local midnight.
 */
export function periodRange(period: Period, now: number): Range | null {
  if (period.kind !== 'custom') {
    const days = period.kind === 'last7' ? 7 : 30;
    return { from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() };
  }
  const from = localDay(period.from);
  const to = localDay(period.to);
  if (!from || !to || to < from) return null;
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1); // calendar day: DST-safe
  return { from: from.toISOString(), to: end.toISOString() };
}

/** A date input's `YYYY-MM-DD` for a time, in local time (for the custom fields' defaults). */
export function dateInputValue(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 0.4231 → "42.3%", 0.5 → "50%"; nothing to divide (null, NaN) → "—". */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

export interface DurationUnits {
  h: string;
  min: string;
  s: string;
}

/**
 * "45 s", "4 min 10 s", "1 h 5 min": seconds matter for a first response, not once it takes hours.
 * No data (null) → "—".
 */
export function formatDuration(seconds: number | null | undefined, units: DurationUnits = { h: 'h', min: 'min', s: 's' }): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return min ? `${h} ${units.h} ${min} ${units.min}` : `${h} ${units.h}`;
  if (min > 0) return s ? `${min} ${units.min} ${s} ${units.s}` : `${min} ${units.min}`;
  return `${s} ${units.s}`;
}

/** 4.25 → "4.3 / 5"; no ratings → "—". */
export function formatRating(average: number | null | undefined): string {
  return average === null || average === undefined || !Number.isFinite(average) ? '—' : `${average.toFixed(1)} / 5`;
}

export interface ReasonRow {
  reason: string;
  count: number;
  /** Share of all handoffs in the period. */
  share: number | null;
}

/** Handoff reasons, most frequent first, ties by name so the table does not jump between loads. */
export function reasonRows(byReason: Readonly<Record<string, number>>, handoffs: number): ReasonRow[] {
  return Object.entries(byReason)
    .map(([reason, count]) => ({ reason, count, share: handoffs > 0 ? count / handoffs : null }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** Keyword hits: fired terms by count; never-fired terms grouped by intent, so ops prune one file at a time. */
export function keywordHits(k: ReportSummary['keywords']): {
  fired: ReportSummary['keywords']['fired'];
  neverFired: Array<{ intent: string; terms: string[] }>;
} {
  const fired = [...k.fired].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
  const groups = new Map<string, string[]>();
  for (const { intent, term } of k.neverFired) groups.set(intent, [...(groups.get(intent) ?? []), term]);
  const neverFired = [...groups].map(([intent, terms]) => ({ intent, terms: terms.sort((a, b) => a.localeCompare(b)) }));
  return { fired, neverFired: neverFired.sort((a, b) => a.intent.localeCompare(b.intent)) };
}

/** The ledger's file name, e.g. "complaint-ledger-2025-11-01-2025-11-07.csv" (local days, as picked). */
export function ledgerFileName(range: Range): string {
  // `to` is exclusive (next midnight), so the file is named for the last day it covers.
  return `complaint-ledger-${dateInputValue(Date.parse(range.from))}-${dateInputValue(Date.parse(range.to) - 1)}.csv`;
}

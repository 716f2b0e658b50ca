/**
 * Reads a conversation's handoff summary for the console. The server types `summary` as
 * `unknown` (its shape is owned by the handoff module and may grow), so every field is read
 * defensively and the triage fills gaps. Pure: no DOM.
 *
 * @example
 *   readSummary({ sentimentTrend: [-0.1, -0.6] }, null).trend; // 'worsening'
 */
import type { TriageResult } from '../protocol';

export type Trend = 'improving' | 'worsening' | 'steady';

export interface SummaryView {
  trend: Trend | null;
  /** Sentiment score per customer turn, oldest first, when the server sends it. */
  perTurn: number[];
  keywords: string[];
  orderIds: string[];
  /** One readable line per order lookup, e.g. "1001 · shipped · DHL · JD123". */
  lookups: string[];
  /** Earlier conversations of the same shopper, one line each. */
  earlier: string[];
}

/** A change in sentiment score smaller than this is "steady" (scores run from -1 to 1). */
const TREND_STEP = 0.2;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String) : [];
const numbers = (v: unknown): number[] =>
  Array.isArray(v) ? v.map((x) => (isRecord(x) ? x.score : x)).filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : [];

/** The primitive values of an object joined with " · "; a string stays as it is. */
export function describeItem(item: unknown): string {
  if (typeof item === 'string' || typeof item === 'number') return String(item);
  if (!isRecord(item)) return '';
  return Object.values(item)
    .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
    .map(String)
    .join(' · ');
}

export function trendOf(scores: readonly number[]): Trend | null {
  const first = scores[0];
  const last = scores[scores.length - 1];
  if (first === undefined || last === undefined || scores.length < 2) return null;
  if (last - first >= TREND_STEP) return 'improving';
  if (first - last >= TREND_STEP) return 'worsening';
  return 'steady';
}

function readTrend(raw: unknown, perTurn: number[]): Trend | null {
  const label = isRecord(raw) ? raw.trend ?? raw.label : raw;
  if (typeof label === 'string') {
    if (/improv|better|up/i.test(label)) return 'improving';
    if (/wors|declin|down/i.test(label)) return 'worsening';
    if (/steady|stable|flat|same/i.test(label)) return 'steady';
  }
  return trendOf(perTurn);
}

/** Triage's matched phrases across intents, without repeats. */
function triageKeywords(triage: TriageResult | null): string[] {
  return [...new Set(triage?.intents.flatMap((i) => i.matched) ?? [])];
}

export function readSummary(summary: unknown, triage: TriageResult | null): SummaryView {
  const s = isRecord(summary) ? summary : {};
  const rawTrend = s.sentimentTrend;
  // The trend may come as a label, as per-turn scores, or as { trend, perTurn|scores }.
  const perTurn = Array.isArray(rawTrend)
    ? numbers(rawTrend)
    : isRecord(rawTrend)
      ? numbers(rawTrend.perTurn ?? rawTrend.scores)
      : numbers(s.sentimentPerTurn);
  const keywords = strings(s.keywords);
  const orderIds = strings(s.orderIds);
  const earlierRaw = s.earlierConversations;
  return {
    trend: readTrend(rawTrend, perTurn),
    perTurn,
    keywords: keywords.length ? keywords : triageKeywords(triage),
    orderIds: orderIds.length ? orderIds : (triage?.entities.orderIds ?? []),
    lookups: (Array.isArray(s.lookups) ? s.lookups : []).map(describeItem).filter(Boolean),
    earlier: typeof earlierRaw === 'number'
      ? [String(earlierRaw)]
      : (Array.isArray(earlierRaw) ? earlierRaw : []).map(describeItem).filter(Boolean),
  };
}

export const TREND_ARROWS: Readonly<Record<Trend, string>> = { improving: '↗', worsening: '↘', steady: '→' };

/**
 * Reads a conversation's handoff summary and customer for the console. The summary is still read
 * field by field, defensively, with the triage filling gaps; the customer is read through the
 * protocol's `CustomerInfo`. Pure: no DOM.
 *
 * @example
 *   readSummary({ sentimentTrend: [-0.1, -0.6] }, null).trend; // 'worsening'
 */
import type { CustomerInfo, IntentName, TriageResult, Urgency } from '../protocol';
import { t } from './i18n';

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
  /** What the looked-up orders hold ("1001: Wireless earbuds × 1, Silicone case × 2"). */
  items: string[];
  /** The case's reasons as codes (the view translates them). */
  reasons: string[];
  intent: IntentName | null;
  urgency: Urgency | null;
  /** The suggested AER opening the server computed. */
  firstLine: string | null;
  /** Closed cases of this same conversation, one line each. */
  earlierCases: string[];
  /** The first found lookup, for filling canned replies. */
  order: { orderId: string; carrier?: string; trackingNumber?: string; estimatedDelivery?: string; total?: string } | null;
}

export interface CustomerView {
  /** "Lena <lena@example.de>" or the email alone; null when none was left. */
  contact: string | null;
  email: string | null;
  country: string | null;
  timeZone: string | null;
  page: string | null;
}

/** The `customer` of a conversation view (typed by the protocol's `CustomerInfo`), as the summary shows it. */
export function readCustomer(c: CustomerInfo): CustomerView {
  const email = c.contact?.email || null;
  const name = c.contact?.name || null;
  return { contact: email ? (name ? `${name} <${email}>` : email) : null, email, country: c.country || null, timeZone: c.timeZone || null, page: c.page || null };
}

const URGENCIES = new Set(['low', 'normal', 'high', 'critical']);
const INTENTS = new Set(['logistics', 'refund', 'payment', 'complaint', 'human', 'other']);

/** One lookup as a line; the tracking link is left out (long, and the number is there). */
function lookupLine(raw: Record<string, unknown>): string {
  const { trackingUrl: _link, ...rest } = raw;
  return describeItem(rest);
}

function caseLine(raw: unknown): string {
  if (!isRecord(raw)) return '';
  const intent = typeof raw.intent === 'string' && INTENTS.has(raw.intent) ? t(`intent_${raw.intent as IntentName}`) : '—';
  const urgency = typeof raw.urgency === 'string' && URGENCIES.has(raw.urgency) ? t(`urgency_${raw.urgency as Urgency}`) : '—';
  return t('earlierCase', { number: String(raw.number ?? '?'), intent, urgency, resolved: String(raw.resolvedAt ?? '—').slice(0, 16).replace('T', ' '), agent: String(raw.resolvedBy ?? '—') });
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
  const lookups: unknown[] = Array.isArray(s.lookups) ? s.lookups : [];
  return {
    trend: readTrend(rawTrend, perTurn),
    perTurn,
    keywords: keywords.length ? keywords : triageKeywords(triage),
    orderIds: orderIds.length ? orderIds : (triage?.entities.orderIds ?? []),
    lookups: lookups.map((l) => (isRecord(l) ? lookupLine(l) : describeItem(l))).filter(Boolean),
    items: lookups.flatMap((l) => (isRecord(l) && Array.isArray(l.items) && l.items.length ? [`${String(l.orderId)}: ${strings(l.items).join(', ')}`] : [])),
    reasons: strings(s.reasons),
    intent: typeof s.intent === 'string' && INTENTS.has(s.intent) ? (s.intent as IntentName) : null,
    urgency: typeof s.urgency === 'string' && URGENCIES.has(s.urgency) ? (s.urgency as Urgency) : null,
    firstLine: typeof s.firstLine === 'string' && s.firstLine !== '' ? s.firstLine : null,
    earlierCases: (Array.isArray(s.earlierCases) ? s.earlierCases : []).map(caseLine).filter(Boolean),
    order: firstFound(lookups),
    earlier: typeof earlierRaw === 'number'
      ? [String(earlierRaw)]
      : (Array.isArray(earlierRaw) ? earlierRaw : []).map(describeItem).filter(Boolean),
  };
}

export const TREND_ARROWS: Readonly<Record<Trend, string>> = { improving: '↗', worsening: '↘', steady: '→' };

function firstFound(lookups: readonly unknown[]): SummaryView['order'] {
  for (const raw of lookups) {
    if (!isRecord(raw) || raw.result !== 'found' || typeof raw.orderId !== 'string') continue;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return { orderId: raw.orderId, carrier: str(raw.carrier), trackingNumber: str(raw.trackingNumber), estimatedDelivery: str(raw.estimatedDelivery), total: str(raw.total) };
  }
  return null;
}

/**
 * Pure: the agent's handoff summary, so the shopper never has to repeat themselves. From the
 * conversation, its transcript, each shopper message's stored triage and the shopper's earlier
 * conversations it derives intent, urgency, reasons, the sentiment per turn and its trend, the
 * keywords that fired, order ids with what the bot already looked up, and a suggested AER opening.
 *
 * @example
 *   const summary = buildHandoffSummary(conversation, messages, triagesById, earlier);
 *   summary.trend; // 'worsening'
 */
import type { ChatMessage, HandoffSummary, LookupSummary, SentimentDirection, TriageResult } from '../protocol.js';
import type { ConversationRecord } from '../store/store.js';
import { earlierCasesOf } from './conversation-case.js';
import { openingLine } from '../i18n/opening-lines.js';

/** A change in sentiment score smaller than this between first and last turn is "steady" (same as the console). */
const TREND_STEP = 0.2;

export function buildHandoffSummary(
  conversation: ConversationRecord,
  messages: readonly ChatMessage[],
  messageTriages: ReadonlyMap<string, TriageResult>,
  earlierConversations: readonly ConversationRecord[],
): HandoffSummary {
  const turns = messages
    .filter((message) => message.from === 'customer')
    .flatMap((message) => messageTriages.get(message.id) ?? []);
  const last = turns.at(-1) ?? conversation.lastTriage ?? undefined;
  const sentimentTrend = turns.map((turn) => turn.sentiment.score);
  const stored: unknown = conversation.botState.lookups;
  const lookups = (Array.isArray(stored) ? stored : []).map(withAgentCopy(conversation.botState.agentLookups)).flatMap(summarizeLookup);
  const orderIds = unique([...turns.flatMap((turn) => turn.entities.orderIds), ...lookups.map((lookup) => lookup.orderId)]);
  const reasons = unique([...conversation.reasons, ...turns.flatMap((turn) => turn.reasons)]);
  const intent = conversation.intent ?? last?.intent ?? 'other';
  return {
    intent,
    urgency: conversation.urgency ?? last?.urgency ?? 'normal',
    reasons,
    sentimentTrend,
    trend: directionOf(sentimentTrend),
    keywords: unique(turns.flatMap((turn) => turn.intents.flatMap((ranked) => ranked.matched))),
    orderIds,
    lookups,
    earlierConversations: earlierConversations
      .filter((earlier) => earlier.id !== conversation.id)
      .map(({ id, createdAt, intent: earlierIntent, status, rating }) => ({ id, createdAt, intent: earlierIntent, status, rating })),
    earlierCases: earlierCasesOf(conversation),
    // In the shopper's language, ready to send (i18n/opening-lines.ts).
    firstLine: openingLine(conversation.language, intent, reasons, orderIds[0]),
  };
}

/**
 * First against last turn, so one odd message in between does not flip the arrow.
 *
 * @example directionOf([-0.1, -0.3, -0.7]) // 'worsening'
 */
export function directionOf(scores: readonly number[]): SentimentDirection {
  const first = scores[0];
  const last = scores.at(-1);
  if (first === undefined || last === undefined) return 'steady';
  if (last - first >= TREND_STEP) return 'improving';
  if (first - last >= TREND_STEP) return 'worsening';
  return 'steady';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The shopper's lookups hide an order's items and tracking until the buyer is known (SPEC §10);
 * the agent reads the full copy the bot kept for them (`agentLookups`, orders/order-privacy.ts).
 */
function withAgentCopy(agentLookups: unknown): (raw: unknown) => unknown {
  const full = new Map<string, unknown>();
  for (const entry of Array.isArray(agentLookups) ? agentLookups : []) {
    if (isRecord(entry) && isRecord(entry.order) && text(entry.order.id)) full.set(String(entry.order.id), entry.order);
  }
  return (raw) => {
    if (!isRecord(raw) || !isRecord(raw.order)) return raw;
    const order = full.get(text(raw.order.id) ?? '');
    return order ? { ...raw, order } : raw;
  };
}

/** Bot state is stored JSON written by the bot; read it defensively and keep what an agent reads. */
function summarizeLookup(raw: unknown): LookupSummary[] {
  if (!isRecord(raw)) return [];
  const order = isRecord(raw.order) ? raw.order : {};
  const orderId = text(raw.orderId) ?? text(order.id);
  if (!orderId) return [];
  const summary: LookupSummary = { orderId, result: text(raw.result) ?? 'found' };
  const fields = {
    status: order.status, carrier: order.carrier, trackingNumber: order.trackingNumber, estimatedDelivery: order.estimatedDelivery,
    trackingUrl: order.trackingUrl, country: order.country, message: raw.message,
  };
  for (const [key, value] of Object.entries(fields)) {
    const field = text(value);
    if (field) summary[key as keyof typeof fields] = field;
  }
  const items = (Array.isArray(order.items) ? order.items : []).flatMap((item) =>
    isRecord(item) && text(item.name) ? [`${text(item.name)} × ${typeof item.quantity === 'number' ? item.quantity : 1}`] : [],
  );
  if (items.length > 0) summary.items = items;
  const total = isRecord(order.total) ? order.total : undefined;
  if (total && typeof total.value === 'number' && text(total.currency)) summary.total = `${total.value} ${text(total.currency)}`;
  return [summary];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

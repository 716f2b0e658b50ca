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
import type { BotState, ChatMessage, HandoffSummary, LookupSummary, OrderLookup, SentimentDirection, TriageResult } from '../protocol.js';
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
  const lookups = conversation.botState.lookups.map(summarizerWithAgentCopy(conversation.botState.agentLookups ?? []));
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

const text = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

/**
 * One line per lookup for the agent. The shopper's lookups hide an order's items and tracking until
 * the buyer is known (SPEC §10); the agent reads the full copy the bot kept for them
 * (`agentLookups`, orders/order-privacy.ts).
 */
function summarizerWithAgentCopy(agentLookups: NonNullable<BotState['agentLookups']>): (lookup: OrderLookup) => LookupSummary {
  const full = new Map(agentLookups.map((entry) => [entry.order.id, entry.order]));
  return (lookup) => {
    if (lookup.result === 'not_found') return { orderId: lookup.orderId, result: lookup.result };
    if (lookup.result === 'unavailable') return { orderId: lookup.orderId, result: lookup.result, message: lookup.message };
    const order = full.get(lookup.order.id) ?? lookup.order;
    const summary: LookupSummary = { orderId: lookup.orderId || order.id, result: lookup.result };
    const fields = { status: order.status, carrier: order.carrier, trackingNumber: order.trackingNumber, estimatedDelivery: order.estimatedDelivery, trackingUrl: order.trackingUrl, country: order.country };
    for (const [key, value] of Object.entries(fields)) {
      const field = text(value);
      if (field) summary[key as keyof typeof fields] = field;
    }
    const items = order.items.map((item) => `${item.name} × ${item.quantity}`);
    if (items.length > 0) summary.items = items;
    summary.total = `${order.total.value} ${order.total.currency}`;
    return summary;
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Owns the bot's answers about orders (pure): logistics (status and tracking per order status,
 * general delivery and customs questions) and refunds (refund or exchange, cancellation while
 * processing, refund status, policy). Every missing order field has a plain fallback, so a
 * shop API that omits one never breaks a reply.
 *
 * @example planLogistics({ triage, text, lookup: { orderId: '1001', result: 'found', order }, askedBefore: false, context, language: 'en' })
 *   // → { kind: 'reply', intent: 'logistics', situation: 'status_shipped', vars: { carrier: 'DHL', ... }, helped: true }
 */
import type { Order, OrderLookup, OrderStatus } from '../orders/order-provider.js';
import type { IntentName } from '../protocol.js';
import { aerLanguage, FALLBACK_LANGUAGE, type AerVars } from './aer-templates.js';
import { matchedTerms, mentions, type Plan, type PlanInput } from './plan.js';
import { orderWords } from '../i18n/order-words.js';

type Template = { intent: IntentName; situation: string };

const LOGISTICS_BY_STATUS: Record<OrderStatus, Template> = {
  processing: { intent: 'logistics', situation: 'status_processing' },
  shipped: { intent: 'logistics', situation: 'status_shipped' },
  delivered: { intent: 'logistics', situation: 'status_delivered' },
  delayed: { intent: 'logistics', situation: 'status_delayed' },
  lost: { intent: 'logistics', situation: 'status_lost' },
  cancelled: { intent: 'logistics', situation: 'status_cancelled' },
  refunded: { intent: 'refund', situation: 'refund_status' },
  returned: { intent: 'logistics', situation: 'status_returned' },
};

/** A refund request depends on where the order is: cancel before shipping, return after. */
const REFUND_BY_STATUS: Record<OrderStatus, Template> = {
  ...LOGISTICS_BY_STATUS,
  processing: { intent: 'refund', situation: 'cancel_processing' },
  shipped: { intent: 'refund', situation: 'offer_choice_in_transit' },
  delayed: { intent: 'refund', situation: 'offer_choice_in_transit' },
  delivered: { intent: 'refund', situation: 'offer_choice' },
};

/** Questions about delivery in general, answerable without an order (matched term labels). */
const GENERAL_DELIVERY = new Set([
  'delivery time', 'delivery period', 'how long', 'how long does it take', 'how long will it take', 'delivery options',
  'express delivery', 'next day delivery', 'shipping cost', 'shipping methods', 'postage', 'ship to', 'click and collect',
  'pickup point', 'make it in time',
]);
const CUSTOMS = new Set([
  'customs', 'import duties', 'import duty', 'customs fee', 'import tax', 'import fees', 'duties', 'import',
  'zoll', 'douane', 'aduana', 'alfandega', '税関', '海关',
]);
/** Terms about one particular parcel: then a general answer would dodge the question. */
const ONE_PARCEL = new Set([
  'where my order', 'where my package', 'where my parcel', 'where is my order', 'where is my package', 'where is my parcel',
  'where is it', 'status of my order', 'order status', 'track my order', 'tracking number', 'still not received',
  'not received', 'not arrived', 'not arrive yet', 'never arrived', 'has not come', 'not yet come', 'not got my order',
  'not get my order', 'not receive my order', 'still waiting for my order', 'waiting for my order', 'waiting for my package',
  'lost', 'stuck', 'delayed', 'late', 'order arrive', 'order to arrive', 'get my order', 'receive my order', 'any news on',
  'resend it', 'change address', 'change my address', 'wrong address', 'when will it arrive',
]);
const POLICY = new Set(['return policy', 'refund policy', 'money back guarantee']);
const POLICY_TEXT = /\b(policy|policies|how (do|can) i (return|get a refund|exchange)|can i (return|exchange)|how long do i have)\b/i;

/**
 * Logistics: a found order gets its status; a general question gets general facts; otherwise
 * the bot asks for the order number once, then explains where to find it.
 */
export function planLogistics(input: PlanInput): Plan {
  const terms = matchedTerms(input.triage, 'logistics');
  const specific = terms.some((term) => ONE_PARCEL.has(term));
  const customs = !specific && terms.some((term) => CUSTOMS.has(term));
  const general = !specific && terms.some((term) => GENERAL_DELIVERY.has(term));
  // "How long does shipping to Germany take?" after an order question asks about shipping, not that order again.
  if (input.lookup && !(input.lookupRemembered && (customs || general))) return lookupPlan(input, LOGISTICS_BY_STATUS);
  if (customs) return reply('logistics', 'customs_info', {}, true);
  if (general) return reply('logistics', 'delivery_info', {}, true);
  if (!input.askedBefore) return { kind: 'ask_order_id', intent: 'logistics' };
  return reply('logistics', 'no_order_id', {}, false);
}

/** Refunds: per order status, else the policy (asked for the order number once when the shopper wants action). */
export function planRefund(input: PlanInput): Plan {
  if (input.lookup) return lookupPlan(input, REFUND_BY_STATUS);
  const vars = { returnsUrl: input.context.returnsUrl };
  const policyQuestion = mentions(matchedTerms(input.triage, 'refund'), input.text, POLICY, POLICY_TEXT);
  if (policyQuestion || input.askedBefore) return reply('refund', 'policy', vars, true);
  return { kind: 'ask_order_id', intent: 'refund' };
}

function lookupPlan(input: PlanInput, byStatus: Record<OrderStatus, Template>): Plan {
  const lookup = input.lookup as OrderLookup;
  if (lookup.result === 'not_found') return reply('logistics', 'not_found', { orderId: lookup.orderId }, false);
  if (lookup.result === 'unavailable') return reply('logistics', 'unavailable', { orderId: lookup.orderId }, false);
  const late = isLate(lookup.order, input.context.now);
  const { intent, situation } = late ? LATE : byStatus[lookup.order.status];
  // A German shopper reading an English template should not get German dates inside it.
  const language = aerLanguage(input.intents, intent, situation, input.language) ?? FALLBACK_LANGUAGE;
  return reply(intent, situation, orderVars(lookup.order, { context: input.context, language }), true);
}

/** A late order is answered as late whatever the shopper asked (SPEC §4): apology, what happens now, a choice. */
const LATE: Template = { intent: 'logistics', situation: 'status_late' };
/**
 * Statuses whose reply would otherwise say "on its way": `delayed` has its own apology and
 * carrier news, and an order still `processing` has no parcel for a carrier to trace.
 */
const STILL_COMING: ReadonlySet<OrderStatus> = new Set(['shipped']);

/**
 * True when the order should have arrived by now: still coming, and its estimated delivery day
 * (a date, compared as a whole day in UTC like `formatDate`) is over.
 *
 * @example isLate({ status: 'shipped', estimatedDelivery: '2026-11-21', … }, new Date('2026-11-29T10:00:00Z')) // → true
 */
export function isLate(order: Order, now: Date | undefined): boolean {
  if (!now || !order.estimatedDelivery || !STILL_COMING.has(order.status)) return false;
  const due = Date.parse(order.estimatedDelivery.slice(0, 10));
  return Number.isFinite(due) && now.getTime() >= due + DAY_MS;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Business days the team gives the carrier to answer a trace request before acting (the date named in the reply). */
export const LATE_CHECK_DAYS = 2;

function reply(intent: IntentName, situation: string, vars: AerVars, helped: boolean): Plan {
  return { kind: 'reply', intent, situation, vars, helped };
}

/** Every placeholder an order template may use, formatted for the shopper's language. */
export function orderVars(order: Order, input: Pick<PlanInput, 'context' | 'language'>): Record<string, string> {
  // Fields a shop's API left out read naturally in the reply's language (i18n/order-words.ts).
  const words = orderWords(input.language);
  const date = (iso: string | undefined) => (iso ? formatDate(iso, input.language) : words.recentDate);
  return {
    orderId: order.id,
    carrier: order.carrier ?? words.carrier,
    trackingNumber: order.trackingNumber ?? words.trackingNumber,
    trackingUrl: order.trackingUrl ?? words.trackingUrl,
    shippedAt: date(order.shippedAt),
    eta: order.estimatedDelivery ? formatDate(order.estimatedDelivery, input.language) : words.eta,
    deliveredAt: date(order.deliveredAt),
    refundedAt: date(order.refundedAt),
    lastEventAt: date(order.lastEvent?.at),
    lastEventLocation: order.lastEvent?.location ?? words.lastEventLocation,
    lastEventDescription: order.lastEvent?.description ?? words.lastEventDescription,
    total: formatMoney(order.total.value, order.total.currency, input.language),
    returnsUrl: input.context.returnsUrl,
    daysLate: String(daysLate(order, input.context.now)),
    checkBy: input.context.now ? formatDate(addBusinessDays(input.context.now, LATE_CHECK_DAYS).toISOString(), input.language) : words.checkBy,
  };
}

function daysLate(order: Order, now: Date | undefined): number {
  if (!now || !order.estimatedDelivery) return 0;
  return Math.max(1, Math.floor((now.getTime() - Date.parse(order.estimatedDelivery.slice(0, 10))) / DAY_MS));
}

/** Monday to Friday; a trace request is not answered at weekends. */
function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left -= 1;
  }
  return date;
}

// Building an Intl formatter costs far more than formatting with it: one per language (and currency).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "Nov 21, 2026" in UTC: a date-only ETA must not shift a day with the server's time zone. */
export function formatDate(iso: string, language: string): string {
  try {
    let format = dateFormats.get(language);
    if (!format) dateFormats.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })));
    return format.format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/** "€99.80", "R$ 349,90", "￥6,400": the order's currency in the shopper's number format. */
export function formatMoney(value: number, currency: string, language: string): string {
  try {
    const key = `${language} ${currency}`;
    let format = moneyFormats.get(key);
    if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(language, { style: 'currency', currency })));
    return format.format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

/**
 * Owns which order numbers a shopper's message refers to (pure). Triage's entities come first;
 * when the topic is an order ("I want a refund for 1003") or the bot just asked for the number
 * ("1003 I think"), a bare number the entity cues missed is taken too, unless it is an amount
 * or looks like a year.
 *
 * @example messageOrderIds(triage('I want a refund for 1003', NO_HISTORY, set), 'I want a refund for 1003', false)
 *   // → ['1003']
 */
import { normalizeOrderId } from '../orders/order-provider.js';
import type { IntentName, TriageResult } from '../protocol.js';

/** Intents whose answer depends on one order. */
export const ORDER_INTENTS: ReadonlySet<IntentName> = new Set(['logistics', 'refund']);

/** A shopper rarely names more; more would only multiply calls to the shop's API. */
export const MAX_ORDER_IDS = 3;

const BARE_NUMBER_RE = /(?<![\p{L}\p{N}.,:/\-+$€£¥#])(\d{4,12})(?![\p{L}\p{N}%]|[.,:/-]\d)/gu;
const YEAR_RE = /^(19|20)\d\d$/;

/**
 * Order ids named in this message, normalized ("#a-1001" → "A-1001"), first mention first.
 * `aboutOrders`: the bot just asked for the number, or this conversation already looked orders
 * up, so "what about 1012?" names an order even without a cue word.
 */
export function messageOrderIds(triage: TriageResult, text: string, aboutOrders: boolean): string[] {
  const ids = unique(triage.entities.orderIds.map(normalizeOrderId));
  if (ids.length === 0 && (aboutOrders || ORDER_INTENTS.has(triage.intent))) ids.push(...bareNumbers(triage, text));
  return ids.slice(0, MAX_ORDER_IDS);
}

function bareNumbers(triage: TriageResult, text: string): string[] {
  const amountTexts = triage.entities.amounts.map((amount) => amount.text);
  const numbers = Array.from(text.matchAll(BARE_NUMBER_RE), (match) => match[1]!);
  return unique(numbers.filter((number) => !YEAR_RE.test(number) && !amountTexts.some((amount) => amount.includes(number))));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => id !== ''))];
}

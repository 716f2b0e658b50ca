/**
 * Owns the bot's answers that need no order (pure): payment (methods, failed-payment checklist,
 * invoices, coupons; a billing error goes to a person), a mild complaint (apology and a real
 * choice), and small talk (greeting, thanks) with the fallback for everything else.
 *
 * @example planPayment({ triage: triage('I was charged twice', NO_HISTORY, set), ... })
 *   // → { kind: 'handoff', reasons: ['payment:billing_error'], template: { intent: 'payment', situation: 'billing_error' } }
 */
import { matchedTerms, mentions, type Plan, type PlanInput } from './plan.js';

/** Money taken wrongly: the bot cannot see payment records, so a person checks at once. */
const BILLING_ERROR = new Set(['charged twice', 'double charged', 'charged me twice', 'overcharged', 'wrong amount']);
const BILLING_ERROR_TEXT =
  /\b(charged (me )?(twice|two times|double|more|too much)|double[- ]charged?|over-?charged?|wrong amount|unauthori[sz]ed|(did not|didn't|never) authori[sz]e|don'?t recogni[sz]e|charged .*(again|already paid))\b|doppelt abgebucht|cobrado dos veces|cobrad[oa] duas vezes|prélevé deux fois|二重/i;
const FAILED = new Set(['declined', 'payment failed', 'card declined', 'not go through']);
const FAILED_TEXT = /\b(fail(s|ed|ing)?|declin(e|ed|es)|rejected|refused|not go(ing)? through|won'?t (accept|work)|error)\b|abgelehnt|rechazad|refusé|recusad|失敗|エラー/i;
const INVOICE = new Set([
  'invoice', 'invoices', 'receipt', 'bill', 'tax invoice', 'vat invoice', 'vat', 'proof of purchase',
  'rechnung', 'factura', 'facture', 'fatura', '領収書', '请求', '請求', '发票',
]);
const COUPON = new Set([
  'coupon', 'voucher', 'promo', 'discount', 'promo code', 'discount code', 'gift card', 'gutschein', 'cupon', 'cupom',
]);

export function planPayment(input: PlanInput): Plan {
  const terms = matchedTerms(input.triage, 'payment');
  if (mentions(terms, input.text, BILLING_ERROR, BILLING_ERROR_TEXT)) {
    return { kind: 'handoff', reasons: ['payment:billing_error'], template: { intent: 'payment', situation: 'billing_error' } };
  }
  // A failed coupon is a coupon question, not a card problem: check coupons before failures.
  if (mentions(terms, input.text, COUPON)) return { kind: 'reply', intent: 'payment', situation: 'coupon', helped: true };
  if (mentions(terms, input.text, FAILED, FAILED_TEXT)) {
    return { kind: 'reply', intent: 'payment', situation: 'failed_checklist', helped: true };
  }
  if (mentions(terms, input.text, INVOICE)) return { kind: 'reply', intent: 'payment', situation: 'invoice', helped: true };
  return { kind: 'reply', intent: 'payment', situation: 'methods', helped: true };
}

/** Only mild complaints reach the bot (triage hands upset ones to a person first). */
export function planComplaint(input: PlanInput): Plan {
  return { kind: 'reply', intent: 'complaint', situation: 'apology', vars: { returnsUrl: input.context.returnsUrl }, helped: true };
}

export function planOther(input: PlanInput): Plan {
  if (isThanks(input)) return { kind: 'reply', intent: 'other', situation: 'thanks', helped: true };
  if (isGreeting(input)) return { kind: 'reply', intent: 'other', situation: 'greeting', helped: true };
  return { kind: 'reply', intent: 'other', situation: 'fallback', helped: false };
}

const GREETING = new Set(['hello', 'hola', 'hallo', 'bonjour', 'ola', 'good morning']);
const GREETING_TEXT =
  /^\W*(hi|hey|hello|hiya|howdy|good (morning|afternoon|evening)|hallo|guten (morgen|tag|abend)|servus|moin|hola|buen(os|as) (d[ií]as|tardes|noches)|bonjour|bonsoir|salut|ol[áa]|oi|bom dia|boa (tarde|noite)|こんにちは|こんばんは|おはよう)(?![\p{L}])/iu;
const THANKS = new Set(['thanks', 'gracias', 'danke', 'merci', 'obrigado']);
const THANKS_TEXT = /\b(thanks?|thank you|thx|ty|cheers|danke|vielen dank|gracias|merci|obrigad[oa]|valeu)\b|ありがとう/iu;

/** A greeting or a thank-you: answered warmly, and never taken as the answer to "which order?". */
export function isSmallTalk(input: Pick<PlanInput, 'triage' | 'text'>): boolean {
  return isThanks(input) || isGreeting(input);
}

function isGreeting(input: Pick<PlanInput, 'triage' | 'text'>): boolean {
  return mentions(matchedTerms(input.triage, 'other'), input.text, GREETING, GREETING_TEXT);
}

function isThanks(input: Pick<PlanInput, 'triage' | 'text'>): boolean {
  return mentions(matchedTerms(input.triage, 'other'), input.text, THANKS, THANKS_TEXT);
}

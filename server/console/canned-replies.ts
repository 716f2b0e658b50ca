/**
 * AER canned replies per intent (Acknowledge → Empathize → Reassure with a concrete step).
 * The reply text follows the conversation's language (SPEC §9; `canned-translations.ts`, English
 * here); the menu label is a UI string key in the console's language. `[ORDER]`-style gaps are for
 * the agent to fill.
 *
 * @example
 *   cannedReplies('refund')[0].text; // "Thanks for telling us about this. …"
 */
import type { IntentName } from '../protocol';
import type { StringKey } from './i18n';
import { CANNED_TEXTS, type CannedLabel } from './canned-translations';

export interface CannedReply {
  label: StringKey;
  text: string;
  /** Asks the shopper for the order number: not offered once an order is known. */
  asksOrder?: boolean;
}

const REPLIES: Readonly<Record<IntentName, readonly CannedReply[]>> = {
  logistics: [
    { label: 'cannedTrackingUpdate', text: "Thanks for your patience, and I'm sorry the wait has been stressful. I've checked your order: it is with [CARRIER], tracking [NUMBER], and the current estimate is [DATE]. I'll keep an eye on it and message you here if that changes." },
    { label: 'cannedCustomsDelay', text: "I understand how frustrating a customs hold is. I've looked into it: your parcel is waiting for customs clearance, which usually takes 3 to 5 working days. I will check the status again on [DATE] and update you here." },
    { label: 'cannedAddressChange', text: "Thanks for letting us know. I'm sorry for the hassle. I've asked the warehouse to update the address to the one you gave; I'll confirm here within 24 hours whether the carrier accepted the change." },
  ],
  refund: [
    { label: 'cannedRefundStarted', text: "Thanks for telling us about this, and I'm sorry the item didn't work out. I've started your refund of [AMOUNT]; it will reach your original payment method within 5 to 10 working days." },
    { label: 'cannedRefundOrExchange', text: "I'm sorry the product isn't right. You can choose: a full refund, or a replacement sent at our cost. Reply with your choice and I will arrange it today." },
    { label: 'cannedReturnLabel', text: "Thanks for your patience. I've emailed you a prepaid return label; once the carrier scans the parcel, your refund is issued within 3 working days." },
  ],
  payment: [
    { label: 'cannedDoubleCharge', text: "I'm sorry about the double charge; I know that's worrying. I've checked and see two payments for order [ORDER]. I have refunded the duplicate; your bank should show it within 5 working days." },
    { label: 'cannedPaymentFailed', text: "Sorry the payment didn't go through. Please check three things: the card's billing address, that online payments are enabled, and the 3-D Secure code. If it still fails, I'll send you a payment link to try another method." },
  ],
  complaint: [
    { label: 'cannedComplaintAcknowledge', text: "Thank you for telling us, and I'm truly sorry about this experience. I've recorded the details for our quality team. To put it right, I can offer a replacement or a full refund; which would you prefer?" },
    { label: 'cannedComplaintEscalate', text: "I'm sorry, this is not the experience we want you to have. I've escalated your case to our team lead, who will reply here within 2 hours." },
  ],
  human: [
    { label: 'cannedHumanHello', text: "Hi, I'm [NAME] from the support team. I've read your conversation so far, so you don't need to repeat anything. Let me check your order now." },
    { label: 'cannedHumanMoreInfo', text: "Thanks for waiting. To help you quickly, could you send your order number? I will look it up straight away.", asksOrder: true },
  ],
  other: [
    { label: 'cannedOtherHelp', text: "Thanks for reaching out! I'm happy to help. Could you tell me the product name or order number? I will check the details for you right away.", asksOrder: true },
    { label: 'cannedOtherClosing', text: "Glad I could help today. If anything else comes up, reply here and I'll pick it up within the hour." },
  ],
};

/** For a safety case these come first, whatever the intent: the person before the product. */
const SAFETY: readonly CannedReply[] = [
  { label: 'cannedSafetyFirst', text: "I'm so sorry this happened, and thank you for telling us. First: is anyone hurt? If so, please call your local emergency services now. Please stop using the product, unplug it and keep it away from children and anything that can burn. I'm handling this personally and will reply here within 15 minutes with how we'll put it right." },
  { label: 'cannedSafetyReplace', text: "Your safety matters more than anything else here. I've recorded this as a safety case for our product team. We'll collect the product at our cost and you can choose a full refund of [AMOUNT] or a replacement of a different batch; which would you prefer?" },
];

/** The canned replies for an intent (2–3 each). */
export function cannedReplies(intent: IntentName): readonly CannedReply[] {
  return REPLIES[intent];
}

/** What the console knows of the case, to fill `[GAPS]` and choose replies. */
export interface CannedFacts {
  intent: IntentName;
  safety: boolean;
  agentName?: string;
  orderId?: string;
  carrier?: string;
  trackingNumber?: string;
  /** Estimated delivery, as the shop sent it. */
  date?: string;
  amount?: string;
  /** The conversation's language: the reply texts follow it (SPEC §9); English when unserved. */
  language?: string;
}

/**
 * The replies to offer: safety-first ones for a safety case, then the intent's; none that ask
 * for an order number once one is known. Known gaps are filled; unknown ones stay for the agent.
 *
 * @example cannedFor({ intent: 'human', safety: false, agentName: 'Mia', orderId: '1001' })[0].text // "Hi, I'm Mia …"
 */
export function cannedFor(facts: CannedFacts): CannedReply[] {
  const base = [...(facts.safety ? SAFETY : []), ...REPLIES[facts.intent]];
  return base
    .filter((reply) => !(reply.asksOrder && facts.orderId))
    .map((reply) => ({ ...reply, text: fillCanned(translated(reply, facts.language), facts) }));
}

/** The reply's text in the conversation's language ("pt-BR" → pt), else the English original. */
function translated(reply: CannedReply, language: string | undefined): string {
  const base = (language ?? '').toLowerCase().split(/[-_]/)[0] as keyof typeof CANNED_TEXTS;
  return CANNED_TEXTS[base]?.[reply.label as CannedLabel] ?? reply.text;
}

const GAPS: Readonly<Record<string, keyof CannedFacts>> = {
  NAME: 'agentName', ORDER: 'orderId', CARRIER: 'carrier', NUMBER: 'trackingNumber', DATE: 'date', AMOUNT: 'amount',
};

export function fillCanned(text: string, facts: CannedFacts): string {
  return text.replace(/\[([A-Z]+)\]/g, (gap, name: string) => {
    const key = GAPS[name];
    const value = key ? facts[key] : undefined;
    return typeof value === 'string' && value !== '' ? value : gap;
  });
}

/** Every canned reply, for tests that hold them to the AER rule. */
export function allCannedReplies(): readonly CannedReply[] {
  const english = [...SAFETY, ...Object.values(REPLIES).flat()];
  const others = Object.values(CANNED_TEXTS).flatMap((texts) => english.map((reply) => ({ ...reply, text: texts[reply.label as CannedLabel] })));
  return [...english, ...others];
}

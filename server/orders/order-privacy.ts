/**
 * Owns order privacy (SPEC §10), pure: an order's tracking number, tracking link, last scan
 * location and items are shown only to a shopper whose verified identity email is the order's,
 * or who typed the order's email in this conversation. Anyone else gets the status without
 * them and is asked for the checkout email; three wrong emails end lookups in the conversation.
 *
 * @example
 *   const access = { identityEmail: undefined, state: botState };
 *   const { lookups, hidden } = guardLookups(found, access); // hidden: ['1001'] → ask for the email
 */
import type { BotState } from '../protocol.js';
import type { OrderLookup } from './order-provider.js';
import type { Order } from './order-schema.js';

/** What the bot remembers about order privacy, kept in the conversation's bot state (schema: protocol.ts). */
export type OrderPrivacyState = Pick<BotState, 'orderEmails' | 'awaitingEmailFor' | 'wrongEmails' | 'agentLookups'>;

/** One order as the agent sees it (`agentLookups`: the full order without the buyer's email). */
export type AgentLookup = NonNullable<BotState['agentLookups']>[number];

/** At most this many full orders are kept for the agent (as many as the bot remembers). */
export const MAX_AGENT_LOOKUPS = 10;

/**
 * The agent's lookups after this turn: the found orders, full, replacing older copies of the same order.
 *
 * @example rememberForAgent(state.agentLookups, found) // → [{ orderId: '1001', order: { id: '1001', items: [...], trackingNumber: '…' } }]
 */
export function rememberForAgent(previous: readonly AgentLookup[] | undefined, found: readonly OrderLookup[]): AgentLookup[] {
  const fresh = found.flatMap((lookup): AgentLookup[] => {
    if (lookup.result !== 'found') return [];
    const { email: _email, ...order } = lookup.order;
    return [{ orderId: order.id, order }];
  });
  const freshIds = new Set(fresh.map((lookup) => lookup.orderId));
  return [...(previous ?? []).filter((lookup) => !freshIds.has(lookup.orderId)), ...fresh].slice(-MAX_AGENT_LOOKUPS);
}

export interface OrderAccess {
  /** The verified identity's email (SPEC §10), lower case. */
  identityEmail: string | undefined;
  state: OrderPrivacyState;
}

export const MAX_WRONG_EMAILS = 3;

/** Lookups may continue: fewer than three wrong emails so far. */
export const lookupsAllowed = (state: OrderPrivacyState): boolean => (state.wrongEmails ?? 0) < MAX_WRONG_EMAILS;

/** Whether this shopper may see `order`'s private details. */
export function canSeeDetails(order: Order, access: OrderAccess): boolean {
  const email = order.email?.toLowerCase();
  if (!email || !lookupsAllowed(access.state)) return false;
  return access.identityEmail === email || (access.state.orderEmails ?? []).includes(email);
}

/** The order without what identifies the parcel or its contents. */
export function withoutDetails(order: Order): Order {
  const { trackingNumber: _number, trackingUrl: _url, lastEvent, email: _email, ...rest } = order;
  return { ...rest, items: [], ...(lastEvent ? { lastEvent: { at: lastEvent.at, location: '', description: lastEvent.description } } : {}) };
}

/** Lookups as this shopper may see them, and the ids whose details were held back. */
export function guardLookups(lookups: readonly OrderLookup[], access: OrderAccess): { lookups: OrderLookup[]; hidden: string[] } {
  const hidden: string[] = [];
  const guarded = lookups.map((lookup): OrderLookup => {
    if (lookup.result !== 'found') return lookup;
    if (canSeeDetails(lookup.order, access)) {
      const { email: _email, ...order } = lookup.order;
      return { ...lookup, order };
    }
    hidden.push(lookup.order.id);
    return { ...lookup, order: withoutDetails(lookup.order) };
  });
  return { lookups: guarded, hidden };
}

/** The outcome of the emails a shopper typed while orders wait for one. */
export type EmailCheck =
  | { kind: 'none' }
  | { kind: 'matched'; orderIds: string[]; state: OrderPrivacyState }
  | { kind: 'wrong'; state: OrderPrivacyState; locked: boolean };

/**
 * Compares typed emails with the emails of the orders awaiting one (`orders` are those lookups).
 *
 * @example checkTypedEmails(['lena.fischer@example.de'], [order1001], state) // → { kind: 'matched', orderIds: ['1001'], … }
 */
export function checkTypedEmails(emails: readonly string[], orders: readonly Order[], state: OrderPrivacyState): EmailCheck {
  if (emails.length === 0 || (state.awaitingEmailFor ?? []).length === 0 || !lookupsAllowed(state)) return { kind: 'none' };
  const typed = emails.map((email) => email.toLowerCase());
  const matched = orders.filter((order) => order.email !== undefined && typed.includes(order.email.toLowerCase()));
  if (matched.length > 0) {
    const orderEmails = [...new Set([...(state.orderEmails ?? []), ...matched.map((order) => (order.email ?? '').toLowerCase())])];
    const awaitingEmailFor = (state.awaitingEmailFor ?? []).filter((id) => !matched.some((order) => order.id === id));
    return { kind: 'matched', orderIds: matched.map((order) => order.id), state: { ...state, orderEmails, awaitingEmailFor } };
  }
  const wrongEmails = (state.wrongEmails ?? 0) + 1;
  const locked = wrongEmails >= MAX_WRONG_EMAILS;
  return { kind: 'wrong', locked, state: { ...state, wrongEmails, ...(locked ? { awaitingEmailFor: [] } : {}) } };
}

export const ASK_FOR_EMAIL =
  'To keep your order private, I can share the tracking number, link and latest scan only with the buyer: please type the email address you used at checkout.';
export const WRONG_EMAIL = "That email doesn't match this order. Please type the email address you used at checkout.";
export const EMAILS_LOCKED =
  "I can't show this order's details in this chat. A person from our team can help you: just write \"I'd like to talk to a person\".";
export const LOOKUPS_LOCKED =
  "I can't look up order details in this chat any more. A person from our team can help you: just write \"I'd like to talk to a person\".";
export const EMAIL_MATCHED = 'Thank you, that matches.';

/**
 * Owns the I/O of order privacy around one bot turn: looks up the orders this message asks about,
 * reads the verified identity, checks an email the shopper typed against the orders waiting for
 * one, and hides private details (order-privacy.ts) before the reply policy sees them. The bot
 * turn calls `prepareOrderTurn` before `decide` and `finishOrderText` on what `decide` wrote.
 *
 * @example
 *   const turn = await prepareOrderTurn({ orders, store }, conversation.id, message.text, result, state);
 *   const text = turn.reply ?? finishOrderText(decide({ ...input, triage: turn.triage, lookups: turn.lookups }).text, turn);
 */
import { orderIdsToLookUp, type BotState } from '../bot/reply-policy.js';
import { identityOf } from '../identity/identity-sessions.js';
import type { TriageResult } from '../protocol.js';
import type { Store } from '../store/store.js';
import { capBotText } from './order-caps.js';
import type { OrderLookup, OrderProvider } from './order-provider.js';
import {
  ASK_FOR_EMAIL,
  checkTypedEmails,
  EMAIL_MATCHED,
  EMAILS_LOCKED,
  guardLookups,
  lookupsAllowed,
  rememberForAgent,
  LOOKUPS_LOCKED,
  WRONG_EMAIL,
  type OrderPrivacyState,
} from './order-privacy.js';

export interface OrderTurn {
  /** Say this instead of asking the reply policy (a wrong email, lookups ended). */
  reply?: string;
  /** The triage `decide` should see: after a matching email, the question about those orders. */
  triage: TriageResult;
  text: string;
  /** Lookups with private details removed where this shopper may not see them. */
  lookups: OrderLookup[];
  /** Orders whose details were held back: the reply asks for the checkout email. */
  hidden: string[];
  /** Privacy fields to merge into the bot state. */
  privacy: OrderPrivacyState;
  prefix?: string;
}

export interface OrderTurnDeps {
  orders: OrderProvider;
  store: Pick<Store, 'listShopperEmails' | 'addShopperEmail'>;
  clock: () => Date;
}

/**
 * The order turn of a message that names no order to look up and types no email: nothing to ask
 * the order API or the store, so the bot can answer inside the message's own write. Undefined when
 * the turn needs I/O (`prepareOrderTurn`).
 */
export function orderTurnWithoutIo(text: string, triage: TriageResult, state: BotState): OrderTurn | undefined {
  if (typedEmails(triage, text).length > 0 || orderIdsToLookUp(triage, state, text).length > 0) return undefined;
  const privacy: OrderPrivacyState = state;
  return { triage, text, lookups: [], hidden: [], privacy: { ...pickPrivacy(privacy), awaitingEmailFor: privacy.awaitingEmailFor ?? [] } };
}

export async function prepareOrderTurn(deps: OrderTurnDeps, conversationId: string, text: string, triage: TriageResult, state: BotState): Promise<OrderTurn> {
  const withoutIo = orderTurnWithoutIo(text, triage, state);
  if (withoutIo) return withoutIo;
  const privacy: OrderPrivacyState = state;
  // Who the shopper is matters only for an order found: most turns look nothing up and skip the query.
  const identityEmailFor = async (found: readonly OrderLookup[]) =>
    found.some((lookup) => lookup.result === 'found') ? (await identityOf(deps.store as Store, conversationId))?.email : undefined;
  const typed = typedEmails(triage, text);
  const waiting = privacy.awaitingEmailFor ?? [];
  if (typed.length > 0 && waiting.length > 0 && lookupsAllowed(privacy)) {
    const pending = await Promise.all(waiting.map((orderId) => deps.orders.lookup(orderId)));
    const check = checkTypedEmails(typed, foundOrders(pending), privacy);
    if (check.kind === 'wrong') return { reply: check.locked ? EMAILS_LOCKED : WRONG_EMAIL, triage, text, lookups: [], hidden: [], privacy: check.state };
    if (check.kind === 'matched') {
      await rememberOrderEmails(deps, conversationId, check.state);
      // Answer as if asked "where is order N" now that the shopper proved it is theirs.
      const asked: TriageResult = { ...triage, intent: 'logistics', entities: { ...triage.entities, orderIds: check.orderIds } };
      const found = await Promise.all(check.orderIds.map((orderId) => deps.orders.lookup(orderId)));
      const { lookups, hidden } = guardLookups(found, { identityEmail: await identityEmailFor(found), state: check.state });
      const unlocked = { ...check.state, agentLookups: rememberForAgent(privacy.agentLookups, found) };
      return { triage: asked, text: `order ${check.orderIds.join(' ')}`, lookups, hidden, privacy: unlocked, prefix: EMAIL_MATCHED };
    }
  }
  const ids = orderIdsToLookUp(triage, state, text);
  if (ids.length > 0 && !lookupsAllowed(privacy)) return { reply: LOOKUPS_LOCKED, triage, text, lookups: [], hidden: [], privacy };
  const found = await Promise.all(ids.map((orderId) => deps.orders.lookup(orderId)));
  // "Where is 1001? I'm lena@…": an email in the same message counts, right or wrong (no free guesses).
  const inline = typed.length > 0 ? checkTypedEmails(typed, foundOrders(found), { ...privacy, awaitingEmailFor: ids }) : { kind: 'none' as const };
  const checked: OrderPrivacyState = inline.kind === 'none' ? privacy : { ...privacy, ...pickPrivacy(inline.state) };
  if (inline.kind === 'matched') await rememberOrderEmails(deps, conversationId, checked);
  if (inline.kind === 'wrong' && inline.locked) return { reply: EMAILS_LOCKED, triage, text, lookups: [], hidden: [], privacy: { ...pickPrivacy(checked), awaitingEmailFor: [] } };
  const { lookups, hidden } = guardLookups(found, { identityEmail: await identityEmailFor(found), state: checked });
  const awaitingEmailFor = hidden.length > 0 ? [...new Set([...waiting, ...hidden])] : waiting;
  // The agent's copy is full whatever the shopper may see (SPEC §10 is about the bot's replies).
  const agentLookups = found.length > 0 ? { agentLookups: rememberForAgent(privacy.agentLookups, found) } : {};
  return { triage, text, lookups, hidden, privacy: { ...pickPrivacy(checked), awaitingEmailFor, ...agentLookups } };
}

function foundOrders(lookups: readonly OrderLookup[]) {
  return lookups.flatMap((lookup) => (lookup.result === 'found' ? [lookup.order] : []));
}

async function rememberOrderEmails(deps: OrderTurnDeps, conversationId: string, state: OrderPrivacyState): Promise<void> {
  const at = deps.clock().toISOString();
  for (const email of state.orderEmails ?? []) await deps.store.addShopperEmail({ conversationId, email, source: 'order', sub: null, name: null, at });
}

/** The reply policy's text with the thanks before it and the request for the email after it, capped. */
export function finishOrderText(text: string, turn: OrderTurn): string {
  const parts = [turn.prefix, text, turn.hidden.length > 0 ? ASK_FOR_EMAIL : undefined].filter((part): part is string => Boolean(part));
  return capBotText(parts.join(' '));
}

const EMAIL_IN_TEXT = /(?<![\w.%+-])[\w.%+-]+@(?:[a-z\d-]+\.)+[a-z]{2,}/gi;

/** Emails the shopper typed: triage's, else any in the text. */
function typedEmails(triage: TriageResult, text: string): readonly string[] {
  return triage.entities.emails.length > 0 ? triage.entities.emails : (text.match(EMAIL_IN_TEXT) ?? []);
}

function pickPrivacy(state: OrderPrivacyState): OrderPrivacyState {
  return {
    ...(state.orderEmails ? { orderEmails: state.orderEmails } : {}),
    ...(state.wrongEmails ? { wrongEmails: state.wrongEmails } : {}),
  };
}

// The bot's reply policy on the real intents, real triage and the demo orders: replies, one ask for the order number, handoffs.
import { describe, expect, it } from 'vitest';
import { findAerProblems } from '../../server/bot/aer-screen.js';
import { decide, INITIAL_BOT_STATE, MAX_REMEMBERED_LOOKUPS, orderIdsToLookUp, type BotState, type Decision, type ReplyContext } from '../../server/bot/reply-policy.js';
import { createDemoOrderProvider, type OrderLookup } from '../../server/orders/order-provider.js';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

const set = projectIntents();
const orders = createDemoOrderProvider();
const OPEN: ReplyContext = { queuePosition: 3, waitMinutes: 12, open: true, returnsUrl: 'https://shop.example/returns' };
const CLOSED: ReplyContext = { ...OPEN, open: false, nextOpen: 'Monday 09:00 (Europe/Berlin)' };

/** One shopper turn the way the conversation service runs it: look orders up, then decide. */
async function turn(text: string, state: BotState = INITIAL_BOT_STATE, context: ReplyContext = OPEN): Promise<Decision> {
  const result = triage(text, NO_HISTORY, set);
  const lookups = await Promise.all(orderIdsToLookUp(result, state, text).map((id) => orders.lookup(id)));
  return decide({ triage: result, text, state, lookups, intents: set, context });
}

async function conversation(texts: readonly string[], context: ReplyContext = OPEN): Promise<Decision[]> {
  const decisions: Decision[] = [];
  let state = INITIAL_BOT_STATE;
  for (const text of texts) {
    const decision = await turn(text, state, context);
    decisions.push(decision);
    state = decision.state;
  }
  return decisions;
}

async function demoOrder(id: string) {
  const lookup = await orders.lookup(id);
  if (lookup.result !== 'found') throw new Error(`demo order ${id} missing`);
  return lookup.order;
}

describe('order status', () => {
  it('answers "where is my order 1001" with the carrier, tracking number and link of 1001', async () => {
    const order = await demoOrder('1001');
    const decision = await turn('where is my order 1001');
    expect(decision).toMatchObject({ kind: 'reply', situation: 'status_shipped', helped: true });
    expect(decision.text).toContain(order.carrier!);
    expect(decision.text).toContain(order.trackingNumber!);
    expect(decision.text).toContain(order.trackingUrl!);
  });

  it('answers each demo status with its own text', async () => {
    expect((await turn('where is my order 1002')).situation).toBe('status_processing');
    expect((await turn('where is my order 1003')).situation).toBe('status_delivered');
    const delayed = await turn('where is my order 1004');
    expect(delayed.situation).toBe('status_delayed');
    expect(delayed.text).toContain((await demoOrder('1004')).lastEvent!.location);
    expect((await turn('where is my order 1012')).situation).toBe('status_lost');
  });

  it('asks to check an unknown number, which counts as not helped', async () => {
    const decision = await turn('where is my order 9999');
    expect(decision).toMatchObject({ kind: 'reply', situation: 'not_found', helped: false });
    expect(decision.state.failures).toBe(1);
  });

  it('is honest when the order system is down, and offers a person', () => {
    const result = triage('where is my order 1001', NO_HISTORY, set);
    const lookups: OrderLookup[] = [{ orderId: '1001', result: 'unavailable', message: 'timeout' }];
    const decision = decide({ triage: result, text: 'where is my order 1001', state: INITIAL_BOT_STATE, lookups, intents: set, context: OPEN });
    expect(decision).toMatchObject({ kind: 'reply', situation: 'unavailable', helped: false });
    expect(decision.text).toMatch(/agent/);
  });

  it('answers a general delivery question without asking for an order number', async () => {
    expect((await turn('how long does delivery take to Germany?')).situation).toBe('delivery_info');
    expect((await turn('how much are import duties to Brazil')).situation).toBe('customs_info');
  });

  it('answers a general delivery question after an order question, and still follows up on that order', async () => {
    const [order, general, customs, followUp] = await conversation([
      'where is my order 1002',
      'how long does shipping to Germany take?',
      'do I pay import duties?',
      'when will it arrive?',
    ]);
    expect(order?.situation).toBe('status_processing');
    expect(general).toMatchObject({ kind: 'reply', situation: 'delivery_info' });
    expect(customs).toMatchObject({ kind: 'reply', situation: 'customs_info' });
    // A question about one parcel, without a number, is still about the order already named.
    expect(followUp?.situation).toBe('status_processing');
  });
});

describe('asking for the order number', () => {
  it('asks once, then reads the number from the next message', async () => {
    const [ask, answer] = await conversation(['where is my order', '1001']);
    expect(ask).toMatchObject({ kind: 'ask_order_id', state: { awaitingOrderId: true, pendingIntent: 'logistics' } });
    expect(answer).toMatchObject({ kind: 'reply', situation: 'status_shipped' });
    expect(answer!.text).toContain((await demoOrder('1001')).trackingNumber!);
    expect(answer!.state.awaitingOrderId).toBeFalsy();
  });

  it('never asks twice: without a number it answers generally, then hands off', async () => {
    const decisions = await conversation(['where is my order', 'where is my order', "I don't know it", 'where is my order']);
    expect(decisions.map((decision) => decision.kind)).toEqual(['ask_order_id', 'reply', 'reply', 'handoff']);
    expect(decisions.filter((decision) => decision.kind === 'ask_order_id')).toHaveLength(1);
    expect(decisions[3]).toMatchObject({ reasons: ['bot:could_not_help'] });
  });

  it('resumes a refund when the number arrives', async () => {
    const [ask, answer] = await conversation(['I want a refund', 'it is 1003']);
    expect(ask!.kind).toBe('ask_order_id');
    expect(answer).toMatchObject({ kind: 'reply', situation: 'offer_choice' });
  });

  it('asks in the shopper language', async () => {
    expect((await turn('wo ist meine Bestellung')).text).toMatch(/Bestellnummer/);
  });

  it('remembers the order for a follow-up question', async () => {
    const [, followUp] = await conversation(['where is my order 1002', 'please cancel my order']);
    expect(followUp).toMatchObject({ kind: 'reply', situation: 'cancel_processing' });
    expect(followUp!.text).toContain('1002');
  });
});

describe('refunds', () => {
  it('offers a refund or an exchange, with the real next step, for "I want a refund for 1003"', async () => {
    const decision = await turn('I want a refund for 1003');
    expect(decision).toMatchObject({ kind: 'reply', situation: 'offer_choice', helped: true });
    expect(decision.text).toMatch(/\brefund\b/);
    expect(decision.text).toMatch(/\bexchange\b/);
    expect(decision.text).toContain(OPEN.returnsUrl);
    expect(decision.text).toContain('1003');
  });

  it('explains cancelling an unshipped order and the status of a refunded one', async () => {
    const cancel = await turn('please cancel my order 1002');
    expect(cancel.situation).toBe('cancel_processing');
    expect(cancel.text).toMatch(/can't cancel orders from this chat/);
    const refunded = await turn('where is the refund for order 1010');
    expect(refunded.situation).toBe('refund_status');
    expect(refunded.text).toContain('2026');
  });

  it('answers a policy question without asking for a number', async () => {
    expect((await turn('what is your return policy?')).situation).toBe('policy');
  });
});

describe('payments, complaints and small talk', () => {
  it('answers routine payment questions', async () => {
    expect((await turn('what payment methods do you accept')).situation).toBe('methods');
    expect((await turn('my card was declined at checkout')).situation).toBe('failed_checklist');
    expect((await turn('can I get an invoice with VAT?')).situation).toBe('invoice');
    expect((await turn('my coupon code did not work')).situation).toBe('coupon');
  });

  it('hands a double charge to a person', async () => {
    const decision = await turn('I was charged twice for the same order');
    expect(decision).toMatchObject({ kind: 'handoff', reasons: ['payment:billing_error'], situation: 'billing_error' });
  });

  it('greets, thanks, and falls back without pretending to help', async () => {
    expect(await turn('hello')).toMatchObject({ situation: 'greeting', helped: true });
    expect(await turn('thanks!')).toMatchObject({ situation: 'thanks', helped: true });
    expect(await turn('blorp zib')).toMatchObject({ situation: 'fallback', helped: false });
  });

  it('hands off after two replies that did not help', async () => {
    const decisions = await conversation(['blorp zib', 'qwerty asdf', 'hmm']);
    expect(decisions.map((decision) => decision.kind)).toEqual(['reply', 'reply', 'handoff']);
    expect(decisions[2]).toMatchObject({ reasons: ['bot:could_not_help'], situation: 'handoff' });
  });
});

describe('handoff', () => {
  it('tells the shopper to stop using the product and call emergency services on a safety incident', async () => {
    const decision = await turn('the charger caught fire and my son burned his hand');
    expect(decision).toMatchObject({ kind: 'handoff', situation: 'handoff_safety' });
    expect(decision.text).toMatch(/stop using the product/);
    expect(decision.text).toMatch(/emergency services/);
  });

  it('gives the queue position and wait when open', async () => {
    const decision = await turn('I want to speak to a real person');
    expect(decision).toMatchObject({ kind: 'handoff', situation: 'handoff' });
    expect(decision.text).toContain('number 3');
    expect(decision.text).toContain('12 minutes');
  });

  it('names the next opening when nobody is on duty', async () => {
    const [human] = await conversation(['I want to speak to a real person'], CLOSED);
    expect(human).toMatchObject({ kind: 'handoff', situation: 'handoff_offline' });
    expect(human!.text).toContain(CLOSED.nextOpen);
    const [safety] = await conversation(['the charger caught fire'], CLOSED);
    expect(safety).toMatchObject({ situation: 'handoff_safety_offline' });
    expect(safety!.text).toContain(CLOSED.nextOpen);
  });
});

describe('every reply', () => {
  const MESSAGES = [
    'hello', 'where is my order 1001', 'where is my order 1002', 'where is order 1003', 'where is my order 1004', 'order 1008',
    'order 1009', 'order 1010', 'order 1011', 'order 1012', 'order 9999', 'where is my order', 'how long does shipping take',
    'I want a refund for 1003', 'refund order 1002', 'refund order 1001', 'refund order 1012', 'what is your refund policy',
    'I want a refund', 'my card was declined', 'I was charged twice', 'I need an invoice', 'my coupon did not work',
    'what payment methods do you accept', 'the zipper is a bit wobbly', 'I want to talk to a human', 'the charger caught fire',
    'thanks', 'blorp', 'Hallo', 'wo ist meine Bestellung', 'quiero hablar con un agente',
  ];

  it('is free of blame and over-promises, open or closed', async () => {
    expect(MESSAGES.length).toBeGreaterThan(20);
    for (const context of [OPEN, CLOSED]) {
      for (const text of MESSAGES) {
        const decision = await turn(text, INITIAL_BOT_STATE, context);
        expect({ text, problems: findAerProblems(decision.text) }).toEqual({ text, problems: [] });
        expect(decision.text).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('state', () => {
  it('does not change the state it was given, and keeps the last 10 lookups', async () => {
    let state: BotState = INITIAL_BOT_STATE;
    for (let id = 1001; id <= 1013; id++) state = (await turn(`where is my order ${id}`, state)).state;
    expect(state.lookups).toHaveLength(MAX_REMEMBERED_LOOKUPS);
    expect(state.lookups.at(-1)?.orderId).toBe('1013');
    expect(INITIAL_BOT_STATE).toEqual({ failures: 0, lookups: [] });
  });

  it('answers an order nobody looked up as an outage, never as another order', async () => {
    const text = 'where is my order 1003';
    const lookups: OrderLookup[] = [{ orderId: '1001', result: 'found', order: await demoOrder('1001') }];
    const decision = decide({ triage: triage(text, NO_HISTORY, set), text, state: INITIAL_BOT_STATE, lookups, intents: set, context: OPEN });
    expect(decision).toMatchObject({ kind: 'reply', situation: 'unavailable' });
    expect(decision.text).toContain('1003');
  });

  it('treats a bare number the caller did not look up (no text passed) as no number, not as the remembered order', async () => {
    const [first] = await conversation(['where is my order 1001']);
    const text = 'I want a refund for 1003';
    const result = triage(text, NO_HISTORY, set);
    const ids = orderIdsToLookUp(result, first!.state); // a caller that leaves out the text
    expect(ids).toEqual(['1001']);
    const lookups = await Promise.all(ids.map((id) => orders.lookup(id)));
    const decision = decide({ triage: result, text, state: first!.state, lookups, intents: set, context: OPEN });
    expect(decision).toMatchObject({ kind: 'ask_order_id', state: { pendingIntent: 'refund' } });
  });

  it('takes a bare number as an order id only when the talk is about orders', () => {
    const refund = triage('I want a refund for 1003', NO_HISTORY, set);
    expect(orderIdsToLookUp(refund, INITIAL_BOT_STATE, 'I want a refund for 1003')).toEqual(['1003']);
    const payment = triage('I paid 1003 dollars', NO_HISTORY, set);
    expect(orderIdsToLookUp(payment, INITIAL_BOT_STATE, 'I paid 1003 dollars')).toEqual([]);
  });
});

// Replies that read the situation (pure policy, real intents and demo orders): late orders, complaints before a handoff, no repeated answer.
import { describe, expect, it } from 'vitest';
import { findAerProblems } from '../../server/bot/aer-screen.js';
import { decide, INITIAL_BOT_STATE, orderIdsToLookUp, replyFingerprint, type BotState, type Decision, type ReplyContext } from '../../server/bot/reply-policy.js';
import { createDemoOrderProvider } from '../../server/orders/order-provider.js';
import { triage, type TriageTurn } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

const set = projectIntents();
const orders = createDemoOrderProvider();
const NOV_29: ReplyContext = { queuePosition: 2, waitMinutes: 8, open: true, returnsUrl: 'https://shop.example/returns', now: new Date('2026-11-29T10:00:00Z') };
const NOV_20: ReplyContext = { ...NOV_29, now: new Date('2026-11-20T10:00:00Z') };

async function conversation(texts: readonly string[], context: ReplyContext = NOV_29): Promise<Decision[]> {
  const decisions: Decision[] = [];
  let state: BotState = INITIAL_BOT_STATE;
  const turns: TriageTurn[] = [];
  for (const text of texts) {
    const result = triage(text, { turns }, set);
    const lookups = await Promise.all(orderIdsToLookUp(result, state, text).map((id) => orders.lookup(id)));
    const decision = decide({ triage: result, text, state, lookups, intents: set, context });
    decisions.push(decision);
    state = decision.state;
    turns.push({ intent: result.intent, sentimentScore: result.sentiment.score });
    if (decision.kind === 'handoff') break;
  }
  return decisions;
}

describe('late orders', () => {
  it('answers order 1001 (due Nov 21) on Nov 29 as late: apology, carrier trace with a date, and the choice of waiting, reshipping or refund', async () => {
    const [decision] = await conversation(['where is my order 1001']);
    expect(decision).toMatchObject({ kind: 'reply', situation: 'status_late' });
    const text = decision!.text;
    expect(text).toMatch(/late/i);
    expect(text).toMatch(/sorry/i);
    expect(text).not.toMatch(/on its way|looking forward/i);
    expect(text).toContain('4839201756');
    expect(text).toContain('Dec 1, 2026'); // two business days after Sunday Nov 29
    expect(text).toMatch(/keep waiting/i);
    expect(text).toMatch(/reshipment/i);
    expect(text).toMatch(/refund of €99\.80/);
    expect(findAerProblems(text)).toEqual([]);
  });

  it('answers the same order as on its way before its estimated delivery, and a refund question about it as late too', async () => {
    const [before] = await conversation(['where is my order 1001'], NOV_20);
    expect(before).toMatchObject({ situation: 'status_shipped' });
    const [refund] = await conversation(['I want a refund for order 1001']);
    expect(refund).toMatchObject({ situation: 'status_late' });
  });
});

describe('complaints', () => {
  it('apologises and empathises before handing a furious shopper over, and asks for the order number it needs', async () => {
    const [decision] = await conversation(['3 weeks late and nobody answers my emails. Worst shop ever, absolutely disgraceful!!']);
    expect(decision!.kind).toBe('handoff');
    expect(decision!.situation).toBe('handoff_complaint_order');
    expect(decision!.text).toMatch(/^I'm truly sorry/);
    expect(decision!.text).toMatch(/order number/);
  });

  it('does not ask for the order number when the shopper gave it', async () => {
    const [decision] = await conversation(['Order 1001 is 3 weeks late and nobody answers my emails. Worst shop ever, absolutely disgraceful!!']);
    expect(decision).toMatchObject({ kind: 'handoff', situation: 'handoff_complaint' });
    expect(decision!.text).not.toMatch(/send your order number/);
  });
});

describe('never the same answer twice in a row', () => {
  it('hands a shopper who pushes back on the refund policy to a person instead of repeating the paragraph', async () => {
    const decisions = await conversation(['what is your refund policy', 'that does not answer my question, what is your refund policy', 'what is your refund policy?']);
    for (let i = 1; i < decisions.length; i++) expect(decisions[i]!.text).not.toBe(decisions[i - 1]!.text);
    expect(decisions.at(-1)!.kind).toBe('handoff');
  });

  it('narrows down with a question instead of a second identical small-talk reply', async () => {
    const decisions = await conversation(['thanks', 'thanks']);
    expect(decisions[0]).toMatchObject({ situation: 'thanks' });
    expect(decisions[1]).toMatchObject({ situation: 'narrow_down' });
    expect(decisions[1]!.text).toMatch(/\?/);
  });

  it('keeps a short fingerprint of the last reply, not its text, and still knows a state that kept the text', async () => {
    const [first] = await conversation(['thanks']);
    expect(first!.state.lastReply).toBe(replyFingerprint(first!.text!));
    expect(first!.state.lastReply!.length).toBeLessThan(16);
    expect(replyFingerprint(`${first!.text!} `)).not.toBe(first!.state.lastReply);
    // A conversation stored before fingerprints: the same small talk is still narrowed down.
    const stored: BotState = { ...first!.state, lastReply: first!.text! };
    const again = triage('thanks', { turns: [{ intent: 'other', sentimentScore: 0 }] }, set);
    expect(decide({ triage: again, text: 'thanks', state: stored, lookups: [], intents: set, context: NOV_29 })).toMatchObject({ situation: 'narrow_down' });
  });
});

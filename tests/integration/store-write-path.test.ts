// The write path of the store contract (outbox), on SQLite and PostgreSQL alike: a shopper message
// is stored with its pending bot turn in one commit (or with the bot's answer, when it is decided
// inside the write), a repeated clientId stores neither again, and two nodes finishing the same
// turn at once write exactly one reply.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.js';
import { STORE_TARGETS, useStoreTarget } from '../support/store-targets.js';

const NOW = '2026-11-29T12:00:00.000Z';
const LATER = '2026-11-29T12:00:05.000Z';

function shopperSays(store: Store, text: string, clientId: string, at = NOW) {
  return store.recordCustomerMessage({
    message: { conversationId: 'c1', from: 'customer', text, clientId, at },
    update: () => ({ intent: 'logistics' }),
    turnWhen: ['bot'],
  });
}

describe.each(STORE_TARGETS)('write path contract on $name', (target) => {
  if (!target.available) {
    it.skip(`${target.name} is not available (see the warning above)`, () => {});
    return;
  }
  const database = useStoreTarget(target);

  it('stores the message, the conversation update and the pending turn together; a retry stores nothing', async () => {
    const store = await database.open();
    await store.createConversation({ id: 'c1', tokenHash: 't1', customerKey: 'k', now: NOW });
    const first = await shopperSays(store, 'where is 1002?', 'm1');
    expect(first).toMatchObject({ duplicate: false, message: { seq: 1 }, conversation: { intent: 'logistics', preview: 'where is 1002?' }, turn: { conversationId: 'c1' } });
    const retry = await shopperSays(store, 'where is 1002?', 'm1', LATER);
    expect(retry).toMatchObject({ duplicate: true, message: first.message });
    expect(retry.turn).toBeUndefined();
    const second = await shopperSays(store, 'hello?', 'm2', LATER);
    expect((await store.listPendingBotTurns()).map((turn) => turn.id)).toEqual([first.turn!.id, second.turn!.id]);
  });

  it('stores no turn when the conversation is not in a turnWhen status', async () => {
    const store = await database.open();
    await store.createConversation({ id: 'c1', tokenHash: 't1', customerKey: 'k', now: NOW });
    await store.updateConversation('c1', { status: 'assigned' });
    const result = await shopperSays(store, 'still there?', 'm1');
    expect(result.turn).toBeUndefined();
    expect(await store.listPendingBotTurns()).toEqual([]);
  });

  it("stores the bot's answer with the message when answerAtOnce gives one: the reply next in seq, no pending turn", async () => {
    const store = await database.open();
    await store.createConversation({ id: 'c1', tokenHash: 't1', customerKey: 'k', now: NOW });
    const seen: string[] = [];
    const write = (text: string, clientId: string) =>
      store.recordCustomerMessage({
        message: { conversationId: 'c1', from: 'customer', text, clientId, at: NOW },
        update: () => ({ intent: 'payment' }),
        turnWhen: ['bot'],
        answerAtOnce: (conversation, message) => {
          // Called with the conversation as the message left it.
          seen.push(`${conversation.intent} ${conversation.preview} ${message.seq}`);
          return { reply: { from: 'bot', text: `re: ${message.text}`, at: LATER }, patch: { botState: { ...conversation.botState, helped: true } } };
        },
      });
    const answered = await write('which cards do you take?', 'm1');
    expect(answered).toMatchObject({ duplicate: false, message: { seq: 1 }, reply: { from: 'bot', seq: 2, text: 're: which cards do you take?' } });
    expect(answered.turn).toBeUndefined();
    expect(answered.conversation).toMatchObject({ intent: 'payment', preview: 'which cards do you take?', updatedAt: LATER, botState: { helped: true } });
    expect(seen).toEqual(['payment which cards do you take? 1']);
    expect(await store.listPendingBotTurns()).toEqual([]);
    expect((await store.listMessages('c1')).map((m) => `${m.seq} ${m.from} ${m.text}`)).toEqual(['1 customer which cards do you take?', '2 bot re: which cards do you take?']);
    expect(await store.getConversation('c1')).toMatchObject({ intent: 'payment', botState: { helped: true } });
    // A retry writes nothing and asks for no answer.
    expect(await write('which cards do you take?', 'm1')).toMatchObject({ duplicate: true, message: answered.message });
    expect(seen).toHaveLength(1);
  });

  it('stores the pending turn when answerAtOnce gives nothing', async () => {
    const store = await database.open();
    await store.createConversation({ id: 'c1', tokenHash: 't1', customerKey: 'k', now: NOW });
    const result = await store.recordCustomerMessage({
      message: { conversationId: 'c1', from: 'customer', text: 'where is 1002?', clientId: 'm1', at: NOW },
      update: () => ({}),
      turnWhen: ['bot'],
      answerAtOnce: () => undefined,
    });
    expect(result.reply).toBeUndefined();
    expect((await store.listPendingBotTurns()).map((turn) => turn.id)).toEqual([result.turn!.id]);
  });

  it('lets exactly one of two nodes finish a turn, with one reply', async () => {
    const [a, b] = [await database.open(), await database.open()];
    await a.createConversation({ id: 'c1', tokenHash: 't1', customerKey: 'k', now: NOW });
    const { turn } = await shopperSays(a, 'where is 1002?', 'm1');
    const finish = (who: string) => () => ({ reply: { from: 'bot' as const, text: `answer from ${who}`, at: LATER } });
    const [onA, onB] = await Promise.all([a.completeBotTurn(turn!.id, finish('a'), LATER), b.completeBotTurn(turn!.id, finish('b'), LATER)]);
    expect([onA.completed, onB.completed].filter(Boolean)).toHaveLength(1);
    const messages = await b.listMessages('c1');
    expect(messages.map((m) => m.from)).toEqual(['customer', 'bot']);
    expect(messages[1]?.text).toBe((onA.completed ? onA : onB).reply?.text);
    expect(await a.listPendingBotTurns()).toEqual([]);
  });
});

// The queue and the session at scale: with 2,000 conversations waiting, one shopper message costs
// a bounded number of store queries and agents receive only that change; `session` carries the
// last 100 messages and `history` pages back to the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueUpdatePayload } from '../../server/protocol.js';
import type { Store } from '../../server/store/store.js';
import { closeAgents, connectAgent, nextEvent, record, signUp } from '../support/agent-client.js';
import { closeClients, connectCustomer } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const WAITING = 2_000;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  closeClients();
  closeAgents();
  await server.close();
});

/** Counts every call of every store method from now on (the app's store delegates to this object). */
function countQueries(store: Store): { count: () => number; reset: () => void } {
  let calls = 0;
  for (const name of Object.keys(store) as Array<keyof Store>) {
    const method: unknown = store[name];
    if (typeof method !== 'function' || name === 'close') continue;
    const counted = (...args: unknown[]): unknown => {
      calls += 1;
      return Reflect.apply(method, undefined, args);
    };
    Object.assign(store, { [name]: counted });
  }
  return { count: () => calls, reset: () => void (calls = 0) };
}

async function queueConversation(id: string, preview: string) {
  const at = new Date(Date.now() - 60_000).toISOString();
  await server.store.updateConversation(id, { status: 'queued', queuedAt: at, urgency: 'normal', intent: 'human', preview });
}

describe('queue at scale', () => {
  it('with 2,000 waiting, a new shopper message costs a bounded number of queries and agents get only that change', async () => {
    const now = new Date().toISOString();
    await Promise.all(
      Array.from({ length: WAITING }, (_, i) =>
        server.store.createConversation({ id: `w${i}`, tokenHash: `wh${i}`, customerKey: `wk${i}`, now }).then(() => queueConversation(`w${i}`, `waiting ${i}`)),
      ),
    );
    const shopper = await connectCustomer(server.url);
    await queueConversation(shopper.session.conversationId, 'first words');
    const mia = await signUp(server, 'Mia');
    const agent = await connectAgent(server.url, mia.token);
    expect(agent.queue.filter((entry) => entry.status === 'queued')).toHaveLength(WAITING + 1);

    const fullLists = record(agent.socket, 'queue');
    const queries = countQueries(server.store);
    const update = nextEvent<QueueUpdatePayload>(agent.socket, 'queue:update');
    const ack = await shopper.socket.emitWithAck('message', { clientId: 'scale-1', text: 'is anyone there? my parcel is lost' });
    expect(ack.ok).toBe(true);
    const { changed, removed } = await update;
    await server.app.service.idle();
    // Read, write (message + conversation + pending turn), the changed queue row, and the bot's
    // queued turn (read, order check, completion): a handful, however long the queue is.
    expect(queries.count()).toBeGreaterThanOrEqual(2); // the counter sees the store at all
    expect(queries.count()).toBeLessThanOrEqual(8);
    expect(changed.map((entry) => [entry.conversationId, entry.preview])).toEqual([[shopper.session.conversationId, 'is anyone there? my parcel is lost']]);
    expect(removed).toEqual([]);
    expect(fullLists).toEqual([]);
  }, 60_000);

  it('sends the last 100 messages in session with earlier: true, and history pages back to the first', async () => {
    const { session } = await connectCustomer(server.url);
    const at = new Date().toISOString();
    await Promise.all(
      Array.from({ length: 230 }, (_, i) => server.store.appendMessage({ conversationId: session.conversationId, from: 'customer', text: `m${i + 1}`, clientId: `p${i}`, at })),
    );
    const resumed = await connectCustomer(server.url, { token: session.token });
    expect(resumed.session.messages.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 131 + i));
    expect(resumed.session.earlier).toBe(true);
    const page = await resumed.socket.emitWithAck('history', { beforeSeq: 131 });
    expect(page).toMatchObject({ ok: true, earlier: true });
    if (!page.ok) throw new Error('history refused');
    expect([page.messages[0]?.seq, page.messages.at(-1)?.seq]).toEqual([31, 130]);
    const first = await resumed.socket.emitWithAck('history', { beforeSeq: 31 });
    if (!first.ok) throw new Error('history refused');
    expect([first.messages.length, first.messages[0]?.seq, first.earlier]).toEqual([30, 1, false]);
    expect(await resumed.socket.emitWithAck('history', { beforeSeq: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});

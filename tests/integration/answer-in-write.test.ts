// A routine question is answered inside the shopper message's own write (SPEC §8): the reply
// commits with the message, so no bot turn is stored and a crash keeps both or neither. The ack
// still reaches the shopper before the reply, and a conversation whose earlier turn waits on the
// order API is answered in order, never the later question first.
import { createServer, type Server } from 'node:http';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpOrderProvider } from '../../server/orders/order-provider.js';
import { sqliteFileIn } from '../../server/store/sqlite-store.js';
import type { ChatMessage } from '../../server/protocol.js';
import { closeClients, connectCustomer } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
/** With the in-memory demo orders: a stored turn's reply commits a few promises after its message. */
let demo: TestServer;
let slowOrderApi: Server;

/** An order API that knows no order and says so after 300 ms: the turn that asks it waits. */
async function startSlowOrderApi(): Promise<string> {
  slowOrderApi = createServer((_request, response) => {
    setTimeout(() => response.writeHead(404).end(), 300);
  });
  await new Promise<void>((resolve) => slowOrderApi.listen(0, '127.0.0.1', resolve));
  const address = slowOrderApi.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  const baseUrl = await startSlowOrderApi();
  server = await startTestServer({ orders: createHttpOrderProvider({ baseUrl, timeoutMs: 5000 }) });
  demo = await startTestServer();
});
afterEach(() => closeClients());
afterAll(async () => {
  await server.close();
  await demo.close();
  slowOrderApi.closeAllConnections();
  slowOrderApi.close();
});

function storedTurns(conversationId: string): number {
  const db = new Database(sqliteFileIn(server.dataDir), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from bot_turns where conversation_id = ?').get(conversationId) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('answering inside the write', () => {
  it('acks a routine question first, then sends the reply that was stored with it, without a bot turn', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const events: string[] = [];
    const replied = new Promise<ChatMessage>((resolve) =>
      socket.on('message', (message) => {
        events.push(`message:${message.from}`);
        if (message.from === 'bot') resolve(message);
      }),
    );
    // The ack callback, not emitWithAck: its promise would resolve after a message event read in the same chunk.
    const ack = await new Promise((resolve) =>
      socket.emit('message', { clientId: 'q1', text: 'what payment methods do you accept?' }, (response) => {
        events.push('ack');
        resolve(response);
      }),
    );
    const reply = await replied;
    expect(ack).toMatchObject({ ok: true, message: { seq: 1 } });
    expect(reply).toMatchObject({ from: 'bot', seq: 2 });
    expect(reply.text.toLowerCase()).toContain('pay');
    // The echo of the shopper's own message goes out before the ack, as before; the reply after it.
    expect(events.indexOf('ack')).toBeLessThan(events.indexOf('message:bot'));
    expect(storedTurns(session.conversationId)).toBe(0);
    // The reply is stored: a resumed session shows it.
    const resumed = await connectCustomer(server.url, { token: session.token });
    expect(resumed.session.messages.map((m) => m.from)).toEqual(['customer', 'bot']);
  });

  it('acks an order question before the reply its stored turn sends, though one fsync covers both', async () => {
    const { socket } = await connectCustomer(demo.url);
    const events: string[] = [];
    const replied = new Promise<ChatMessage>((resolve) =>
      socket.on('message', (message) => {
        events.push(`message:${message.from}`);
        if (message.from === 'bot') resolve(message);
      }),
    );
    await new Promise((resolve) =>
      socket.emit('message', { clientId: 'o1', text: 'where is my order 1001?' }, (response) => {
        events.push('ack');
        resolve(response);
      }),
    );
    expect((await replied).text).toContain('1001');
    expect(events).toEqual(['message:customer', 'ack', 'message:bot']);
  });

  it('answers a question sent right behind an order lookup only after that lookup answered', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const bot: ChatMessage[] = [];
    const both = new Promise<void>((resolve) =>
      socket.on('message', (message) => {
        if (message.from === 'bot') bot.push(message);
        if (bot.length === 2) resolve();
      }),
    );
    // Both in one tick: they share a group commit, and the first one's turn waits 300 ms for the order API.
    const acks = await Promise.all([
      socket.emitWithAck('message', { clientId: 'order', text: 'where is my order 1002?' }),
      socket.emitWithAck('message', { clientId: 'pay', text: 'what payment methods do you accept?' }),
    ]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await both;
    expect(bot.map((message) => message.seq)).toEqual([3, 4]);
    expect(bot[0]!.text).toContain('1002');
    expect(bot[1]!.text).not.toContain('1002');
    // The order question took the stored turn; the one behind it did too, to keep the order.
    expect(storedTurns(session.conversationId)).toBe(2);
  });
});

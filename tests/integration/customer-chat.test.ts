// The shopper's side over a real socket.io server, a real SQLite file and the demo orders.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeClients, connectCustomer, connectUntypedCustomer, fromBot, nextMessage, type CustomerClient } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => closeClients());
afterAll(async () => {
  await server.close();
});

async function say(socket: CustomerClient, text: string, clientId = crypto.randomUUID()) {
  const reply = nextMessage(socket, fromBot);
  const ack = await socket.emitWithAck('message', { clientId, text });
  return { ack, reply: await reply };
}

describe('/customer', () => {
  it('answers "where is my order 1001" with the carrier, and the tracking number once the checkout email is typed', async () => {
    const { socket, session } = await connectCustomer(server.url);
    expect(session).toMatchObject({ status: 'bot', messages: [] });
    const { ack, reply } = await say(socket, 'where is my order 1001');
    expect(ack).toMatchObject({ ok: true, message: { from: 'customer', seq: 1, text: 'where is my order 1001' } });
    const orders = (await import('../../server/demo/orders.json', { with: { type: 'json' } })).default as Array<Record<string, unknown>>;
    const order = orders.find((o) => o.id === '1001')!;
    expect(reply.text).toContain(String(order.carrier));
    expect(reply.text).not.toContain(String(order.trackingNumber));
    expect(reply).toMatchObject({ from: 'bot', seq: 2, conversationId: session.conversationId });
    const unlocked = await say(socket, String(order.email));
    expect(unlocked.reply.text).toContain(String(order.trackingNumber));
  });

  it('asks for the order number once and takes it from the next message', async () => {
    const { socket } = await connectCustomer(server.url);
    const first = await say(socket, 'where is my parcel?');
    expect(first.reply.text.toLowerCase()).toContain('order number');
    const second = await say(socket, '1002');
    expect(second.reply.text).toContain('1002');
    expect(second.reply.text.toLowerCase()).not.toContain('what is your order number');
  });

  it('offers a refund or an exchange for a delivered order', async () => {
    const { socket } = await connectCustomer(server.url);
    const { reply } = await say(socket, 'I want a refund for 1003');
    expect(reply.text.toLowerCase()).toContain('refund');
    expect(reply.text.toLowerCase()).toContain('exchange');
  });

  it('stores a repeated clientId once and acks the original with duplicate: true', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const clientId = crypto.randomUUID();
    const first = await socket.emitWithAck('message', { clientId, text: 'hello there' });
    const again = await socket.emitWithAck('message', { clientId, text: 'hello there' });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(first.ok && again.ok && again.message.id === first.message.id).toBe(true);
    await server.app.service.idle();
    const stored = await server.store.listMessages(session.conversationId);
    expect(stored.filter((m) => m.clientId === clientId)).toHaveLength(1);
  });

  it('resumes the whole conversation with the token after a reconnect', async () => {
    const { socket, session } = await connectCustomer(server.url);
    await say(socket, 'where is my order 1004');
    await server.app.service.idle();
    socket.disconnect();
    const resumed = await connectCustomer(server.url, { token: session.token });
    expect(resumed.session.conversationId).toBe(session.conversationId);
    expect(resumed.session.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(resumed.session.messages[0]!.text).toBe('where is my order 1004');
  });

  it('refuses bad payloads with a code while another shopper chats on', async () => {
    // Untyped on purpose: it sends payloads the protocol types forbid.
    const { socket: bad } = await connectUntypedCustomer(server.url);
    const { socket: good } = await connectCustomer(server.url);
    const tooLong = await bad.emitWithAck('message', { clientId: 'a', text: 'x'.repeat(2001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'too_long' } });
    const notString = await bad.emitWithAck('message', { clientId: 'b', text: 42 });
    expect(notString).toMatchObject({ ok: false, error: { code: 'invalid_payload', path: 'text' } });
    const nullPayload = await bad.emitWithAck('message', null);
    expect(nullPayload).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(bad.connected).toBe(true);
    const { reply } = await say(good, 'where is my order 1001');
    expect(reply.text).toContain('1001');
  });

  it('rate-limits a flood and keeps every accepted message', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const acks = await Promise.all(Array.from({ length: 25 }, (_, i) => socket.emitWithAck('message', { clientId: `f${i}`, text: `ping ${i}` })));
    const accepted = acks.filter((ack) => ack.ok);
    expect(acks.some((ack) => !ack.ok && ack.error.code === 'rate_limited')).toBe(true);
    await server.app.service.idle();
    const stored = await server.store.listMessages(session.conversationId);
    expect(stored.filter((m) => m.from === 'customer')).toHaveLength(accepted.length);
  });

  it('hands a safety case to a person at once and tells the shopper kindly', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const status = new Promise((resolve) => socket.once('status', resolve));
    const { reply } = await say(socket, 'the charger caught fire and my son burned his hand');
    expect(reply.text.toLowerCase()).toMatch(/stop using|emergency/);
    expect(await status).toMatchObject({ status: 'queued', queuePosition: expect.any(Number) });
    const conversation = await server.store.getConversation(session.conversationId);
    expect(conversation).toMatchObject({ status: 'queued', urgency: 'critical' });
  });
});

describe('HTTP', () => {
  it('serves the storefront, the widget and health', async () => {
    const page = await fetch(`${server.url}/`);
    expect(await page.text()).toContain('src="/widget.js"');
    const widget = await fetch(`${server.url}/widget.js`);
    expect(widget.headers.get('content-type')).toContain('javascript');
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await widget.text()).length).toBeGreaterThan(10_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const missing = await fetch(`${server.url}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

// Verified shopper identity and private orders over a real server (SPEC §10): an anonymous
// shopper never sees 1001's tracking number until they type its email; a valid JWT shows it at
// once; a bad or expired JWT is refused with `unauthorized`; three wrong emails end lookups;
// a verified customer's conversations are linked and the agent sees the earlier ones.
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import orders from '../../server/demo/orders.json' with { type: 'json' };
import type { ConversationView } from '../../server/protocol.js';
import { closeAgents, connectAgent } from '../support/agent-client.js';
import { closeClients, connectCustomer, fromBot, nextMessage, type CustomerClient } from '../support/socket-client.js';
import { api } from '../support/rest-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const SECRET = 'a-shop-identity-secret-of-32-chars-or-more';
const order1001 = orders.find((order) => order.id === '1001')!;
const order1003 = orders.find((order) => order.id === '1003')!;
let server: TestServer;
let agentToken: string;

beforeAll(async () => {
  server = await startTestServer({ env: { IDENTITY_SECRET: SECRET } });
  await server.app.auth.createAgent({ email: 'ida@shop.example', name: 'Ida', password: 'a-long-agent-password', role: 'agent' });
  agentToken = (await server.app.auth.login('ida@shop.example', 'a-long-agent-password')).token;
});
afterEach(() => {
  closeClients();
  closeAgents();
});
afterAll(async () => {
  await server.close();
});

/** The three lines a shop's backend writes (README, Security). */
function sign(claims: Record<string, unknown>, secret = SECRET, expiresIn: string | number = '10m') {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(expiresIn).sign(new TextEncoder().encode(secret));
}

async function say(socket: CustomerClient, text: string) {
  const reply = nextMessage(socket, fromBot);
  const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  expect(ack.ok).toBe(true);
  return (await reply).text;
}

function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => 'connected',
    (error: Error & { data?: { code?: string } }) => error.data?.code,
  );
}

describe('private orders', () => {
  it('demo orders carry the buyers named in SPEC §10', () => {
    expect(order1001.email).toBe('lena.fischer@example.de');
    expect(order1003.email).toBe('camille.martin@example.fr');
    expect(orders.every((order) => typeof order.email === 'string')).toBe(true);
  });

  it('an anonymous shopper never sees 1001 details until typing its email', async () => {
    const { socket } = await connectCustomer(server.url);
    const first = await say(socket, 'where is my order 1001?');
    for (const secret of [order1001.trackingNumber!, order1001.trackingUrl!, order1001.lastEvent!.location, order1001.items[0]!.name]) {
      expect(first).not.toContain(secret);
    }
    expect(first.toLowerCase()).toContain('email');
    const unlocked = await say(socket, `it's ${order1001.email}`);
    expect(unlocked).toContain(order1001.trackingNumber!);
    // The email unlocks this order in this conversation only, not another buyer's order.
    const other = await say(socket, 'and where is order 1003?');
    expect(other).not.toContain(order1003.trackingNumber!);
  });

  it('an email in the same message counts: the right one unlocks, a wrong one is a guess', async () => {
    const { socket } = await connectCustomer(server.url);
    expect(await say(socket, `where is order 1001? I'm ${order1001.email}`)).toContain(order1001.trackingNumber!);
    const other = await connectCustomer(server.url);
    expect(await say(other.socket, 'where is order 1001? I am a@example.com')).not.toContain(order1001.trackingNumber!);
    await say(other.socket, 'b@example.com');
    expect(await say(other.socket, 'c@example.com')).toMatch(/person/);
  });

  it("the agent's claim carries 1001's items and tracking that the anonymous shopper never saw", async () => {
    const { socket, session } = await connectCustomer(server.url);
    const seen = [await say(socket, 'where is my order 1001?'), await say(socket, "I'd like to talk to a person")];
    await server.app.service.idle();
    const agent = await connectAgent(server.url, agentToken);
    const claim = await agent.socket.emitWithAck('claim', { conversationId: session.conversationId });
    if (!claim.ok) throw new Error(claim.error.code);
    const lookup = claim.conversation.summary.lookups.find((candidate) => candidate.orderId === '1001');
    expect(lookup).toMatchObject({ trackingNumber: order1001.trackingNumber, items: expect.arrayContaining([expect.stringContaining(order1001.items[0]!.name)]) });
    const shopperSaw = claim.conversation.messages.filter((message) => message.from !== 'customer').map((message) => message.text);
    for (const text of [...seen, ...shopperSaw]) expect(text).not.toContain(order1001.trackingNumber!);
  });

  it('three wrong emails end lookups in that conversation and offer a person', async () => {
    const { socket } = await connectCustomer(server.url);
    await say(socket, 'where is order 1001');
    expect(await say(socket, 'guess@example.com')).toMatch(/doesn't match/);
    expect(await say(socket, 'maybe@example.com')).toMatch(/doesn't match/);
    expect(await say(socket, 'third@example.com')).toMatch(/person/);
    const after = await say(socket, `${order1001.email} where is order 1001`);
    expect(after).not.toContain(order1001.trackingNumber!);
    expect(after).toMatch(/person/);
  });
});

describe('verified identity', () => {
  it('a valid JWT shows the order details at once', async () => {
    const identity = await sign({ sub: 'cust-lena', email: order1001.email, name: 'Lena' });
    const { socket, session } = await connectCustomer(server.url, { identity });
    expect(await say(socket, 'where is my order 1001')).toContain(order1001.trackingNumber!);
    // The identity's email is the contact: the widget does not ask for one (SPEC §11).
    expect(session.contactKnown).toBe(true);
    expect(await server.store.getConversation(session.conversationId)).toMatchObject({ contactEmail: order1001.email, contactName: 'Lena' });
  });

  it('refuses a bad signature, an expired token or a token without exp with unauthorized', async () => {
    const wrongKey = await sign({ sub: 'x', email: 'x@example.com' }, 'another-secret-that-is-32-characters-long');
    const expired = await sign({ sub: 'x', email: 'x@example.com' }, SECRET, Math.floor(Date.now() / 1000) - 60);
    const noExp = await new SignJWT({ sub: 'x', email: 'x@example.com' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
    for (const identity of [wrongKey, expired, noExp, 'not-a-jwt']) {
      expect(await refusal(connectCustomer(server.url, { identity }))).toBe('unauthorized');
    }
  });

  it('refuses any identity when IDENTITY_SECRET is not set', async () => {
    const plain = await startTestServer();
    try {
      const identity = await sign({ sub: 'x', email: 'x@example.com' });
      expect(await refusal(connectCustomer(plain.url, { identity }))).toBe('unauthorized');
    } finally {
      closeClients();
      await plain.close();
    }
  });

  it("links a customer's conversations: the agent sees the earlier ones", async () => {
    const identity = await sign({ sub: 'cust-camille', email: order1003.email, name: 'Camille' });
    const first = await connectCustomer(server.url, { identity });
    await say(first.socket, 'hello');
    const second = await connectCustomer(server.url, { identity });
    expect(second.session.conversationId).not.toBe(first.session.conversationId);
    await say(second.socket, 'I want to talk to a human');
    await server.app.service.idle();
    const { status, body } = await api<ConversationView>(server, agentToken, 'GET', `/api/conversations/${second.session.conversationId}`);
    expect(status).toBe(200);
    expect(body.customer).toMatchObject({ earlierConversations: 1, verified: { email: order1003.email, name: 'Camille' } });
    expect(body.customer.earlier).toEqual([expect.objectContaining({ id: first.session.conversationId })]);
  });
});

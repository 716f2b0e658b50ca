// Human handoff end to end: real server, real sockets, a temporary SQLite file, the real bot and triage.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../server/auth/tokens.js';
import type { ChatMessage, StatusPayload } from '../../server/protocol.js';
import { closeAgents, connectAgent, nextEvent, record, signUp, type SignedInAgent } from '../support/agent-client.js';
import { closeClients, connectCustomer, fromBot, nextMessage, type CustomerClient } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let mia: SignedInAgent;
let leo: SignedInAgent;

beforeAll(async () => {
  server = await startTestServer();
  [mia, leo] = await Promise.all([signUp(server, 'Mia'), signUp(server, 'Leo')]);
});
afterEach(() => {
  closeClients();
  closeAgents();
});
afterAll(async () => {
  await server.close();
});

async function say(socket: CustomerClient, text: string) {
  const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(`message refused: ${ack.error.code}`);
  await server.app.service.idle();
  return ack.message;
}

/** A shopper whose conversation the bot has handed to the queue. */
async function queuedShopper(...texts: string[]) {
  const { socket, session } = await connectCustomer(server.url);
  for (const text of texts) await say(socket, text);
  expect((await server.store.getConversation(session.conversationId))?.status).toBe('queued');
  return { socket, id: session.conversationId };
}

const SAFETY = 'the charger caught fire and my son burned his hand';

describe('queue', () => {
  it('puts a safety message, critical, above an earlier routine handoff, and tells the first shopper they moved', async () => {
    const routine = await queuedShopper('I want to talk to a human');
    const moved = nextEvent<StatusPayload>(routine.socket, 'status', (s) => s.status === 'queued' && s.queuePosition !== undefined);
    const safety = await queuedShopper(SAFETY);
    const { queue } = await connectAgent(server.url, mia.token);
    const ids = queue.filter((e) => e.status === 'queued').map((e) => e.conversationId);
    expect(ids.indexOf(safety.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(safety.id)).toBeLessThan(ids.indexOf(routine.id));
    expect(queue.find((e) => e.conversationId === safety.id)).toMatchObject({ urgency: 'critical', reasons: expect.arrayContaining(['safety:fire']) });
    const status = await moved;
    expect(status.estimatedWaitSeconds).toBeGreaterThan(0);
  });
});

describe('claim and chat', () => {
  it('gives the claiming agent every shopper message verbatim plus the summary, and keeps the bot silent', async () => {
    const second = 'he is ok now but the cable of order 1001 melted';
    const shopper = await queuedShopper(SAFETY, second);
    const { socket: agent } = await connectAgent(server.url, mia.token);
    const joined = nextMessage(shopper.socket, (m) => m.from === 'system');
    const assigned = nextEvent<StatusPayload>(shopper.socket, 'status', (s) => s.status === 'assigned');
    const claim = await agent.emitWithAck('claim', { conversationId: shopper.id });
    if (!claim.ok) throw new Error(claim.error.code);
    const { conversation } = claim;
    expect(conversation.messages.filter((m) => m.from === 'customer').map((m) => m.text)).toEqual([SAFETY, second]);
    expect(conversation.triage).not.toBeNull();
    expect(conversation.summary).toMatchObject({ urgency: 'critical', reasons: expect.arrayContaining(['safety:fire', 'safety:burn']), orderIds: ['1001'] });
    expect(conversation.summary.sentimentTrend).toHaveLength(2);
    expect(conversation.customer).toMatchObject({ earlierConversations: 0 });
    expect((await joined).text).toBe('Mia has joined and has read your conversation');
    expect(await assigned).toMatchObject({ agent: { name: 'Mia' } });

    const toAgent = nextEvent<ChatMessage>(agent, 'message', (m) => m.from === 'customer');
    const update = nextEvent(agent, 'conversation', (c: { id: string }) => c.id === shopper.id);
    const botReplies = record<ChatMessage>(shopper.socket, 'message');
    const verbatim = 'Are you still there?? I need   to know what to do with the burnt cable';
    await say(shopper.socket, verbatim);
    expect((await toAgent).text).toBe(verbatim);
    await update;
    expect(botReplies.filter(fromBot)).toEqual([]);
    const stored = await server.store.listMessages(shopper.id);
    expect(stored.at(-1)).toMatchObject({ from: 'customer', text: verbatim });
  });

  it("shows the shopper's typing to the agent holding the conversation, and to no other agent", async () => {
    const shopper = await queuedShopper('I want to talk to a human');
    const { socket: agent } = await connectAgent(server.url, mia.token);
    const { socket: other } = await connectAgent(server.url, leo.token);
    expect(await agent.emitWithAck('claim', { conversationId: shopper.id })).toMatchObject({ ok: true });
    const elsewhere = record(other, 'typing');
    const typing = nextEvent(agent, 'typing');
    expect(await shopper.socket.emitWithAck('typing', { typing: true })).toEqual({ ok: true });
    expect(await typing).toEqual({ conversationId: shopper.id, from: 'customer', typing: true });
    const stopped = nextEvent(agent, 'typing');
    expect(await shopper.socket.emitWithAck('typing', { typing: false })).toEqual({ ok: true });
    expect(await stopped).toMatchObject({ typing: false });
    expect(elsewhere).toEqual([]);
  });

  it('carries agent replies to the shopper and keeps notes away from the shopper', async () => {
    const shopper = await queuedShopper('I want to talk to a human');
    const { socket: agent } = await connectAgent(server.url, mia.token);
    expect(await agent.emitWithAck('claim', { conversationId: shopper.id })).toMatchObject({ ok: true });
    const seen = record<ChatMessage>(shopper.socket, 'message');
    const typing = nextEvent(shopper.socket, 'typing');
    expect(await agent.emitWithAck('typing', { conversationId: shopper.id, typing: true })).toEqual({ ok: true });
    expect(await typing).toEqual({ from: 'agent', typing: true, name: 'Mia' });

    const note = await agent.emitWithAck('note', { conversationId: shopper.id, text: 'INTERNAL: offer a voucher' });
    expect(note).toMatchObject({ ok: true, note: { text: 'INTERNAL: offer a voucher' } });
    const received = nextMessage(shopper.socket, (m) => m.from === 'agent');
    const reply = await agent.emitWithAck('reply', { conversationId: shopper.id, clientId: 'r1', text: 'Hi, I am Mia. Let me help.' });
    expect(reply).toMatchObject({ ok: true, message: { from: 'agent', author: { name: 'Mia' } } });
    expect(await received).toMatchObject({ text: 'Hi, I am Mia. Let me help.', author: { name: 'Mia' } });
    // The note was sent first: had it reached the shopper, it would have arrived before the reply.
    expect(seen.map((m) => m.text)).not.toContain('INTERNAL: offer a voucher');
    expect((await server.store.listMessages(shopper.id)).map((m) => m.text)).not.toContain('INTERNAL: offer a voucher');
    expect(await agent.emitWithAck('reply', { conversationId: shopper.id, clientId: 'r1', text: 'Hi, I am Mia. Let me help.' })).toMatchObject({ ok: true, duplicate: true });
    expect((await server.store.getConversation(shopper.id))?.firstResponseAt).not.toBeNull();
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    const shoppers = await Promise.all([1, 2, 3].map(() => queuedShopper('I want to talk to a human')));
    const [{ socket: a }, { socket: b }] = await Promise.all([connectAgent(server.url, mia.token), connectAgent(server.url, leo.token)]);
    for (const shopper of shoppers) {
      const acks = await Promise.all([a, b].map((s) => s.emitWithAck('claim', { conversationId: shopper.id })));
      expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
      expect(acks.find((ack) => !ack.ok)).toMatchObject({ ok: false, error: { code: 'already_claimed' } });
    }
    // The loser may not write into the winner's conversation either.
    const holder = (await server.store.getConversation(shoppers[0]!.id))?.assigneeId;
    const loser = holder === mia.id ? b : a;
    const intrusion = await loser.emitWithAck('reply', { conversationId: shoppers[0]!.id, clientId: 'x', text: 'me too' });
    expect(intrusion).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('resolves, then the shopper rates and the rating is stored', async () => {
    const shopper = await queuedShopper('I want to talk to a human');
    const { socket: agent } = await connectAgent(server.url, mia.token);
    await agent.emitWithAck('claim', { conversationId: shopper.id });
    expect(await shopper.socket.emitWithAck('rate', { score: 5 })).toMatchObject({ ok: false, error: { code: 'conversation_closed' } });
    const resolved = nextEvent<StatusPayload>(shopper.socket, 'status', (s) => s.status === 'resolved');
    expect(await agent.emitWithAck('resolve', { conversationId: shopper.id })).toMatchObject({ ok: true });
    await resolved;
    expect(await shopper.socket.emitWithAck('rate', { score: 4, comment: 'quick and kind' })).toEqual({ ok: true });
    expect(await server.store.getConversation(shopper.id)).toMatchObject({ status: 'resolved', rating: 4, ratingComment: 'quick and kind' });
    expect(await agent.emitWithAck('reply', { conversationId: shopper.id, clientId: 'late', text: 'one more thing' })).toMatchObject({ ok: false, error: { code: 'conversation_closed' } });
  });
});

describe('refusals', () => {
  it('refuses an /agent socket without a token and with an expired one', async () => {
    await expect(connectAgent(server.url, undefined)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    const expired = newToken();
    await server.store.createSession({ tokenHash: hashToken(expired), agentId: mia.id, createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2025-01-01T12:00:00.000Z' });
    await expect(connectAgent(server.url, expired)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    const rest = await fetch(`${server.url}/api/conversations/x`, { headers: { authorization: `Bearer ${expired}` } });
    expect(rest.status).toBe(401);
  });

  it('refuses an agent calling the ops-only POST /api/agents with 403', async () => {
    const body = JSON.stringify({ email: 'new.person@shop.example', name: 'New', password: 'long-enough-pass', role: 'agent' });
    const res = await fetch(`${server.url}/api/agents`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${mia.token}` }, body });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await server.store.findAgentByEmail('new.person@shop.example')).toBeUndefined();
  });
});

describe('server health', () => {
  it('logged no unexpected error during all of the above', () => {
    expect(server.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});

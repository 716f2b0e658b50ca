// The conversation while it waits for a person and after it is resolved: real server, sockets, SQLite, triage and demo orders.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, StatusPayload } from '../../server/protocol.js';
import { earlierCasesOf } from '../../server/handoff/conversation-case.js';
import { loadConversationView } from '../../server/conversations/conversation-view.js';
import { closeAgents, connectAgent, nextEvent, record, signUp, type SignedInAgent } from '../support/agent-client.js';
import { closeClients, connectCustomer, fromBot, type CustomerClient } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let mia: SignedInAgent;

beforeAll(async () => {
  server = await startTestServer();
  mia = await signUp(server, 'Mia');
});
afterEach(() => {
  closeClients();
  closeAgents();
});
afterAll(async () => {
  await server.close();
});

async function say(target: TestServer, socket: CustomerClient, text: string) {
  const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(`message refused: ${ack.error.code}`);
  await target.app.service.idle();
  // Replies commit after the ack (group commit): one more round trip on the same socket brings
  // everything the server emitted before it.
  await socket.emitWithAck('typing', { typing: false });
  return ack.message;
}

/** Says `text` and returns the bot replies that arrived for it (none when the bot stayed silent). */
async function botRepliesTo(target: TestServer, socket: CustomerClient, text: string): Promise<ChatMessage[]> {
  const seen = record<ChatMessage>(socket, 'message');
  await say(target, socket, text);
  return seen.filter(fromBot);
}

async function queuedShopper(target: TestServer = server) {
  const { socket, session } = await connectCustomer(target.url);
  await say(target, socket, 'I want to speak to a human');
  expect((await target.store.getConversation(session.conversationId))?.status).toBe('queued');
  return { socket, id: session.conversationId };
}

const SAFETY = "the charger caught fire and burned my son's hand";

describe('the bot while queued', () => {
  it('answers a new safety report with safety advice and makes the case critical, at the front of the queue', async () => {
    const earlier = await queuedShopper();
    const shopper = await queuedShopper();
    expect((await server.store.getConversation(shopper.id))?.urgency).not.toBe('critical');
    const replies = await botRepliesTo(server, shopper.socket, SAFETY);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/stop using the product/i);
    expect(replies[0]!.text).toMatch(/emergency services/i);
    expect(await server.store.getConversation(shopper.id)).toMatchObject({ urgency: 'critical', reasons: expect.arrayContaining(['request:human', 'safety:fire']) });
    const { queue } = await connectAgent(server.url, mia.token);
    const ids = queue.filter((entry) => entry.status === 'queued').map((entry) => entry.conversationId);
    expect(ids.indexOf(shopper.id)).toBeLessThan(ids.indexOf(earlier.id));
  });

  it('keeps a safety case critical when the shopper then writes "hello?" and "Bitte antworten Sie"', async () => {
    const { socket, session } = await connectCustomer(server.url);
    await say(server, socket, SAFETY);
    const before = await server.store.getConversation(session.conversationId);
    expect(before).toMatchObject({ status: 'queued', urgency: 'critical' });
    await say(server, socket, 'hello?');
    await say(server, socket, 'Bitte antworten Sie');
    const after = await server.store.getConversation(session.conversationId);
    expect(after).toMatchObject({ urgency: 'critical', intent: before!.intent });
    expect(after!.reasons).toEqual(expect.arrayContaining(before!.reasons));
  });

  it('answers an order lookup with that order\'s status', async () => {
    const shopper = await queuedShopper();
    const replies = await botRepliesTo(server, shopper.socket, 'where is my order 1005');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('1005');
  });

  it('acknowledges further messages without sending the same text twice in a row', async () => {
    const shopper = await queuedShopper();
    const texts: string[] = [];
    for (const text of ['hello?', 'is anyone there', 'hello??']) texts.push(...(await botRepliesTo(server, shopper.socket, text)).map((m) => m.text));
    expect(texts).toHaveLength(3);
    expect(texts[1]).not.toBe(texts[0]);
    expect(texts[2]).not.toBe(texts[1]);
  });

  it('says nothing from the moment an agent holds the conversation', async () => {
    const shopper = await queuedShopper();
    const { socket: agent } = await connectAgent(server.url, mia.token);
    expect(await agent.emitWithAck('claim', { conversationId: shopper.id })).toMatchObject({ ok: true });
    expect(await botRepliesTo(server, shopper.socket, SAFETY)).toEqual([]);
    expect(await botRepliesTo(server, shopper.socket, 'where is my order 1005')).toEqual([]);
    // The case still becomes critical for the agent.
    expect((await server.store.getConversation(shopper.id))?.urgency).toBe('critical');
  });
});

describe('cases', () => {
  it('reopening a resolved safety case starts a new case and keeps the old one with its resolution', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const id = session.conversationId;
    await say(server, socket, SAFETY);
    const { socket: agent } = await connectAgent(server.url, mia.token);
    await agent.emitWithAck('claim', { conversationId: id });
    await agent.emitWithAck('reply', { conversationId: id, clientId: 'a1', text: 'We are sending a replacement.' });
    const resolved = nextEvent<StatusPayload>(socket, 'status', (s) => s.status === 'resolved');
    await agent.emitWithAck('resolve', { conversationId: id });
    await resolved;
    await say(server, socket, 'where is my order 1005');
    const conversation = (await server.store.getConversation(id))!;
    expect(conversation).toMatchObject({ status: 'bot', intent: 'logistics' });
    expect(conversation.reasons.some((reason) => reason.startsWith('safety:'))).toBe(false);
    const [closed] = earlierCasesOf(conversation);
    expect(closed).toMatchObject({ number: 1, urgency: 'critical', resolvedBy: 'Mia', reasons: expect.arrayContaining(['safety:fire']) });
    expect(closed!.resolvedAt).not.toBeNull();
    expect(closed!.firstResponseAt).not.toBeNull();
    // The agent sees both: the new case, and the closed one in the summary.
    const view = await loadConversationView(server.store, id);
    expect(view.summary).toMatchObject({ intent: 'logistics', earlierCases: [{ number: 1, urgency: 'critical' }] });
  });
});

describe('queue banners', () => {
  it('off duty gives only the next opening time, never a shorter wait estimate', async () => {
    // Saturday 2026-11-28 12:00 UTC; the team works Mon-Fri in Berlin.
    const closed = await startTestServer({ env: { BUSINESS_HOURS: 'Mon-Fri 09:00-18:00 Europe/Berlin' }, clock: () => new Date('2026-11-28T12:00:00Z') });
    try {
      const { socket, session } = await connectCustomer(closed.url);
      // Still with the bot, the session already says no one is on duty: the widget asks for an email (SPEC §11).
      expect(session).toMatchObject({ status: 'bot', nextOpenAt: '2026-11-30T08:00:00.000Z' });
      const statuses = record<StatusPayload>(socket, 'status');
      await say(closed, socket, 'I want to speak to a human');
      const queued = statuses.filter((status) => status.status === 'queued');
      expect(queued.length).toBeGreaterThan(0);
      for (const status of queued) {
        expect(status.nextOpenAt).toBe('2026-11-30T08:00:00.000Z');
        expect(status.estimatedWaitSeconds).toBeUndefined();
      }
      // A second shopper joining moves nobody's banner to a minutes estimate.
      const second = await connectCustomer(closed.url);
      await say(closed, second.socket, 'I want to speak to a human');
      expect(statuses.filter((status) => status.estimatedWaitSeconds !== undefined)).toEqual([]);
    } finally {
      closeClients();
      await closed.close();
    }
  });

  it('on duty gives the position and a wait estimate', async () => {
    const shopper = await connectCustomer(server.url);
    expect(shopper.session.nextOpenAt).toBeUndefined();
    const status = nextEvent<StatusPayload>(shopper.socket, 'status', (s) => s.status === 'queued');
    await say(server, shopper.socket, 'I want to speak to a human');
    expect(await status).toMatchObject({ queuePosition: expect.any(Number), estimatedWaitSeconds: expect.any(Number) });
    expect((await status).nextOpenAt).toBeUndefined();
  });
});

describe('server health', () => {
  it('logged no unexpected error during all of the above', () => {
    expect(server.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});

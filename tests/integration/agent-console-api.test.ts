// The agent REST API, transfer, release after a disconnect and several tabs, on a real server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationView, StatusPayload } from '../../server/protocol.js';
import { closeAgents, connectAgent, login, nextEvent, signUp, type SignedInAgent } from '../support/agent-client.js';
import { closeClients, connectCustomer, nextMessage } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let mia: SignedInAgent;
let leo: SignedInAgent;
let boss: SignedInAgent;

beforeAll(async () => {
  server = await startTestServer();
  [mia, leo, boss] = await Promise.all([signUp(server, 'Mia'), signUp(server, 'Leo'), signUp(server, 'Boss', 'ops')]);
});
afterEach(() => {
  closeClients();
  closeAgents();
});
afterAll(async () => {
  await server.close();
});

const api = (path: string, token: string | undefined, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function queuedShopper(text = 'I want to talk to a human') {
  const { socket, session } = await connectCustomer(server.url);
  await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  await server.app.service.idle();
  return { socket, id: session.conversationId };
}

describe('REST', () => {
  it('logs in with 200, refuses a wrong password with 401 and a bad body with 400', async () => {
    const ok = await login(server, mia.email, mia.password);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token: expect.any(String), agent: { id: mia.id, name: 'Mia', role: 'agent' } });
    expect((await login(server, mia.email, 'wrong-password')).status).toBe(401);
    const bad = await api('/api/auth/login', undefined, { email: mia.email });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_payload', details: { path: 'password' } } });
  });

  it('answers a body that is not JSON with 400 invalid_payload, and an oversized one with 413 too_long, as JSON', async () => {
    const post = (body: string) => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const broken = await post('{"email":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'invalid_payload' } });
    const huge = await post(JSON.stringify({ email: 'x'.repeat(100_000), password: 'y' }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'too_long' } });
  });

  it('answers 429 after too many sign-in attempts', async () => {
    await server.app.auth.createAgent({ email: 'target@shop.example', name: 'Target', password: 'long-enough-pass', role: 'agent' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(server, 'target@shop.example', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('lets ops create an account that can sign in, and refuses the same email twice', async () => {
    const account = { email: 'nina@shop.example', name: 'Nina', password: 'long-enough-pass', role: 'agent' };
    const created = await api('/api/agents', boss.token, account);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ agent: { name: 'Nina', role: 'agent', email: 'nina@shop.example' } });
    expect((await login(server, 'nina@shop.example', 'long-enough-pass')).status).toBe(200);
    expect((await api('/api/agents', boss.token, account)).status).toBe(400);
    expect((await api('/api/agents', boss.token, { ...account, email: 'x@shop.example', password: 'short' })).status).toBe(400);
    expect((await api('/api/agents', undefined, account)).status).toBe(401);
  });

  it('triages a sentence for an agent only', async () => {
    expect((await api('/api/triage', undefined, { text: 'where is my order 1001' })).status).toBe(401);
    const res = await api('/api/triage', mia.token, { text: 'where is my order 1001' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ intent: 'logistics', entities: { orderIds: ['1001'] }, handoff: false });
  });

  it('returns a conversation with per-message triage, notes and summary; 404 for an unknown id', async () => {
    const shopper = await queuedShopper('the charger caught fire and my son burned his hand');
    const { socket } = await connectAgent(server.url, leo.token);
    await socket.emitWithAck('note', { conversationId: shopper.id, text: 'call the safety team' });
    const res = await api(`/api/conversations/${shopper.id}`, mia.token);
    expect(res.status).toBe(200);
    const view = (await res.json()) as ConversationView;
    const first = view.messages[0];
    expect(first).toMatchObject({ from: 'customer', text: 'the charger caught fire and my son burned his hand' });
    expect(view.messageTriage[first!.id]).toMatchObject({ urgency: 'critical', safety: true });
    expect(view.notes).toEqual([expect.objectContaining({ text: 'call the safety team', agentName: 'Leo' })]);
    expect(view.summary).toMatchObject({ urgency: 'critical', intent: 'complaint' });
    expect((await api('/api/conversations/nope', mia.token)).status).toBe(404);
    expect((await api(`/api/conversations/${shopper.id}`, undefined)).status).toBe(401);
  });
});

describe('transfer and release', () => {
  it('transfers to a colleague, who receives it and may reply; the first agent may not', async () => {
    const shopper = await queuedShopper();
    const [{ socket: a }, { socket: b }] = await Promise.all([connectAgent(server.url, mia.token), connectAgent(server.url, leo.token)]);
    await a.emitWithAck('claim', { conversationId: shopper.id });
    const arrives = nextEvent(b, 'conversation', (c: { id: string }) => c.id === shopper.id);
    const told = nextMessage(shopper.socket, (m) => m.from === 'system' && m.text.includes('Leo'));
    expect(await a.emitWithAck('transfer', { conversationId: shopper.id, toAgentId: leo.id })).toMatchObject({ ok: true });
    await arrives;
    expect((await told).text).toContain('passing you to a colleague');
    expect(await b.emitWithAck('reply', { conversationId: shopper.id, clientId: 'l1', text: 'Leo here' })).toMatchObject({ ok: true });
    expect(await a.emitWithAck('reply', { conversationId: shopper.id, clientId: 'm1', text: 'Mia here' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await a.emitWithAck('transfer', { conversationId: shopper.id, toAgentId: 'nobody' })).toMatchObject({ ok: false });
  });

  it('transfers back to the queue keeping the waiting time, and tells the shopper their position', async () => {
    const shopper = await queuedShopper();
    const queuedAt = (await server.store.getConversation(shopper.id))?.queuedAt;
    const { socket } = await connectAgent(server.url, mia.token);
    await socket.emitWithAck('claim', { conversationId: shopper.id });
    const position = nextEvent<StatusPayload>(shopper.socket, 'status', (s) => s.status === 'queued' && s.queuePosition !== undefined);
    expect(await socket.emitWithAck('transfer', { conversationId: shopper.id })).toMatchObject({ ok: true });
    expect(await position).toMatchObject({ queuePosition: expect.any(Number), estimatedWaitSeconds: expect.any(Number) });
    expect(await server.store.getConversation(shopper.id)).toMatchObject({ status: 'queued', assigneeId: null, queuedAt });
  });

  it('releases the conversations of an agent whose every tab is gone, and not while one tab stays', async () => {
    const shopper = await queuedShopper();
    const [first, second] = await Promise.all([connectAgent(server.url, mia.token), connectAgent(server.url, mia.token)]);
    await first.socket.emitWithAck('claim', { conversationId: shopper.id });
    // The second tab receives the shopper's messages too.
    const inSecondTab = nextEvent<ChatMessage>(second.socket, 'message', (m) => m.text === 'still there?');
    await shopper.socket.emitWithAck('message', { clientId: crypto.randomUUID(), text: 'still there?' });
    await inSecondTab;

    first.socket.disconnect();
    expect(await server.app.agents.releaseIfGone(mia.id)).toBe(0);
    const told = nextMessage(shopper.socket, (m) => m.from === 'system' && m.text.includes('lost their connection'));
    second.socket.disconnect();
    // Wait until the server has seen the last tab go (a client's disconnect() does not wait for it).
    while ((await server.app.io.of('/agent').in(`agent:${mia.id}`).fetchSockets()).length > 0) await new Promise((r) => setTimeout(r, 10));
    expect(await server.app.agents.releaseIfGone(mia.id)).toBe(1);
    await told;
    expect(await server.store.getConversation(shopper.id)).toMatchObject({ status: 'queued', assigneeId: null });
  });
});

// Privacy over a real server (SPEC §10): ops export a shopper's conversations by email or id,
// erase them (audit entry, anonymous counts kept, 404 afterwards, the resume token retired), and
// the RETENTION_DAYS sweep erases conversations resolved longer ago; shopper tokens expire.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErasureCounts, ShopperExport } from '../../server/privacy/shopper-privacy.js';
import { signUp, type SignedInAgent } from '../support/agent-client.js';
import { api, pollUntil } from '../support/rest-client.js';
import { closeClients, connectCustomer, fromBot, nextMessage, type CustomerClient } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let ops: SignedInAgent;
let agent: SignedInAgent;
let now = Date.parse('2026-11-30T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ env: { RETENTION_DAYS: '30', SHOPPER_TOKEN_DAYS: '7' }, clock: () => new Date(now) });
  [ops, agent] = await Promise.all([signUp(server, 'Olga', 'ops'), signUp(server, 'Abe')]);
});
afterEach(() => closeClients());
afterAll(async () => {
  await server.close();
});

async function say(socket: CustomerClient, text: string) {
  const reply = nextMessage(socket, fromBot);
  await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  await reply;
}

describe('export and erasure', () => {
  it('exports by email, erases with an audit entry, and the conversation is 404 afterwards', async () => {
    const { socket, session } = await connectCustomer(server.url);
    await say(socket, 'where is order 1003? my email is camille.martin@example.fr');
    await server.app.service.idle();
    const id = session.conversationId;

    expect((await api(server, agent.token, 'GET', '/api/shoppers/export?email=camille.martin@example.fr')).status).toBe(403);
    const exported = await api<ShopperExport>(server, ops.token, 'GET', '/api/shoppers/export?email=camille.martin@example.fr');
    expect(exported.status).toBe(200);
    expect(exported.body.conversations).toHaveLength(1);
    expect(exported.body.conversations[0]).toMatchObject({ id, emails: [{ email: 'camille.martin@example.fr', source: 'order' }] });
    expect(exported.body.conversations[0]!.messages.length).toBeGreaterThanOrEqual(2);
    expect((await api<ShopperExport>(server, ops.token, 'GET', `/api/shoppers/export?conversationId=${id}`)).body.conversations[0]!.id).toBe(id);

    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    const erased = await api<ErasureCounts>(server, ops.token, 'POST', '/api/shoppers/erase', { email: 'camille.martin@example.fr' });
    expect(erased).toMatchObject({ status: 200, body: { conversations: 1, messages: exported.body.conversations[0]!.messages.length } });
    await closed;

    expect((await api(server, agent.token, 'GET', `/api/conversations/${id}`)).status).toBe(404);
    expect((await api<ShopperExport>(server, ops.token, 'GET', '/api/shoppers/export?email=camille.martin@example.fr')).body).toEqual({ conversations: [] });
    expect(await server.store.listMessages(id)).toEqual([]);
    // Anonymous counts stay: the row keeps its status and intent, without anything personal.
    expect(await server.store.getConversation(id)).toMatchObject({ id, intent: expect.any(String), page: null, ratingComment: null });
    const audit = await server.store.listPrivacyAudit();
    expect(audit.at(-1)).toMatchObject({ action: 'erase', actorId: ops.id, conversations: 1 });
    expect(JSON.stringify(audit)).not.toContain('camille.martin@example.fr');
    // The old resume token no longer opens the erased conversation.
    const again = await connectCustomer(server.url, { token: session.token });
    expect(again.session.conversationId).not.toBe(id);
    expect(again.session.messages).toEqual([]);
  });

  it('refuses a request naming neither or both', async () => {
    expect((await api(server, ops.token, 'POST', '/api/shoppers/erase', {})).status).toBe(400);
    expect((await api(server, ops.token, 'POST', '/api/shoppers/erase', { email: 'a@b.co', conversationId: 'x' })).status).toBe(400);
    expect((await api(server, ops.token, 'GET', '/api/shoppers/export')).status).toBe(400);
  });
});

describe('retention and token expiry', () => {
  it('erases conversations resolved longer than RETENTION_DAYS ago, on the sweep at start', async () => {
    const { socket, session } = await connectCustomer(server.url);
    await say(socket, 'hello');
    await server.app.service.idle();
    const old = new Date(now - 31 * 24 * 3600 * 1000).toISOString();
    await server.store.updateConversation(session.conversationId, { status: 'resolved', resolvedAt: old });
    const recent = await connectCustomer(server.url);
    await say(recent.socket, 'hi');
    await server.app.service.idle();
    await server.store.updateConversation(recent.session.conversationId, { status: 'resolved', resolvedAt: new Date(now - 3600 * 1000).toISOString() });
    closeClients();
    await server.restart();
    expect(await pollUntil(() => server.store.isErased(session.conversationId), 3000)).toBeGreaterThanOrEqual(0);
    expect(await server.store.isErased(recent.session.conversationId)).toBe(false);
    expect((await server.store.listPrivacyAudit()).some((entry) => entry.action === 'retention')).toBe(true);
  });

  it('a shopper token stops resuming after SHOPPER_TOKEN_DAYS without activity', async () => {
    const first = await connectCustomer(server.url);
    await say(first.socket, 'hello');
    await server.app.service.idle();
    closeClients();
    now += 6 * 24 * 3600 * 1000;
    expect((await connectCustomer(server.url, { token: first.session.token })).session.conversationId).toBe(first.session.conversationId);
    closeClients();
    now += 8 * 24 * 3600 * 1000;
    expect((await connectCustomer(server.url, { token: first.session.token })).session.conversationId).not.toBe(first.session.conversationId);
  });
});

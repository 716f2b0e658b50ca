// Two real nodes (child processes) on one PostgreSQL database and one Redis, as behind a load
// balancer (SPEC §8): an escalation on A reaches agents on A and B, a simultaneous claim has one
// winner, an agent on B and a shopper on A talk both ways, a login on B works on A, and after
// SIGKILL of A the shopper resumes on B with every message and goes on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, QueueEntry, QueueUpdatePayload } from '../../server/protocol.js';
import { closeAgents, connectAgent, nextEvent, type EventSource } from '../support/agent-client.js';
import { ADMIN, createAgentAt, loginAt, startCluster, type Cluster } from '../support/cluster.js';
import { requirePostgres } from '../support/postgres.js';
import { requireRedis } from '../support/redis.js';
import { closeClients, connectCustomer, fromBot, nextMessage, type CustomerClient } from '../support/socket-client.js';

const available = (await requirePostgres()) && (await requireRedis());

async function say(socket: CustomerClient, text: string): Promise<ChatMessage> {
  const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(`message refused: ${ack.error.code}`);
  return ack.message;
}

const queued = (id: string) => (entries: QueueEntry[]) => entries.some((entry) => entry.conversationId === id && entry.status === 'queued');

describe.skipIf(!available)('two nodes on PostgreSQL and Redis', () => {
  let cluster: Cluster;
  let a: string;
  let b: string;
  let mia: { token: string };
  let leo: { token: string };

  beforeAll(async () => {
    cluster = await startCluster(2);
    [a, b] = cluster.nodes.map((node) => node.url) as [string, string];
    // Accounts are made through B and signed in on A: one database behind both.
    const opsOnB = await loginAt(b, ADMIN.email, ADMIN.password);
    mia = await createAgentAt(b, opsOnB, 'Mia');
    leo = await createAgentAt(b, opsOnB, 'Leo');
  }, 90_000);
  afterEach(() => {
    closeClients();
    closeAgents();
  });
  afterAll(async () => {
    await cluster?.close();
  });

  /** A shopper on `url` whose conversation the bot handed to the queue; resolves once `watcher` sees it queued. */
  async function escalateOn(url: string, ...watchers: EventSource<QueueUpdatePayload>[]) {
    const { socket, session } = await connectCustomer(url);
    // After the `queue` on connect, agents get only changes (`queue:update`), from whichever node made them.
    const seen = watchers.map((watcher) => nextEvent<QueueUpdatePayload>(watcher, 'queue:update', (update) => queued(session.conversationId)(update.changed)));
    const handoff = nextMessage(socket, fromBot);
    await say(socket, 'I want to talk to a human please');
    await handoff;
    return { socket, session, seen: Promise.all(seen) };
  }

  it('shows an escalation on A to agents on A and B, and lets exactly one of two simultaneous claims win', async () => {
    const onA = await connectAgent(a, mia.token);
    const onB = await connectAgent(b, leo.token);
    const shopper = await escalateOn(a, onA.socket, onB.socket);
    await shopper.seen;
    const id = shopper.session.conversationId;
    const [claimA, claimB] = await Promise.all([onA.socket.emitWithAck('claim', { conversationId: id }), onB.socket.emitWithAck('claim', { conversationId: id })]);
    expect([claimA.ok, claimB.ok].filter(Boolean)).toHaveLength(1);
    const loser = claimA.ok ? claimB : claimA;
    expect(loser).toMatchObject({ ok: false, error: { code: 'already_claimed' } });
  });

  it('carries an agent reply from B to the shopper on A, and the shopper’s answer back to B', async () => {
    const onB = await connectAgent(b, leo.token);
    const shopper = await escalateOn(a, onB.socket);
    await shopper.seen;
    const id = shopper.session.conversationId;
    const claim = await onB.socket.emitWithAck('claim', { conversationId: id });
    expect(claim.ok).toBe(true);

    const reply = nextMessage(shopper.socket, (m) => m.from === 'agent');
    const sent = await onB.socket.emitWithAck('reply', { conversationId: id, clientId: crypto.randomUUID(), text: 'Hi, Leo here. How can I help?' });
    expect(sent.ok).toBe(true);
    expect(await reply).toMatchObject({ text: 'Hi, Leo here. How can I help?', author: { name: 'Leo' } });

    const back = nextEvent<ChatMessage>(onB.socket, 'message', (m) => m.conversationId === id && m.from === 'customer');
    await say(shopper.socket, 'my parcel 1001 never arrived');
    expect(await back).toMatchObject({ text: 'my parcel 1001 never arrived' });
  });

  it('accepts on A a token from a login on B', async () => {
    const token = await loginAt(b, ADMIN.email, ADMIN.password);
    const res = await fetch(`${a}/api/conversations/none`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404); // signed in (not 401), the conversation just does not exist
    const { queue } = await connectAgent(a, token);
    expect(Array.isArray(queue)).toBe(true);
  });

  it('serves an intent edit made through the API on A from B within 2 s', async () => {
    const ops = await loginAt(a, ADMIN.email, ADMIN.password);
    const intentOnB = async () => {
      const res = await fetch(`${b}/api/triage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ops}` }, body: JSON.stringify({ text: 'quorvex now' }) });
      return ((await res.json()) as { intent: string }).intent;
    };
    expect(await intentOnB()).toBe('other');
    const current = (await (await fetch(`${a}/api/intents`, { headers: { authorization: `Bearer ${ops}` } })).json()) as { intents: Array<{ name: string; data: { keywords: Record<string, Record<string, number>> } }> };
    const keywords = current.intents.find((intent) => intent.name === 'refund')!.data.keywords;
    const saved = await fetch(`${a}/api/intents/refund`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ops}` },
      body: JSON.stringify({ patch: { keywords: { ...keywords, en: { ...keywords.en, quorvex: 5 } } } }),
    });
    expect(saved.status).toBe(200);
    const started = Date.now();
    while ((await intentOnB()) !== 'refund') {
      expect(Date.now() - started, 'the edit reached B').toBeLessThan(2_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('after SIGKILL of A, the shopper resumes on B with the same token, finds every message and goes on', async () => {
    const { socket, session } = await connectCustomer(a);
    const answered = nextMessage(socket, fromBot);
    await say(socket, 'where is my order 1002?');
    await answered;
    const before = (await connectCustomer(a, { token: session.token })).session.messages;
    expect(before.map((m) => m.from)).toEqual(['customer', 'bot']);

    const [nodeA] = cluster.nodes;
    nodeA!.child.kill('SIGKILL');
    expect(await nodeA!.exited).toBe('SIGKILL');
    closeClients();

    const resumed = await connectCustomer(b, { token: session.token });
    expect(resumed.session.conversationId).toBe(session.conversationId);
    expect(resumed.session.messages).toEqual(before);
    const next = nextMessage(resumed.socket, fromBot);
    const third = await say(resumed.socket, 'and what about order 1003?');
    expect(third.seq).toBe(3);
    expect((await next).seq).toBe(4);
  });
});

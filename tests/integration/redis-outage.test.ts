// Redis lost while two nodes run (SPEC §8 faults): each node keeps serving its own sockets, logs
// the outage once however long it lasts, and when Redis returns, events cross nodes again.
// Runs a private redis-server on a free port, so stopping it disturbs nobody else.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QueueUpdatePayload } from '../../server/protocol.js';
import { closeAgents, connectAgent, nextEvent } from '../support/agent-client.js';
import { ADMIN, createAgentAt, loginAt, startCluster, type Cluster } from '../support/cluster.js';
import { requirePostgres } from '../support/postgres.js';
import { requireRedis } from '../support/redis.js';
import { closeClients, connectCustomer, fromBot, nextMessage } from '../support/socket-client.js';

const available = (await requirePostgres()) && (await requireRedis());

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited: ${out}`)));
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const lines = (output: string, text: string) => output.split('\n').filter((line) => line.includes(text)).length;

describe.skipIf(!available)('two nodes when Redis goes away and comes back', () => {
  let cluster: Cluster;
  let redisPort: number;
  let redis: ChildProcess;
  let agentToken: string;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    cluster = await startCluster(2, { REDIS_URL: `redis://127.0.0.1:${redisPort}`, LOG_LEVEL: 'info' });
    const ops = await loginAt(cluster.nodes[1]!.url, ADMIN.email, ADMIN.password);
    agentToken = (await createAgentAt(cluster.nodes[1]!.url, ops, 'Noa')).token;
  }, 90_000);
  afterEach(() => {
    closeClients();
    closeAgents();
  });
  afterAll(async () => {
    await cluster?.close();
    if (redis?.exitCode === null) await stopRedis(redis);
  });

  it('keeps answering its own shoppers, logs once, and carries events across nodes again after', async () => {
    const [a, b] = cluster.nodes as [NonNullable<Cluster['nodes'][0]>, NonNullable<Cluster['nodes'][0]>];
    await stopRedis(redis);
    await until(() => lines(a.output(), 'redis lost') === 1, 'the outage in A’s log');

    // During the outage: a shopper on A chats with the bot as usual.
    const { socket } = await connectCustomer(a.url);
    const reply = nextMessage(socket, fromBot);
    const ack = await socket.emitWithAck('message', { clientId: 'during', text: 'where is my order 1002?' });
    expect(ack.ok).toBe(true);
    await reply;
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // several failed reconnect attempts
    expect(lines(a.output(), 'redis lost')).toBe(1);

    redis = await startRedis(redisPort);
    await until(() => lines(a.output(), 'redis is back') === 1 && lines(b.output(), 'redis is back') === 1, 'both nodes back on Redis');

    // After: an escalation on A reaches an agent on B again.
    const agent = await connectAgent(b.url, agentToken);
    const shopper = await connectCustomer(a.url);
    // After the `queue` on connect, agents get only changes (`queue:update`), here from node A.
    const seen = nextEvent<QueueUpdatePayload>(agent.socket, 'queue:update', (update) =>
      update.changed.some((e) => e.conversationId === shopper.session.conversationId && e.status === 'queued'),
    );
    await shopper.socket.emitWithAck('message', { clientId: 'after', text: 'I want to talk to a human please' });
    await seen;
  }, 60_000);

  it('carries an intent edit saved on A while Redis is down to B within 2 s (B polls the database)', async () => {
    const [a, b] = cluster.nodes as [NonNullable<Cluster['nodes'][0]>, NonNullable<Cluster['nodes'][0]>];
    const ops = await loginAt(a.url, ADMIN.email, ADMIN.password);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${ops}` };
    const intentOnB = async () => {
      const res = await fetch(`${b.url}/api/triage`, { method: 'POST', headers, body: JSON.stringify({ text: 'zentrivo now' }) });
      return ((await res.json()) as { intent: string }).intent;
    };
    expect(await intentOnB()).toBe('other');
    const outagesBefore = lines(a.output(), 'redis lost');
    await stopRedis(redis);
    await until(() => lines(a.output(), 'redis lost') === outagesBefore + 1, 'the outage in A’s log');

    const current = (await (await fetch(`${a.url}/api/intents`, { headers })).json()) as { intents: Array<{ name: string; data: { keywords: Record<string, Record<string, number>> } }> };
    const keywords = current.intents.find((intent) => intent.name === 'refund')!.data.keywords;
    const saved = await fetch(`${a.url}/api/intents/refund`, { method: 'PUT', headers, body: JSON.stringify({ patch: { keywords: { ...keywords, en: { ...keywords.en, zentrivo: 5 } } } }) });
    expect(saved.status).toBe(200);
    const started = Date.now();
    while ((await intentOnB()) !== 'refund') {
      expect(Date.now() - started, 'the edit reached B without Redis').toBeLessThan(2_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    redis = await startRedis(redisPort);
  }, 60_000);
});

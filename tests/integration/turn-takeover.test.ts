// A bot turn pending on node A when A dies is answered by node B (SPEC §8), once: A acks the
// shopper's message and starts the turn, the order lookup hangs (a real HTTP order API that never
// answers A's first call), A is killed with SIGKILL, and B's sweep takes the turn over.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../server/protocol.js';
import { startCluster, type Cluster } from '../support/cluster.js';
import { requirePostgres } from '../support/postgres.js';
import { requireRedis } from '../support/redis.js';
import { closeClients, connectCustomer } from '../support/socket-client.js';

const available = (await requirePostgres()) && (await requireRedis());

describe.skipIf(!available)('a pending bot turn of a dead node', () => {
  let cluster: Cluster;
  let orderApi: Server;
  let lookups = 0;

  beforeAll(async () => {
    orderApi = createServer((_req, res) => {
      lookups += 1;
      if (lookups === 1) return; // node A's lookup: never answered, A dies waiting
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: '1002', status: 'processing', placedAt: '2026-11-19T17:40:00Z' }));
    });
    await new Promise<void>((resolve) => orderApi.listen(0, '127.0.0.1', resolve));
    const { port } = orderApi.address() as AddressInfo;
    cluster = await startCluster(2, { ORDER_API_URL: `http://127.0.0.1:${port}`, ORDER_API_TIMEOUT_MS: '60000' });
  }, 90_000);
  afterEach(() => closeClients());
  afterAll(async () => {
    await cluster?.close();
    orderApi.closeAllConnections();
    await new Promise((resolve) => orderApi.close(resolve));
  });

  it('is answered by B after A is killed mid-turn, exactly once', async () => {
    const [a, b] = cluster.nodes as [NonNullable<Cluster['nodes'][0]>, NonNullable<Cluster['nodes'][0]>];
    const { socket, session } = await connectCustomer(a.url);
    const ack = await socket.emitWithAck('message', { clientId: 'ask', text: 'where is my order 1002?' });
    expect(ack.ok).toBe(true);
    const deadline = Date.now() + 10_000;
    while (lookups === 0) {
      expect(Date.now(), 'A started the turn').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    a.child.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');
    closeClients();

    // The shopper's widget reconnects to B; the reply arrives live or is in the transcript.
    const resumed = await connectCustomer(b.url, { token: session.token });
    const replies: ChatMessage[] = resumed.session.messages.filter((m) => m.from === 'bot');
    resumed.socket.on('message', (m) => void (m.from === 'bot' && !replies.some((r) => r.id === m.id) && replies.push(m)));
    const until = Date.now() + 30_000; // the sweep takes turns older than 10 s
    while (replies.length === 0) {
      expect(Date.now(), 'B answered the turn').toBeLessThan(until);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // more sweeps: still one reply
    const transcript = (await connectCustomer(b.url, { token: session.token })).session.messages;
    expect(transcript.map((m) => m.from)).toEqual(['customer', 'bot']);
    expect(lookups).toBeGreaterThanOrEqual(2);
  }, 90_000);
});

// Two nodes behind a real nginx (round robin, WebSocket upgrade): widgets connect through it,
// chat, and survive one node's restart, resuming with their token on whichever node nginx picks.
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, CustomerClientEvents, CustomerServerEvents, SessionPayload } from '../../server/protocol.js';
import { startCluster, type Cluster } from '../support/cluster.js';
import { startNginx, requireNginx, type Nginx } from '../support/nginx.js';
import { requirePostgres } from '../support/postgres.js';
import { requireRedis } from '../support/redis.js';

const available = requireNginx() && (await requirePostgres()) && (await requireRedis());

type Widget = Socket<CustomerServerEvents, CustomerClientEvents>;

/** A client that behaves like the widget: WebSocket, reconnects by itself, resumes with the last token. */
function widget(url: string) {
  let token: string | undefined;
  const sessions: SessionPayload[] = [];
  const messages: ChatMessage[] = [];
  const socket: Widget = io(`${url}/customer`, {
    auth: (cb) => cb(token ? { token } : {}),
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  socket.on('session', (session) => {
    token = session.token;
    sessions.push(session);
  });
  socket.on('message', (message) => messages.push(message));
  return { socket, sessions, messages };
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!available)('two nodes behind nginx', () => {
  let cluster: Cluster;
  let lb: Nginx;
  beforeAll(async () => {
    cluster = await startCluster(2);
    lb = await startNginx(cluster.nodes.map((node) => Number(new URL(node.url).port)));
  }, 90_000);
  afterAll(async () => {
    await lb?.stop();
    await cluster?.close();
  });

  it('keeps every widget’s conversation through a restart of one node', async () => {
    const widgets = Array.from({ length: 6 }, () => widget(lb.url));
    await until(() => widgets.every((w) => w.sessions.length === 1), 'every widget’s first session');
    for (const [i, w] of widgets.entries()) {
      const ack = await w.socket.emitWithAck('message', { clientId: `first-${i}`, text: 'where is my order 1002?' });
      expect(ack.ok).toBe(true);
    }
    await until(() => widgets.every((w) => w.messages.some((m) => m.from === 'bot')), 'a bot reply for every widget');

    // Restart node A on the same port (a deploy): its widgets drop, nginx sends them to B meanwhile.
    const [nodeA] = cluster.nodes;
    const port = new URL(nodeA!.url).port;
    nodeA!.child.kill('SIGTERM');
    expect(await nodeA!.exited).toBe(0);
    await until(() => widgets.every((w) => w.socket.connected), 'every widget connected again');
    const restarted = await cluster.startNode({ PORT: port });
    expect(restarted.url).toBe(nodeA!.url);

    const resumedIds = widgets.map((w) => w.sessions.at(-1)!.conversationId);
    expect(resumedIds).toEqual(widgets.map((w) => w.sessions[0]!.conversationId));
    const moved = widgets.filter((w) => w.sessions.length > 1);
    expect(moved.length).toBeGreaterThan(0); // round robin put some of them on A
    for (const w of moved) expect(w.sessions.at(-1)!.messages.map((m) => m.from)).toEqual(['customer', 'bot']);

    for (const [i, w] of widgets.entries()) {
      const ack = await w.socket.emitWithAck('message', { clientId: `second-${i}`, text: 'and order 1003?' });
      expect(ack).toMatchObject({ ok: true, message: { seq: 3 } });
    }
    await until(() => widgets.every((w) => w.messages.some((m) => m.from === 'bot' && m.seq === 4)), 'the second bot reply for every widget');
    for (const w of widgets) w.socket.disconnect();
  }, 60_000);
});

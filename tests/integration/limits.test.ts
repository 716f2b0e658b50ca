// Abuse limits over a real server (SPEC §10): the client IP comes from X-Forwarded-For only under
// TRUST_PROXY, as a proxy in front of real shoppers (or a load test) gives it; over a limit the
// socket is refused with connect_error `rate_limited`, an event is acked `rate_limited`, a login 429.
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerClientEvents, CustomerServerEvents, SessionPayload } from '../../server/protocol.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

type Client = Socket<CustomerServerEvents, CustomerClientEvents>;
let server: TestServer;
const sockets: Client[] = [];

beforeAll(async () => {
  server = await startTestServer({
    env: {
      TRUST_PROXY: 'loopback',
      LIMIT_CONVERSATIONS_PER_IP: '3',
      LIMIT_SOCKETS_PER_IP: '4',
      LIMIT_MESSAGES_PER_CONVERSATION: '5',
      LIMIT_EVENTS_PER_CONVERSATION: '10',
      LIMIT_LOGINS_PER_IP: '4',
      LIMIT_LOGINS_PER_ACCOUNT: '4',
    },
  });
  await server.app.auth.createAgent({ email: 'real@shop.example', name: 'Real', password: 'a-long-real-password', role: 'agent' });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(async () => {
  await server.close();
});

/** Connects as the shopper at `ip` (sent as X-Forwarded-For); resolves with the session or the refusal's code. */
async function connectFrom(ip: string, auth: Record<string, string> = {}): Promise<{ socket: Client; session?: SessionPayload; refused?: string }> {
  const socket: Client = io(`${server.url}/customer`, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': ip } });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('session', (session) => resolve({ socket, session }));
    socket.once('connect_error', (error) => resolve({ socket, refused: (error as Error & { data?: { code?: string } }).data?.code ?? error.message }));
  });
}

function login(email: string, password: string, ip: string) {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password }),
  });
}

describe('limits on /customer', () => {
  it('refuses the fourth new conversation from one client IP in an hour, not another IP, not a resume', async () => {
    const first = await connectFrom('203.0.113.10');
    expect(first.session).toBeDefined();
    await connectFrom('203.0.113.10');
    await connectFrom('203.0.113.10');
    expect((await connectFrom('203.0.113.10')).refused).toBe('rate_limited');
    expect((await connectFrom('203.0.113.11')).session).toBeDefined();
    // Resuming an existing conversation is not a new one.
    const resumed = await connectFrom('203.0.113.10', { token: first.session!.token });
    expect(resumed.session?.conversationId).toBe(first.session!.conversationId);
  });

  it('caps the sockets open at once per IP and gives the slot back when one closes', async () => {
    const { session } = await connectFrom('203.0.113.20');
    const token = session!.token;
    const open = [await connectFrom('203.0.113.20', { token }), await connectFrom('203.0.113.20', { token }), await connectFrom('203.0.113.20', { token })];
    expect(open.every((c) => c.session)).toBe(true);
    expect((await connectFrom('203.0.113.20', { token })).refused).toBe('rate_limited');
    open[0]!.socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await connectFrom('203.0.113.20', { token })).session).toBeDefined();
  });

  it('counts messages per conversation across all of its sockets', async () => {
    const a = await connectFrom('203.0.113.30');
    const b = await connectFrom('203.0.113.31', { token: a.session!.token });
    const codes: Array<string> = [];
    for (let i = 0; i < 7; i++) {
      const socket = i % 2 === 0 ? a.socket : b.socket;
      const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text: `hello ${i}` });
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'rate_limited', 'rate_limited']);
    expect(a.socket.connected && b.socket.connected).toBe(true);
    await server.app.service.idle();
  });

  it('limits typing events per conversation', async () => {
    const { socket } = await connectFrom('203.0.113.40');
    const acks = [];
    for (let i = 0; i < 12; i++) acks.push(await socket.emitWithAck('typing', { typing: i % 2 === 0 }));
    expect(acks.slice(0, 10).every((ack) => ack.ok)).toBe(true);
    expect(acks[10]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});

describe('limits on sign-in', () => {
  it('answers 429 to a password spray from one IP while the real agent signs in from another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(`victim${i}@shop.example`, 'Summer2024!', '198.51.100.66')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const real = await login('real@shop.example', 'a-long-real-password', '198.51.100.7');
    expect(real.status).toBe(200);
  });

  it('answers 429 to one account tried from many IPs', async () => {
    const statuses: number[] = [];
    // The spray above signed in once as real@ (1 of 4 attempts this hour).
    for (let i = 0; i < 5; i++) statuses.push((await login('real@shop.example', `guess-${i}`, `192.0.2.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: every client is the peer address', async () => {
    const plain = await startTestServer({ env: { LIMIT_CONVERSATIONS_PER_IP: '2' } });
    try {
      const refusals: Array<string | undefined> = [];
      for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
        const socket: Client = io(`${plain.url}/customer`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': ip } });
        sockets.push(socket);
        refusals.push(await new Promise<string | undefined>((resolve) => {
          socket.once('session', () => resolve(undefined));
          socket.once('connect_error', (error) => resolve((error as Error & { data?: { code?: string } }).data?.code));
        }));
      }
      expect(refusals).toEqual([undefined, undefined, 'rate_limited']);
    } finally {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await plain.close();
    }
  });
});

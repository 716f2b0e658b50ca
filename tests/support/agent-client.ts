/**
 * Test helpers for the agent side: create an account and sign in over REST, open typed `/agent`
 * sockets, and wait for any socket event without sleeping.
 */
import { io, type Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentServerEvents, QueueEntry } from '../../server/protocol.js';
import type { TestServer } from './start-test-server.js';

export type AgentClient = Socket<AgentServerEvents, AgentClientEvents>;

const sockets: Socket[] = [];
let counter = 0;

export interface SignedInAgent {
  id: string;
  name: string;
  email: string;
  password: string;
  token: string;
}

/** Creates an account through the real auth service, then signs in through `POST /api/auth/login`. */
export async function signUp(server: TestServer, name: string, role: 'agent' | 'ops' = 'agent'): Promise<SignedInAgent> {
  counter += 1;
  const email = `${name.toLowerCase()}.${counter}.${Date.now()}@shop.example`;
  const password = `pass-${name}-${counter}-secret`;
  const created = await server.app.auth.createAgent({ email, name, password, role });
  const { token } = await login(server, email, password).then((res) => res.json() as Promise<{ token: string }>);
  return { id: created.id, name, email, password, token };
}

export function login(server: TestServer, email: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
}

/** Connects to `/agent`; resolves with the socket and the `queue` sent on connect, rejects on `connect_error`. */
export async function connectAgent(url: string, token: string | undefined): Promise<{ socket: AgentClient; queue: QueueEntry[] }> {
  const socket: AgentClient = io(`${url}/agent`, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const queue = await new Promise<QueueEntry[]>((resolve, reject) => {
    socket.once('queue', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, queue };
}

/**
 * Any typed client socket (agent or customer), seen through its catch-all listener: `onAny` is
 * the same for every event map, so one helper serves both namespaces. The caller names the
 * payload type `T`; the predicate checks what it needs. Reserved events (`connect`,
 * `disconnect`, `connect_error`) do not reach `onAny`; wait for those with `socket.once`.
 */
export interface EventSource<T> {
  onAny(listener: (event: string, payload: T) => void): unknown;
  offAny(listener: (event: string, payload: T) => void): unknown;
}

/** The first `event` whose payload satisfies `predicate`. */
export function nextEvent<T = unknown>(socket: EventSource<T>, event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`no matching "${event}" arrived within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (name: string, payload: T) => {
      if (name !== event || !predicate(payload)) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve(payload);
    };
    socket.onAny(listener);
  });
}

/** Every payload of `event` from now on, for "this never arrived" checks. */
export function record<T = unknown>(socket: EventSource<T>, event: string): T[] {
  const seen: T[] = [];
  socket.onAny((name: string, payload: T) => {
    if (name === event) seen.push(payload);
  });
  return seen;
}

export function closeAgents(): void {
  for (const socket of sockets.splice(0)) socket.disconnect();
}

/**
 * Typed socket.io clients for tests, with helpers that wait for events instead of sleeping.
 */
import { io, type Socket } from 'socket.io-client';
import type { ChatMessage, CustomerClientEvents, CustomerServerEvents, SessionPayload } from '../../server/protocol.js';

export type CustomerClient = Socket<CustomerServerEvents, CustomerClientEvents>;

const clients: Socket[] = [];

/** Connects to `/customer`, resolves with the socket and its first `session`. */
export async function connectCustomer(url: string, auth: Record<string, unknown> = {}): Promise<{ socket: CustomerClient; session: SessionPayload }> {
  const { socket, session } = await connectUntypedCustomer(url, auth);
  const typed: CustomerClient = socket;
  return { socket: typed, session };
}

/**
 * Connects to `/customer` with socket.io-client's default (untyped) events, for tests that send
 * malformed payloads on purpose: any event name and payload compile without a cast.
 */
export async function connectUntypedCustomer(url: string, auth: Record<string, unknown> = {}): Promise<{ socket: Socket; session: SessionPayload }> {
  const socket = io(`${url}/customer`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  clients.push(socket);
  const session = await new Promise<SessionPayload>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, session };
}

/** Waits for the first `message` event that satisfies `predicate`. */
export function nextMessage(socket: CustomerClient, predicate: (message: ChatMessage) => boolean = () => true, timeoutMs = 5000): Promise<ChatMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', listener);
      reject(new Error('no matching message arrived'));
    }, timeoutMs);
    const listener = (message: ChatMessage) => {
      if (!predicate(message)) return;
      clearTimeout(timer);
      socket.off('message', listener);
      resolve(message);
    };
    socket.on('message', listener);
  });
}

export const fromBot = (message: ChatMessage) => message.from === 'bot';

/** Disconnects every client a test opened. */
export function closeClients(): void {
  for (const socket of clients.splice(0)) socket.disconnect();
}

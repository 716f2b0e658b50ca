/**
 * The `/agent` socket: a typed socket.io-client (`Socket<AgentServerEvents, AgentClientEvents>`,
 * protocol TYPES only) and one promise-returning method per acked client event.
 *
 * @example
 *   const conn = connectAgent(token, { onUnauthorized: showLogin, onStatus: setOnline });
 *   const ack = await conn.claim('c_1'); // { ok: true, conversation } | { ok: false, error }
 */
import { io, type Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentServerEvents, AgentReplyInput, ConversationRef } from '../protocol';

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/** The ack an event's callback receives, e.g. `Ack<{ conversation }>` for `claim`. */
type AckOf<E extends keyof AgentClientEvents> = Parameters<Parameters<AgentClientEvents[E]>[1]>[0];

/** No answer in time (or the link dropped): told apart from the server's own error codes. */
export interface TimeoutAck {
  ok: false;
  error: { code: 'timeout'; message: string };
}
export type Reply<E extends keyof AgentClientEvents> = Promise<AckOf<E> | TimeoutAck>;

export const ACK_TIMEOUT_MS = 10_000;

export interface AgentConnection {
  socket: AgentSocket;
  claim(conversationId: string): Reply<'claim'>;
  reply(payload: AgentReplyInput): Reply<'reply'>;
  note(conversationId: string, text: string): Reply<'note'>;
  typing(conversationId: string, typing: boolean): Reply<'typing'>;
  transfer(conversationId: string): Reply<'transfer'>;
  resolve(conversationId: string): Reply<'resolve'>;
  close(): void;
}

export interface ConnectionHandlers {
  /** The server refused the token: the console goes back to the login form. */
  onUnauthorized(): void;
  onStatus(online: boolean): void;
}

const timedOut = (err: Error): TimeoutAck => ({ ok: false, error: { code: 'timeout', message: err.message } });

export function connectAgent(token: string, on: ConnectionHandlers): AgentConnection {
  // A same-origin path: the console is served by the server it talks to.
  const socket: AgentSocket = io('/agent', { auth: { token }, transports: ['websocket', 'polling'], tryAllTransports: true });
  socket.on('connect', () => on.onStatus(true));
  socket.on('disconnect', () => on.onStatus(false));
  socket.on('connect_error', (err) => {
    on.onStatus(false);
    // socket.io middleware errors carry the code in `data`; a plain Error carries it in the message.
    const code = (err as Error & { data?: { code?: string } }).data?.code ?? err.message;
    if (code === 'unauthorized' || /unauthori[sz]ed/i.test(err.message)) {
      socket.disconnect(); // stop retrying with a token that will never work
      on.onUnauthorized();
    }
  });

  const t = () => socket.timeout(ACK_TIMEOUT_MS);
  return {
    socket,
    claim: (conversationId) =>
      new Promise((done) => t().emit('claim', { conversationId }, (err, ack) => done(err ? timedOut(err) : ack))),
    reply: (payload) => new Promise((done) => t().emit('reply', payload, (err, ack) => done(err ? timedOut(err) : ack))),
    note: (conversationId, text) =>
      new Promise((done) => t().emit('note', { conversationId, text }, (err, ack) => done(err ? timedOut(err) : ack))),
    typing: (conversationId, typing) =>
      new Promise((done) => t().emit('typing', { conversationId, typing }, (err, ack) => done(err ? timedOut(err) : ack))),
    transfer: (conversationId) =>
      new Promise((done) => t().emit('transfer', { conversationId }, (err, ack) => done(err ? timedOut(err) : ack))),
    resolve: (conversationId: ConversationRef['conversationId']) =>
      new Promise((done) => t().emit('resolve', { conversationId }, (err, ack) => done(err ? timedOut(err) : ack))),
    close: () => socket.disconnect(),
  };
}

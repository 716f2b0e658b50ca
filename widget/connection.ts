/**
 * The socket adapter: a typed socket.io-client on `/customer`, the resume token in
 * localStorage, outbox persistence, and the send-once flush after every (re)connect.
 * All state changes go through the store; this file only talks to the network.
 *
 * @example
 *   const conn = createConnection({ server: 'https://shop.example', locale: 'en', page: '/cart', storage, store });
 *   conn.start(); // connects, resumes with the stored token, flushes the outbox
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, ChatMessage, CustomerClientEvents, CustomerServerEvents, AckErrorCode } from '../server/protocol';
import { dueForSending, saveOutbox, type KeyValueStorage } from './outbox';
import type { Store } from './store';
import { T } from './strings';

export type CustomerSocket = Socket<CustomerServerEvents, CustomerClientEvents>;

export const ACK_TIMEOUT_MS = 10_000;
/** Wait before resending after a timeout or `rate_limited`; the server dedupes, so resends are safe. */
const RESEND_DELAY_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;
/** Refusals a resend cannot fix: the entry is marked failed and waits for the shopper's Retry. */
// `internal` is absent on purpose: a fault on our side is retried like a timeout.
// Keys of `T`, read when a refusal arrives: the texts follow the language chosen at mount.
const REFUSALS: Partial<Record<AckErrorCode, 'tooLong' | 'notSent' | 'closed'>> = {
  too_long: 'tooLong',
  invalid_payload: 'notSent',
  conversation_closed: 'closed',
  not_found: 'notSent',
  unauthorized: 'notSent',
};

export const tokenKey = (server: string): string => `relaydesk:token:${server}`;
export const outboxKey = (server: string): string => `relaydesk:outbox:${server}`;

export interface ConnectionOptions {
  /** Server origin, e.g. `https://chat.example.com` (no path: socket.io reads a path as a namespace). */
  server: string;
  locale: string;
  page: string;
  storage: KeyValueStorage;
  store: Store;
  /** A JWT from the shop's backend (`data-identity`), sent as handshake `auth.identity` (SPEC §10). */
  identity?: string;
}

export interface Connection {
  /** Opens the socket once; later calls do nothing. */
  start(): void;
  /** Sends the next queued outbox entry if a session is live; called after every change. */
  flush(): void;
  typing(on: boolean): void;
  rate(score: number): void;
  /** Sets the shopper's identity JWT (`RelayDesk.identify`); a live socket reconnects to send it. */
  identify(jwt: string): void;
  /** Leaves an email for replies the shopper may miss (SPEC §11). */
  contact(email: string): void;
  /** A comment after a low rating; resends the same score with it. */
  comment(text: string): void;
  /** Fetches the page of messages before the oldest one shown (`history`). */
  loadEarlier(): void;
}

export function createConnection(o: ConnectionOptions): Connection {
  const { store, storage } = o;
  const dispatch = store.dispatch;
  let socket: CustomerSocket | null = null;
  // True once `session` arrived on this connection: a server may still be setting up the
  // conversation between `connect` and `session`, so messages wait for it.
  let live = false;
  let refusals = 0;
  let resendTimer: ReturnType<typeof setTimeout> | undefined;
  let identity = o.identity;

  store.subscribe((s, prev) => {
    if (s.outbox !== prev.outbox) saveOutbox(storage, outboxKey(o.server), s.outbox);
  });

  const handshake = () => {
    const token = storage.getItem(tokenKey(o.server));
    return { ...(token ? { token } : {}), locale: o.locale, page: o.page, ...shopperTimeZone() };
  };

  function start(): void {
    if (socket) return;
    const s: CustomerSocket = io(`${o.server}/customer`, {
      // A function, so every reconnect sends the newest token.
      auth: (cb) => cb(handshake()),
      transports: ['websocket', 'polling'],
      // Fall back to long-polling where a proxy blocks WebSocket.
      tryAllTransports: true,
    });
    socket = s;
    listen(s);
  }

  function listen(s: CustomerSocket): void {
    s.on('connect', () => {
      refusals = 0;
      dispatch({ type: 'connection', state: 'online' });
    });
    s.on('disconnect', (reason) => {
      live = false;
      dispatch({ type: 'connection', state: 'offline' });
      // socket.io reconnects by itself except after a deliberate server disconnect.
      if (reason === 'io server disconnect') reconnectLater(s);
    });
    s.on('connect_error', (err) => {
      live = false;
      dispatch({ type: 'connection', state: 'offline' });
      if (s.active) return; // a network error: socket.io retries by itself
      // The server refused the handshake. A token it no longer knows must not lock the shopper out.
      const code = (err as Error & { data?: { code?: string } }).data?.code ?? err.message;
      if (code === 'unauthorized' || code === 'not_found') storage.removeItem(tokenKey(o.server));
      // A refused identity (bad signature, expired): chat on anonymously rather than not at all.
      if (code === 'unauthorized') identity = undefined;
      reconnectLater(s);
    });
    s.on('session', (session) => {
      try {
        storage.setItem(tokenKey(o.server), session.token);
      } catch {
        // Without storage the conversation still works; it just won't survive a reload.
      }
      dispatch({ type: 'session', session });
      live = true;
      flush();
    });
    s.on('message', (message) => dispatch({ type: 'message', message }));
    s.on('status', (status) => dispatch({ type: 'status', status }));
    s.on('typing', (typing) => dispatch({ type: 'typing', typing }));
    // The browser knows about network changes before socket.io's ping timeout does.
    window.addEventListener('online', () =>
      s.connected ? dispatch({ type: 'connection', state: 'online' }) : s.connect(),
    );
    window.addEventListener('offline', () => dispatch({ type: 'connection', state: 'offline' }));
  }

  function reconnectLater(s: CustomerSocket): void {
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** refusals++) * (0.5 + Math.random() / 2);
    setTimeout(() => s.connected || s.connect(), delay);
  }

  // One message in flight at a time, so offline messages reach the bot in the order typed.
  function flush(): void {
    const s = socket;
    const box = store.getState().outbox;
    if (!s?.connected || !live || box.some((e) => e.phase === 'sending')) return;
    const next = dueForSending(box)[0];
    if (!next) return;
    dispatch({ type: 'sending', clientIds: [next.clientId] });
    s.timeout(ACK_TIMEOUT_MS).emit('message', { clientId: next.clientId, text: next.text }, (err, ack) =>
      settle(next.clientId, err ? null : ack),
    );
  }

  function settle(clientId: string, ack: Ack<{ message: ChatMessage }> | null): void {
    if (ack?.ok) dispatch({ type: 'acked', clientId, message: ack.message });
    else if (ack && REFUSALS[ack.error.code]) dispatch({ type: 'send-failed', clientId, error: T[REFUSALS[ack.error.code]!] });
    else {
      // Timed out, `internal` or rate limited: back to the queue and try again shortly. A timeout or a
      // server fault counts as an attempt, so a message the server keeps failing on is given up
      // (the shopper is told) and the messages after it move on; `rate_limited` only waits.
      const counts = ack?.error.code !== 'rate_limited';
      dispatch(counts ? { type: 'send-failed', clientId, gaveUpError: T.gaveUp } : { type: 'send-failed', clientId });
      clearTimeout(resendTimer);
      resendTimer = setTimeout(flush, RESEND_DELAY_MS);
      return;
    }
    flush();
  }

  function typing(on: boolean): void {
    if (live && socket?.connected) socket.timeout(ACK_TIMEOUT_MS).emit('typing', { typing: on }, () => {});
  }

  function rate(score: number): void {
    if (!live || !socket?.connected) return dispatch({ type: 'rate', phase: 'failed' });
    dispatch({ type: 'rate', phase: 'sending' });
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('rate', { score }, (err, ack) => dispatch({ type: 'rate', phase: !err && ack.ok ? 'thanks' : 'failed', score }));
  }

  function identify(jwt: string): void {
    if (typeof jwt !== 'string' || jwt === '' || jwt === identity) return;
    identity = jwt;
    if (socket?.connected) {
      // The identity travels in the handshake only: reconnect so the server sees it.
      socket.disconnect();
      socket.connect();
    }
  }

  function comment(text: string): void {
    const score = store.getState().ratedScore;
    if (score === null || !live || !socket?.connected) return dispatch({ type: 'rate-comment', phase: 'failed' });
    dispatch({ type: 'rate-comment', phase: 'sending' });
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('rate', { score, comment: text }, (err, ack) => dispatch({ type: 'rate-comment', phase: !err && ack.ok ? 'sent' : 'failed' }));
  }

  function contact(email: string): void {
    if (!live || !socket?.connected) return dispatch({ type: 'contact', phase: 'failed' });
    dispatch({ type: 'contact', phase: 'sending' });
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('contact', { email }, (err, ack) => dispatch({ type: 'contact', phase: !err && ack.ok ? 'saved' : 'failed' }));
  }

  function loadEarlier(): void {
    const first = store.getState().messages[0];
    if (!first || !live || !socket?.connected) return;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('history', { beforeSeq: first.seq }, (err, ack) => !err && ack.ok && dispatch({ type: 'earlier', messages: ack.messages, earlier: ack.earlier }));
  }

  return { start, flush, typing, rate, identify, contact, comment, loadEarlier };
}

/** The browser's IANA zone, so the bot names times in the shopper's own clock (SPEC §9). */
function shopperTimeZone(): { timeZone?: string } {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && zone.length <= 64 ? { timeZone: zone } : {};
  } catch {
    return {};
  }
}

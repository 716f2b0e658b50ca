/**
 * Warms the message path before a node takes traffic. V8 compiles a function for speed only after
 * it has run many times, so the first shoppers after a start met slow code. `serve` first sends
 * routine questions through throwaway apps on in-memory SQLite stores (two, one after the other,
 * with the widgets `WARM_UP_WIDGETS_PER_APP` gives each), over loopback sockets exactly as widgets
 * send them: socket.io and its parser, the event validation and limits, triage, the bot's answer and
 * order lookup, the conversation service, the SQLite write path and its group commit, and the
 * broadcast of the reply.
 *
 * The sockets matter: that earlier warm-up called the conversation service directly and left the
 * transport cold. In the load benchmark (10,000 widgets @ 2,000 msg/s) the first second's replies
 * still took p50 23–399 ms (median 38 over 7 runs) against 5–15 ms a second later; sending 2,000
 * messages through the sockets before the measured load made the first second as fast as the
 * rest, and this warm-up brought it to p50 14–26 ms in 4 runs (p99 43–99 ms against 82–591).
 *
 * Nothing reaches the real store, the real app's metrics or a shop's order API: the caller builds each
 * throwaway app on `:memory:` with the demo orders, and each listens on an ephemeral loopback port
 * that closes with it. A warm-up that fails or stalls is logged and the node starts anyway.
 *
 * @example await warmUpSocketPath(createApp({ ...deps, store: memoryStore, orders: createDemoOrderProvider() }), 120);
 */
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import type { App } from './app.js';

/**
 * Questions the bot answers itself, in several shoppers' languages; each conversation asks each
 * once (a third question of one intent reads as the bot not helping, and would hand over).
 */
export const WARM_UP_QUESTIONS: readonly string[] = [
  'how long does shipping to Germany take?',
  'what payment methods do you accept?',
  'where is my order 1002',
  'what is your return policy?',
  'Kann ich mit PayPal bezahlen?',
  'Comment retourner un article ?',
];

/**
 * Throwaway apps warmed one after the other, and the widgets each opens (each asks the six
 * questions: 720 messages through every layer for 120 widgets).
 *
 * Two apps: the app's functions are closures made per app (`createConversationService(deps)` and
 * the like). Warmed through one app only, V8's optimised code took that app's closures for the only
 * ones, and the real app's first shoppers met code being compiled again. After a second app every
 * call site has seen two closures of each function. At 10,000 widgets @ 3,000 msg/s, five
 * alternated pairs: the first second's p50 was 188, 97, 244, 11 and 126 ms against 416, 1,194,
 * 259, 247 and 174 with one app, the whole run's p99 261, 192, 411, 109 and 237 ms against 523,
 * 1,522, 395, 338 and 250.
 *
 * The second app gets three times the widgets: its closures deoptimise what the first app's
 * traffic compiled ("wrong call target" in `--trace-deopt`), and V8 compiles those functions again
 * only once they have run hot on the new feedback. With 120 widgets in each app, `--trace-opt`
 * showed 18 functions of the message path (`decideTurn`, `receiveCustomerMessage`, …) compiled
 * again in the real app's first second under load; with 360 in the second, 10 (docs/write-path-measurements.md: the
 * latency figures, and the shared clock in main.ts that keeps `decideTurn` compiled).
 */
export const WARM_UP_WIDGETS_PER_APP: readonly number[] = [120, 360];
/** The whole warm-up, every app's, gives up after this (a slow machine starts colder, never later). */
export const WARM_UP_TIMEOUT_MS = 20_000;

export interface WarmUpResult {
  /** The conversations the warm-up opened (one per widget that connected). */
  conversationIds: string[];
  /** Bot replies received: `WARM_UP_QUESTIONS.length` per conversation when all went well. */
  replies: number;
}

/**
 * Opens `widgets` sockets to `app` (listening on an ephemeral loopback port first); each asks every warm-up question in turn,
 * sending the next once the bot has answered the last, until `timeoutMs` has passed. The app's own limits apply, so the caller
 * gives the throwaway app per-IP limits above `widgets` (every socket comes from 127.0.0.1).
 */
export async function warmUpSocketPath(app: App, widgets: number, timeoutMs = WARM_UP_TIMEOUT_MS): Promise<WarmUpResult> {
  // `serve` hands over an app that does not listen yet; a test's may already.
  if (!app.httpServer.listening) await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const sockets: Socket[] = [];
  const result: WarmUpResult = { conversationIds: [], replies: 0 };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  const widget = async (i: number) => {
    const socket = io(`http://127.0.0.1:${port}/customer`, { transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    const session = await new Promise<{ conversationId: string } | undefined>((resolve) => {
      socket.once('session', resolve);
      socket.once('connect_error', () => resolve(undefined));
    });
    if (!session) return;
    result.conversationIds.push(session.conversationId);
    for (const [round, text] of WARM_UP_QUESTIONS.entries()) {
      const answered = await new Promise<boolean>((resolve) => {
        const onMessage = (message: { from?: string }) => {
          if (message.from !== 'bot') return;
          socket.off('message', onMessage);
          resolve(true);
        };
        socket.on('message', onMessage);
        // A refused message gets no reply: this widget stops rather than wait for the timeout.
        socket.emit('message', { clientId: `warm-${round}-${i}`, text }, (ack: { ok?: boolean }) => ack?.ok !== true && resolve(false));
      });
      if (!answered) return;
      result.replies += 1;
    }
  };
  try {
    await Promise.race([Promise.all(Array.from({ length: widgets }, (_, i) => widget(i))), timedOut]);
  } finally {
    clearTimeout(timer);
    for (const socket of sockets) socket.disconnect();
  }
  return result;
}

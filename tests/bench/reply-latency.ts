/**
 * Bot reply latency over a real server: 1,000 shopper messages over real sockets, each timed
 * from `emit` to the bot's reply arriving. Routine questions only (a handoff ends the bot's
 * part), each shopper asking four different questions once.
 */
import { ensureBuilt } from '../../server/assets/ensure-built.js';
import { closeClients, connectCustomer, fromBot, nextMessage } from '../support/socket-client.js';
import { startTestServer } from '../support/start-test-server.js';

const QUESTIONS = [
  'where is my order 1001',
  'how long does shipping to Germany take?',
  'what payment methods do you accept?',
  'what is your return policy?',
];

export async function benchReplyLatency(messages = 1000): Promise<{ medianMs: number; p99Ms: number; messages: number }> {
  // The test server serves dist/: bring it up to date as vitest's global setup does (a fresh clone has none).
  await ensureBuilt({ log: (line) => process.stderr.write(line) });
  const server = await startTestServer({ env: { LOG_LEVEL: 'warn' } });
  const timings: number[] = [];
  try {
    const perShopper = QUESTIONS.length;
    for (let shopper = 0; timings.length < messages; shopper++) {
      const { socket } = await connectCustomer(server.url);
      for (let i = 0; i < perShopper && timings.length < messages; i++) {
        const reply = nextMessage(socket, fromBot, 10_000);
        const started = performance.now();
        await socket.emitWithAck('message', { clientId: `b${shopper}-${i}`, text: QUESTIONS[i % QUESTIONS.length]! });
        await reply;
        timings.push(performance.now() - started);
      }
      socket.disconnect();
    }
  } finally {
    closeClients();
    await server.close();
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
  return { medianMs: round(at(0.5)), p99Ms: round(at(0.99)), messages: timings.length };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

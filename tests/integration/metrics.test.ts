// GET /metrics on a real server after a scripted set of conversations: every counter, the
// queue gauge and the histograms count exactly. The server's clock is moved past
// BOT_IDLE_MINUTES at the end, so the conversation the bot helped settles as solved by the bot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAgents } from '../support/agent-client.js';
import { runDeskScript } from '../support/desk-script.js';
import { parseExposition } from '../support/prometheus.js';
import { closeClients, connectCustomer } from '../support/socket-client.js';
import { spawnServer } from '../support/spawn-server.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let other: TestServer;
let offsetMs = 0;

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + offsetMs), env: { BOT_IDLE_MINUTES: '30' } });
  other = await startTestServer();
});
afterAll(async () => {
  closeClients();
  closeAgents();
  await server.close();
  await other.close();
});

/** The samples of a Prometheus text exposition, keyed by `name{labels}` as printed. */
async function scrape(target: TestServer): Promise<Map<string, number>> {
  await target.app.ops.settle(); // what the sweep's timer does in production; a GET itself writes nothing
  return parse(await fetch(`${target.url}/metrics`));
}

async function parse(res: Response): Promise<Map<string, number>> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await res.text());
}

describe('GET /metrics', () => {
  it('counts a scripted set of conversations exactly', async () => {
    await runDeskScript(server, { rating: 4 });
    const beforeIdle = await scrape(server);
    expect(beforeIdle.get('relaydesk_conversations_solved_by_bot_total')).toBe(0);

    offsetMs = 31 * 60_000;
    const samples = await scrape(server);
    const expected: Record<string, number> = {
      relaydesk_conversations_total: 3,
      'relaydesk_messages_total{from="customer"}': 3,
      // The order status, the safety handoff and the "a person will help" replies.
      'relaydesk_messages_total{from="bot"}': 3,
      'relaydesk_messages_total{from="agent"}': 1,
      // "Mia has joined …" and "Mia marked this conversation as resolved …".
      'relaydesk_messages_total{from="system"}': 2,
      relaydesk_conversations_solved_by_bot_total: 1,
      'relaydesk_handoffs_total{reason="safety"}': 1,
      'relaydesk_handoffs_total{reason="request"}': 1,
      relaydesk_queue_length: 1,
      relaydesk_first_response_seconds_count: 1,
      relaydesk_resolution_seconds_count: 1,
      relaydesk_ratings_count: 1,
      relaydesk_ratings_sum: 4,
      'relaydesk_ratings_bucket{le="3"}': 0,
      'relaydesk_ratings_bucket{le="4"}': 1,
    };
    for (const [name, value] of Object.entries(expected)) expect(samples.get(name), name).toBe(value);
    const handoffs = [...samples].filter(([name]) => name.startsWith('relaydesk_handoffs_total'));
    expect(handoffs.reduce((sum, [, value]) => sum + value, 0)).toBe(2);
    // Seconds, measured on the server's clock: the script takes well under a minute.
    expect(samples.get('relaydesk_first_response_seconds_sum')).toBeLessThan(60);
  });

  it('counts a settled conversation once, however often it is scraped', async () => {
    expect((await scrape(server)).get('relaydesk_conversations_solved_by_bot_total')).toBe(1);
  });

  it('does not count an idle conversation in which the bot never helped as solved', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text: 'asdf qwerty zxcv' });
    expect(ack.ok).toBe(true);
    await server.app.service.idle();
    expect((await server.store.getConversation(session.conversationId))?.status).toBe('bot');
    offsetMs += 31 * 60_000;
    const samples = await scrape(server);
    expect(samples.get('relaydesk_conversations_total')).toBe(4);
    expect(samples.get('relaydesk_conversations_solved_by_bot_total')).toBe(1);
  });

  it('writes nothing on a scrape: an idle conversation is settled by the sweep, not by GET /metrics', async () => {
    const before = (await scrape(server)).get('relaydesk_conversations_solved_by_bot_total');
    const { socket } = await connectCustomer(server.url);
    expect((await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text: 'where is my order 1002' })).ok).toBe(true);
    await server.app.service.idle();
    offsetMs += 31 * 60_000;
    const raw = await parse(await fetch(`${server.url}/metrics`));
    expect(raw.get('relaydesk_conversations_solved_by_bot_total')).toBe(before);
    expect((await scrape(server)).get('relaydesk_conversations_solved_by_bot_total')).toBe(before! + 1);
  });

  it('keeps its own registry per server: another server in this process counts nothing of it', async () => {
    const samples = await scrape(other);
    expect(samples.get('relaydesk_conversations_total')).toBe(0);
    expect(samples.get('relaydesk_queue_length')).toBe(0);
  });

  it('counts intent reloads by result', async () => {
    server.intents.reload();
    expect((await scrape(server)).get('relaydesk_intent_reloads_total{result="ok"}')).toBe(1);
  });

  it('adds the process metrics (GC pauses, event-loop delay, memory) where `relaydesk serve` runs, and nowhere else', async () => {
    expect([...(await scrape(other)).keys()].filter((name) => name.startsWith('nodejs_') || name.startsWith('process_'))).toEqual([]);
    const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-metrics-'));
    const served = await spawnServer({ DATA_DIR: dataDir });
    try {
      const samples = await parse(await fetch(`${served.url}/metrics`));
      expect(samples.get('nodejs_eventloop_lag_max_seconds')).toBeGreaterThan(0);
      expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(samples.get('relaydesk_queue_length')).toBe(0);
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000); // a server start: several seconds on a loaded CI machine
});

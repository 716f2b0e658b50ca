// Exactly-once bot turns across a crash (SPEC §8): acknowledged shopper messages whose bot turn
// was still waiting on the order API when the node was SIGKILLed are answered after a restart on
// the same DATA_DIR, each exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sqliteFileIn } from '../../server/store/sqlite-store.js';
import { closeClients, connectCustomer } from '../support/socket-client.js';
import { spawnServer } from '../support/spawn-server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-outbox-'));
const LIMITS_OFF = { LIMIT_CONVERSATIONS_PER_IP: '1000000', LIMIT_SOCKETS_PER_IP: '1000000' };
const SHOPPERS = 50;
let hangingOrderApi: Server | undefined;

afterEach(() => closeClients());
afterAll(() => {
  hangingOrderApi?.closeAllConnections();
  hangingOrderApi?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** An order API that never answers: every bot turn that looks an order up stays pending. */
async function startHangingOrderApi(): Promise<string> {
  hangingOrderApi = createServer(() => {});
  await new Promise<void>((resolve) => hangingOrderApi!.listen(0, '127.0.0.1', resolve));
  const address = hangingOrderApi.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

function readDatabase(): { messages: Array<{ conversation_id: string; sender: string; seq: number }>; pending: number } {
  const db = new Database(sqliteFileIn(dataDir), { readonly: true });
  try {
    const messages = db.prepare('select conversation_id, sender, seq from messages order by conversation_id, seq').all() as Array<{ conversation_id: string; sender: string; seq: number }>;
    const pending = (db.prepare('select count(*) as n from bot_turns where done_at is null').get() as { n: number }).n;
    return { messages, pending };
  } finally {
    db.close();
  }
}

describe('bot-turn outbox', () => {
  it('answers every acknowledged message exactly once after SIGKILL and a restart', async () => {
    const orderApi = await startHangingOrderApi();
    const first = await spawnServer({ DATA_DIR: dataDir, ORDER_API_URL: orderApi, ORDER_API_TIMEOUT_MS: '60000', ...LIMITS_OFF });
    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => connectCustomer(first.url)));
    // A burst: all 50 at once, so their writes share group commits.
    const acks = await Promise.all(
      shoppers.map(({ socket }, i) => socket.emitWithAck('message', { clientId: `burst-${i}`, text: `where is my order 1002? (shopper ${i})` })),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    closeClients();

    const before = readDatabase();
    expect(before.messages.filter((m) => m.sender === 'customer')).toHaveLength(SHOPPERS);
    // The order API never answered: no turn could finish before the kill.
    expect(before.pending).toBe(SHOPPERS);

    // Restarted with the demo orders: the pending turns run at start.
    const second = await spawnServer({ DATA_DIR: dataDir, ...LIMITS_OFF });
    try {
      const deadline = Date.now() + 20_000;
      while (readDatabase().pending > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const after = readDatabase();
      expect(after.pending).toBe(0);
      const byConversation = new Map<string, string[]>();
      for (const m of after.messages) byConversation.set(m.conversation_id, [...(byConversation.get(m.conversation_id) ?? []), m.sender]);
      expect(byConversation.size).toBe(SHOPPERS);
      // Exactly one bot reply per acknowledged shopper message, after it.
      for (const senders of byConversation.values()) expect(senders).toEqual(['customer', 'bot']);
      // A resumed shopper sees the answer.
      const resumed = await connectCustomer(second.url, { token: shoppers[0]!.session.token });
      expect(resumed.session.messages.map((m) => m.from)).toEqual(['customer', 'bot']);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000);
});

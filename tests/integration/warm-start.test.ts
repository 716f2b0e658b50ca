// `serve` warms the message path before it listens (server/warm-start.ts), through loopback
// sockets as widgets send: the warm-up questions must take the routine path (a bot reply each, no
// handoff), and nothing of it may reach the node's real store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { WARM_UP_QUESTIONS, warmUpSocketPath } from '../../server/warm-start.js';
import { sqliteFileIn } from '../../server/store/sqlite-store.js';
import { spawnServer } from '../support/spawn-server.js';
import { startTestServer } from '../support/start-test-server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-warm-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('warm start', () => {
  it('asks questions the bot answers itself: one reply to each, no conversation handed over', async () => {
    const server = await startTestServer();
    try {
      const { conversationIds: ids, replies } = await warmUpSocketPath(server.app, 5);
      expect(ids).toHaveLength(5);
      expect(replies).toBe(5 * WARM_UP_QUESTIONS.length);
      for (const id of ids) {
        expect((await server.store.getConversation(id))?.status).toBe('bot');
        const messages = await server.store.listMessages(id);
        expect(messages.map((message) => message.from)).toEqual(WARM_UP_QUESTIONS.flatMap(() => ['customer', 'bot']));
      }
    } finally {
      await server.close();
    }
  });

  it('leaves the real store empty: `serve` warms up on a throwaway in-memory store', async () => {
    const server = await spawnServer({ DATA_DIR: dataDir });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const db = new Database(sqliteFileIn(dataDir), { readonly: true });
    try {
      expect(db.prepare('select (select count(*) from conversations) as conversations, (select count(*) from messages) as messages').get()).toEqual({ conversations: 0, messages: 0 });
    } finally {
      db.close();
    }
  }, 40_000); // a server start: several seconds on a loaded CI machine
});

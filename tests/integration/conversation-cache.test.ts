// The embedded store keeps recently used conversation records in memory (store/conversation-cache.ts).
// Whatever changes a row behind the hot path's back must show in the next read: a kysely write on
// the same connection, another process's commit, and a write that failed and was rolled back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../server/store/sqlite-store.js';
import type { Store } from '../../server/store/store.js';

const NOW = '2026-11-30T12:00:00.000Z';
let dir: string;
let file: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relaydesk-cache-'));
  file = join(dir, 'relaydesk.sqlite');
  store = await createSqliteStore({ file });
  await store.createConversation({ id: 'c1', tokenHash: 't1', customerKey: 'k', now: NOW });
  await store.getConversation('c1'); // cached from here on
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function shopperSays(text: string, clientId: string) {
  return store.recordCustomerMessage({
    message: { conversationId: 'c1', from: 'customer', text, clientId, at: NOW },
    update: () => ({ intent: 'refund', urgency: 'high' }),
    turnWhen: ['bot'],
  });
}

describe('conversation records read through the cache', () => {
  it('show a claim written through kysely on the same connection', async () => {
    await store.updateConversation('c1', { status: 'queued' });
    expect(await store.claimConversation('c1', { id: 'a1', name: 'Ana' }, ['queued'], NOW)).toBe(true);
    expect(await store.getConversation('c1')).toMatchObject({ status: 'assigned', assigneeId: 'a1', assigneeName: 'Ana' });
  });

  it("show another process's commit to the same file: a read from the next loop turn, a write at once", async () => {
    const other = new Database(file);
    await new Promise((resolve) => setImmediate(resolve));
    const write = store.updateConversation('c1', { urgency: 'high' }); // its batch runs next turn, first
    await store.getConversation('c1'); // the read that asks SQLite for this turn, before the commit
    other.prepare("update conversations set intent = 'payment', status = 'queued' where id = 'c1'").run();
    // A write asks SQLite inside its own transaction, so it builds on the other commit all the same.
    expect(await write).toMatchObject({ intent: 'payment', status: 'queued', urgency: 'high' });
    other.prepare("update conversations set intent = 'refund' where id = 'c1'").run();
    other.close();
    await new Promise((resolve) => setImmediate(resolve)); // reads ask once per event-loop turn
    expect(await store.getConversation('c1')).toMatchObject({ intent: 'refund', status: 'queued', urgency: 'high' });
  });

  it('forget a write whose savepoint was rolled back', async () => {
    // A trigger refuses the pending bot turn: the conversation update before it in the same write is undone.
    const other = new Database(file);
    other.exec("create trigger refuse_turn before insert on bot_turns begin select raise(abort, 'turns refused'); end");
    other.close();
    expect(await store.getConversation('c1')).toMatchObject({ intent: null });
    await expect(shopperSays('I want my money back', 'm1')).rejects.toThrow('turns refused');
    expect(await store.getConversation('c1')).toMatchObject({ intent: null, urgency: null, preview: null });
    expect(await store.listMessages('c1')).toEqual([]);
  });

  it('keep step with the hot path and hand out records nobody can change', async () => {
    const { conversation } = await shopperSays('I want my money back', 'm1');
    const read = await store.getConversation('c1');
    expect(read).toEqual(conversation);
    expect(read).toMatchObject({ intent: 'refund', urgency: 'high', preview: 'I want my money back' });
    expect(() => {
      (read as { intent: string }).intent = 'other';
    }).toThrow(TypeError);
  });
});

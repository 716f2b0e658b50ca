// The agent half of the store contract, on SQLite and PostgreSQL alike: accounts, sessions, notes,
// and the conditional release / transfer / resolve that only move a conversation while the
// expected agent holds it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.js';
import { STORE_TARGETS, useStoreTarget } from '../support/store-targets.js';

const NOW = '2025-03-01T10:00:00.000Z';
const LATER = '2025-03-01T10:05:00.000Z';
const MIA = { id: 'a-mia', name: 'Mia' };
const LEO = { id: 'a-leo', name: 'Leo' };
const agent = (id: string, email: string, role: 'agent' | 'ops' = 'agent') => ({ id, email, name: id, role, passwordHash: `hash-${id}`, now: NOW });

describe.each(STORE_TARGETS)('agent store contract on $name', (target) => {
  if (!target.available) {
    it.skip(`${target.name} is not available (see the warning above)`, () => {});
    return;
  }
  const database = useStoreTarget(target);
  let store: Store;
  beforeEach(async () => {
    store = await database.open();
  });

  async function heldByMia(id = 'c1') {
    await store.createConversation({ id, tokenHash: `t-${id}`, customerKey: 'k', now: NOW });
    await store.updateConversation(id, { status: 'queued', queuedAt: NOW });
    expect(await store.claimConversation(id, MIA, ['queued'], NOW)).toBe(true);
  }

  describe('agents', () => {
    it('keeps one account per lowercased email: insert refuses a duplicate, upsert updates in place', async () => {
      expect(await store.insertAgent(agent('a1', 'Mia@Shop.Example'))).toBe(true);
      expect(await store.insertAgent(agent('a2', 'mia@shop.example', 'ops'))).toBe(false);
      expect(await store.findAgentByEmail('MIA@shop.example')).toMatchObject({ id: 'a1', email: 'mia@shop.example', role: 'agent' });
      const updated = await store.upsertAgent({ ...agent('a3', 'mia@SHOP.example', 'ops'), name: 'Mia B', now: LATER });
      expect(updated).toMatchObject({ id: 'a1', name: 'Mia B', role: 'ops', passwordHash: 'hash-a3', createdAt: NOW, updatedAt: LATER });
      await store.upsertAgent(agent('a4', 'leo@shop.example'));
      expect(await store.countAgents()).toBe(2);
      expect((await store.listAgents()).map((a) => a.id).sort()).toEqual(['a1', 'a4']);
      expect(await store.getAgent('a4')).toMatchObject({ email: 'leo@shop.example' });
      expect(await store.getAgent('nope')).toBeUndefined();
    });
  });

  describe('sessions', () => {
    it('finds a session by token hash, deletes it, and sweeps the expired ones', async () => {
      await store.insertAgent(agent('a1', 'mia@shop.example'));
      await store.createSession({ tokenHash: 'h-old', agentId: 'a1', createdAt: NOW, expiresAt: NOW });
      await store.createSession({ tokenHash: 'h-new', agentId: 'a1', createdAt: NOW, expiresAt: LATER });
      expect(await store.findSession('h-new')).toEqual({ tokenHash: 'h-new', agentId: 'a1', createdAt: NOW, expiresAt: LATER });
      expect(await store.deleteExpiredSessions('2025-03-01T10:01:00.000Z')).toBe(1);
      expect(await store.findSession('h-old')).toBeUndefined();
      await store.deleteSession('h-new');
      expect(await store.findSession('h-new')).toBeUndefined();
    });
  });

  describe('notes', () => {
    it('stores notes per conversation, oldest first, apart from the messages', async () => {
      await store.createConversation({ id: 'c1', tokenHash: 't1', customerKey: 'k', now: NOW });
      await store.addNote({ conversationId: 'c1', agentId: 'a1', agentName: 'Mia', text: 'second', at: LATER });
      await store.addNote({ conversationId: 'c1', agentId: 'a1', agentName: 'Mia', text: 'first', at: NOW });
      expect((await store.listNotes('c1')).map((n) => n.text)).toEqual(['first', 'second']);
      expect(await store.listMessages('c1')).toEqual([]);
    });
  });

  describe('conditional moves', () => {
    it('releases back to the queue only for the holder, keeping the original queuedAt', async () => {
      await heldByMia();
      expect(await store.releaseConversation('c1', LEO.id, LATER)).toBe(false);
      expect(await store.releaseConversation('c1', MIA.id, LATER)).toBe(true);
      expect(await store.getConversation('c1')).toMatchObject({ status: 'queued', assigneeId: null, assigneeName: null, queuedAt: NOW });
      expect(await store.releaseConversation('c1', MIA.id, LATER)).toBe(false);
    });

    it('sets queuedAt on release when the conversation was claimed straight from the bot', async () => {
      await store.createConversation({ id: 'c2', tokenHash: 't2', customerKey: 'k', now: NOW });
      await store.claimConversation('c2', MIA, ['bot'], NOW);
      expect(await store.releaseConversation('c2', MIA.id, LATER)).toBe(true);
      expect((await store.getConversation('c2'))?.queuedAt).toBe(LATER);
    });

    it('transfers only from the holder, and two racing transfers move it once', async () => {
      await heldByMia();
      const results = await Promise.all([store.transferConversation('c1', MIA.id, LEO, LATER), store.transferConversation('c1', MIA.id, { id: 'a-ana', name: 'Ana' }, LATER)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.transferConversation('c1', MIA.id, LEO, LATER)).toBe(false);
    });

    it('resolves only for the holder', async () => {
      await heldByMia();
      expect(await store.resolveConversation('c1', LEO.id, LATER)).toBeUndefined();
      expect(await store.resolveConversation('c1', MIA.id, LATER)).toMatchObject({ status: 'resolved', resolvedAt: LATER });
      expect(await store.listConversations({ status: ['assigned'], assigneeId: MIA.id })).toEqual([]);
    });
  });
});

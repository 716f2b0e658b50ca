// The store contract, one suite run against both implementations (SQLite on a temporary file,
// PostgreSQL on a fresh database): seq order, idempotent appends, the claim race between two
// connections (two nodes), JSON round trips, and durability across reopen and SIGKILL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TriageResult } from '../../server/protocol.js';
import type { BotState, Store } from '../../server/store/store.js';
import { STORE_TARGETS, useStoreTarget } from '../support/store-targets.js';

const NOW = '2025-03-01T10:00:00.000Z';
const TRIAGE: TriageResult = {
  intent: 'refund',
  intents: [{ intent: 'refund', score: 2.5, matched: ['refund', 'money back'] }],
  sentiment: { score: -0.42, label: 'negative' },
  urgency: 'high',
  safety: false,
  language: 'en',
  entities: { orderIds: ['1001'], emails: [], amounts: [{ value: 49.9, currency: 'EUR', text: '€49.90' }] },
  handoff: true,
  reasons: ['intent:refund', 'sentiment:negative'],
};

async function newConversation(store: Store, id = 'conv-1') {
  return store.createConversation({ id, tokenHash: `hash-${id}`, customerKey: 'cust-1', locale: 'de-DE', page: '/cart', now: NOW });
}

describe.each(STORE_TARGETS)('store contract on $name', (target) => {
  if (!target.available) {
    it.skip(`${target.name} is not available (see the warning above)`, () => {});
    return;
  }
  const database = useStoreTarget(target);
  const open = () => database.open();

  describe('conversations', () => {
    it('creates a conversation in status bot and finds it by id and token hash', async () => {
      const store = await open();
      const created = await newConversation(store);
      expect(created).toMatchObject({ id: 'conv-1', status: 'bot', createdAt: NOW, updatedAt: NOW, locale: 'de-DE', page: '/cart', customerKey: 'cust-1' });
      expect(created).toMatchObject({ reasons: [], lastTriage: null, botState: { failures: 0, lookups: [] }, assigneeId: null, rating: null });
      expect(await store.findConversationByTokenHash('hash-conv-1')).toEqual(created);
      expect(await store.getConversation('conv-1')).toEqual(created);
      expect(await store.getConversation('nope')).toBeUndefined();
      expect(await store.findConversationByTokenHash('nope')).toBeUndefined();
    });

    it('round-trips JSON fields and clears fields set to null', async () => {
      const store = await open();
      await newConversation(store);
      const botState: BotState = { awaitingOrderId: true, pendingIntent: 'logistics', failures: 2, lookups: [{ orderId: '1001', result: 'not_found' }] };
      await store.updateConversation('conv-1', { status: 'queued', queuedAt: NOW, intent: 'refund', urgency: 'high', reasons: ['a', 'b'], lastTriage: TRIAGE, botState, rating: 4, ratingComment: 'ok' });
      const updated = await store.updateConversation('conv-1', { ratingComment: null, updatedAt: '2025-03-01T10:05:00.000Z' });
      expect(updated).toMatchObject({ status: 'queued', queuedAt: NOW, intent: 'refund', urgency: 'high', reasons: ['a', 'b'], rating: 4, ratingComment: null });
      expect(updated.lastTriage).toEqual(TRIAGE);
      expect(updated.botState).toEqual(botState);
      expect(updated.updatedAt).toBe('2025-03-01T10:05:00.000Z');
    });

    it('fails to update an unknown conversation with not_found', async () => {
      const store = await open();
      await expect(store.updateConversation('nope', { status: 'queued' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('lists conversations by status and customer key, oldest first', async () => {
      const store = await open();
      await newConversation(store, 'b');
      await newConversation(store, 'a');
      await store.createConversation({ id: 'c', tokenHash: 'h-c', customerKey: 'cust-2', now: NOW });
      await store.updateConversation('a', { status: 'queued' });
      expect((await store.listConversations({})).map((c) => c.id)).toEqual(['a', 'b', 'c']);
      expect((await store.listConversations({ status: ['queued'] })).map((c) => c.id)).toEqual(['a']);
      expect((await store.listConversations({ status: ['bot'], customerKey: 'cust-1' })).map((c) => c.id)).toEqual(['b']);
      expect(await store.listConversations({ status: [] })).toEqual([]);
    });
  });

  describe('claimConversation', () => {
    it('lets exactly one of two concurrent claims win, across two connections', async () => {
      const [first, second] = [await open(), await open()];
      await newConversation(first);
      await first.updateConversation('conv-1', { status: 'queued' });
      const results = await Promise.all([
        first.claimConversation('conv-1', { id: 'agent-a', name: 'Ana' }, ['queued'], NOW),
        second.claimConversation('conv-1', { id: 'agent-b', name: 'Ben' }, ['queued'], NOW),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? 'agent-a' : 'agent-b';
      expect(await second.getConversation('conv-1')).toMatchObject({ status: 'assigned', assigneeId: winner });
    });

    it('refuses a claim from a status not listed', async () => {
      const store = await open();
      await newConversation(store);
      expect(await store.claimConversation('conv-1', { id: 'a', name: 'Ana' }, ['queued'], NOW)).toBe(false);
      expect(await store.claimConversation('conv-1', { id: 'a', name: 'Ana' }, [], NOW)).toBe(false);
      expect(await store.claimConversation('nope', { id: 'a', name: 'Ana' }, ['bot'], NOW)).toBe(false);
      expect((await store.getConversation('conv-1'))?.status).toBe('bot');
    });
  });

  describe('appendMessage', () => {
    it('numbers messages 1, 2, 3 per conversation and lists them in order', async () => {
      const store = await open();
      await newConversation(store, 'x');
      await newConversation(store, 'y');
      const first = await store.appendMessage({ conversationId: 'x', from: 'customer', text: 'hello', clientId: 'c1', at: NOW });
      await store.appendMessage({ conversationId: 'y', from: 'customer', text: 'other', at: NOW });
      const second = await store.appendMessage({ conversationId: 'x', from: 'bot', text: 'hi!', at: NOW });
      const third = await store.appendMessage({ conversationId: 'x', from: 'agent', text: 'Mia here', authorName: 'Mia', at: NOW });
      expect([first.message.seq, second.message.seq, third.message.seq]).toEqual([1, 2, 3]);
      expect(first).toEqual({ duplicate: false, message: { id: first.message.id, conversationId: 'x', seq: 1, from: 'customer', text: 'hello', at: NOW, clientId: 'c1' } });
      expect(third.message.author).toEqual({ name: 'Mia' });
      expect(second.message).not.toHaveProperty('clientId');
      expect((await store.listMessages('x')).map((m) => m.text)).toEqual(['hello', 'hi!', 'Mia here']);
      expect((await store.listMessages('x', 1)).map((m) => m.seq)).toEqual([2, 3]);
      expect((await store.listMessages('y')).map((m) => m.seq)).toEqual([1]);
    });

    it('gives unique consecutive seqs to concurrent appends', async () => {
      // One store per process, as in the server: its transactions interleave at every await.
      const store = await open();
      await newConversation(store);
      const appends = Array.from({ length: 40 }, (_, i) =>
        store.appendMessage({ conversationId: 'conv-1', from: i % 2 ? 'customer' : 'bot', text: `m${i}`, clientId: `c${i}`, at: NOW }),
      );
      const seqs = (await Promise.all(appends)).map((result) => result.message.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('stores a repeated clientId once and returns the original with duplicate:true', async () => {
      const store = await open();
      await newConversation(store);
      const original = await store.appendMessage({ conversationId: 'conv-1', from: 'customer', text: 'where is 1001?', clientId: 'c1', at: NOW });
      const retries = await Promise.all([1, 2, 3].map(() => store.appendMessage({ conversationId: 'conv-1', from: 'customer', text: 'where is 1001? (retry)', clientId: 'c1', at: '2025-03-01T10:00:09.000Z' })));
      for (const retry of retries) expect(retry).toEqual({ message: original.message, duplicate: true });
      expect(await store.listMessages('conv-1')).toEqual([original.message]);
      expect((await store.getConversation('conv-1'))?.updatedAt).toBe(NOW);
    });

    it('keeps the triage of a message', async () => {
      const store = await open();
      await newConversation(store);
      const { message } = await store.appendMessage({ conversationId: 'conv-1', from: 'customer', text: 'refund please', at: NOW, triage: TRIAGE });
      const plain = await store.appendMessage({ conversationId: 'conv-1', from: 'bot', text: 'Sure', at: NOW });
      expect(await store.getMessageTriage(message.id)).toEqual(TRIAGE);
      expect(await store.getMessageTriage(plain.message.id)).toBeUndefined();
    });

    it('fails with not_found for an unknown conversation', async () => {
      const store = await open();
      await expect(store.appendMessage({ conversationId: 'nope', from: 'customer', text: 'hi', at: NOW })).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('durability', () => {
    it('keeps everything across close and reopen of the same file', async () => {
      const store = await open();
      await newConversation(store);
      await store.updateConversation('conv-1', { lastTriage: TRIAGE, reasons: ['intent:refund'] });
      const { message } = await store.appendMessage({ conversationId: 'conv-1', from: 'customer', text: 'refund', clientId: 'c1', at: NOW, triage: TRIAGE });
      const before = await store.getConversation('conv-1');
      await database.closeAll();

      const reopened = await open(); // runs the migrations again: must be a no-op
      expect(await reopened.getConversation('conv-1')).toEqual(before);
      expect(await reopened.listMessages('conv-1')).toEqual([message]);
      expect(await reopened.getMessageTriage(message.id)).toEqual(TRIAGE);
      const next = await reopened.appendMessage({ conversationId: 'conv-1', from: 'bot', text: 'ok', at: NOW });
      expect(next.message.seq).toBe(2);
    });

    it('keeps every acknowledged message when the writing process is killed with SIGKILL', async () => {
      const store = await open();
      await newConversation(store);
      const writer = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'store-crash-writer.ts'), database.location(), 'conv-1'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const acked: number[] = [];
      const exited = new Promise((resolve) => writer.once('exit', resolve));
      writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        for (const match of chunk.matchAll(/acked (\d+)\n/g)) acked.push(Number(match[1]));
        if (acked.length >= 25) writer.kill('SIGKILL');
      });
      expect(await exited).toBeNull(); // exit code null: it died from the signal, mid-stream
      expect(writer.signalCode).toBe('SIGKILL');
      const stored = (await store.listMessages('conv-1')).map((message) => message.seq);
      expect(acked.length).toBeGreaterThanOrEqual(25);
      expect(stored).toEqual(expect.arrayContaining(acked));
      expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    }, 20_000);
  });
});

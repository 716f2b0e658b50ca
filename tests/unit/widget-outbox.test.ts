// Unit tests for widget/outbox.ts: send-once, ack, release/retry and persistence round-trip.
import { describe, expect, it } from 'vitest';
import {
  MAX_SEND_ATTEMPTS,
  acknowledge,
  attemptFailed,
  dropDelivered,
  dueForSending,
  enqueue,
  loadOutbox,
  markSending,
  newClientId,
  reject,
  release,
  retry,
  saveOutbox,
  type KeyValueStorage,
  type Outbox,
} from '../../widget/outbox';

const AT = '2025-01-01T10:00:00.000Z';
const ids = (box: Outbox) => box.map((e) => e.clientId);

function fakeStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('outbox', () => {
  it('keeps one entry per clientId, in the order typed', () => {
    let box = enqueue([], 'a', 'hello', AT);
    box = enqueue(box, 'b', 'order 1001', AT);
    box = enqueue(box, 'a', 'hello again', AT);
    expect(ids(box)).toEqual(['a', 'b']);
    expect(box[0]?.text).toBe('hello');
  });

  it('hands each entry out for sending once until it is released', () => {
    let box = enqueue(enqueue([], 'a', 'one', AT), 'b', 'two', AT);
    expect(ids(dueForSending(box))).toEqual(['a', 'b']);
    box = markSending(box, ['a']);
    expect(ids(dueForSending(box))).toEqual(['b']);
    box = markSending(box, ['b']);
    expect(dueForSending(box)).toEqual([]);
    // The socket dropped: both go back and are sent again with the same clientId (the server dedupes).
    box = release(box);
    expect(ids(dueForSending(box))).toEqual(['a', 'b']);
  });

  it('removes an acked entry, and a late second ack changes nothing', () => {
    let box = markSending(enqueue(enqueue([], 'a', 'one', AT), 'b', 'two', AT), ['a', 'b']);
    box = acknowledge(box, 'a');
    expect(ids(box)).toEqual(['b']);
    expect(acknowledge(box, 'a')).toBe(box);
  });

  it('releases only the entry whose ack timed out', () => {
    const box = release(markSending(enqueue(enqueue([], 'a', 'one', AT), 'b', 'two', AT), ['a', 'b']), 'b');
    expect(box.map((e) => e.phase)).toEqual(['sending', 'queued']);
  });

  it('parks a refused entry until the shopper retries it', () => {
    let box = reject(markSending(enqueue([], 'a', 'x'.repeat(2001), AT), ['a']), 'a', 'too long');
    expect(box[0]).toMatchObject({ phase: 'failed', error: 'too long' });
    expect(dueForSending(box)).toEqual([]);
    box = retry(box, 'a');
    expect(box[0]).toEqual({ clientId: 'a', text: 'x'.repeat(2001), at: AT, phase: 'queued' });
  });

  it('drops entries the server already holds', () => {
    const box = enqueue(enqueue([], 'a', 'one', AT), 'b', 'two', AT);
    expect(ids(dropDelivered(box, new Set(['a'])))).toEqual(['b']);
    expect(dropDelivered(box, new Set(['z']))).toBe(box);
  });

  it('survives a reload through storage; what was in flight is queued again', () => {
    const storage = fakeStorage();
    let box = enqueue(enqueue(enqueue([], 'a', 'one', AT), 'b', 'two', AT), 'c', 'three', AT);
    box = reject(markSending(box, ['a', 'c']), 'c', 'closed');
    saveOutbox(storage, 'k', box);
    expect(loadOutbox(storage, 'k')).toEqual([
      { clientId: 'a', text: 'one', at: AT, phase: 'queued' },
      { clientId: 'b', text: 'two', at: AT, phase: 'queued' },
      { clientId: 'c', text: 'three', at: AT, phase: 'failed', error: 'closed' },
    ]);
    saveOutbox(storage, 'k', []);
    expect(storage.data.has('k')).toBe(false);
  });

  it('gives up on a message the server keeps failing on, and the next message moves on', () => {
    const storage = fakeStorage();
    let box = enqueue(enqueue([], 'stuck', 'my Constructor toy caught fire', AT), 'next', 'hello?', AT);
    for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt++) {
      box = attemptFailed(markSending(box, [dueForSending(box)[0]!.clientId]), 'stuck', 'gave up');
      expect(dueForSending(box)[0]?.clientId).toBe('stuck');
      // The count survives a reload (the outbox lives in localStorage).
      saveOutbox(storage, 'k', box);
      box = loadOutbox(storage, 'k');
    }
    box = attemptFailed(markSending(box, ['stuck']), 'stuck', 'gave up');
    expect(box[0]).toMatchObject({ clientId: 'stuck', phase: 'failed', error: 'gave up' });
    expect(ids(dueForSending(box))).toEqual(['next']);
    // The shopper's Retry starts the count again.
    expect(retry(box, 'stuck')[0]).toEqual({ clientId: 'stuck', text: 'my Constructor toy caught fire', at: AT, phase: 'queued' });
  });

  it('does not count a dropped socket as an attempt', () => {
    let box = enqueue([], 'a', 'hi', AT);
    for (let i = 0; i < MAX_SEND_ATTEMPTS * 2; i++) box = release(markSending(box, ['a']));
    expect(box[0]).toMatchObject({ phase: 'queued' });
    expect(box[0]?.attempts).toBeUndefined();
  });

  it('treats unreadable storage as an empty outbox', () => {
    const storage = fakeStorage();
    storage.setItem('k', '{not json');
    expect(loadOutbox(storage, 'k')).toEqual([]);
    storage.setItem('k', JSON.stringify([{ clientId: 1 }, { clientId: 'a', text: 'ok', at: AT }]));
    expect(ids(loadOutbox(storage, 'k'))).toEqual(['a']);
  });

  it('makes 128-bit random client ids', () => {
    const a = newClientId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newClientId()).not.toBe(a);
  });
});

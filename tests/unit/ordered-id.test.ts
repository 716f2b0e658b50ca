// Unit tests of the hot-path row ids: UUID v7, each sorting after the last (so the primary-key
// index grows at its right edge), also within one millisecond and when the clock steps back.
import { describe, expect, it } from 'vitest';
import { orderedId } from '../../server/store/ordered-id.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('orderedId', () => {
  it('is a version 7 UUID that carries the time in milliseconds', () => {
    const now = Date.now() + 60_000; // ahead of any id made earlier in this process
    const id = orderedId(now);
    expect(id).toMatch(V7);
    expect(timeOf(id)).toBe(now);
  });

  it('sorts each id after the last, thousands of them within the same milliseconds', () => {
    const ids = Array.from({ length: 10_000 }, () => orderedId());
    for (const id of ids) expect(id).toMatch(V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps the order when more than 4,096 ids share one millisecond or the clock steps back', () => {
    const at = Date.now() + 120_000;
    const ids = [...Array.from({ length: 5_000 }, () => orderedId(at)), orderedId(at - 10_000), orderedId(at - 1)];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(timeOf(ids.at(-1)!) - at).toBeLessThanOrEqual(2); // borrowed milliseconds, not seconds
  });

  it('has a random tail, so nodes sharing one database do not collide', () => {
    // Several nodes share one database: the 62 random bits keep their ids apart.
    const tails = new Set(Array.from({ length: 1_000 }, (_, i) => orderedId(Date.now() + 200_000 + i).slice(19)));
    expect(tails.size).toBe(1_000);
  });
});

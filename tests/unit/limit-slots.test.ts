// Unit tests for server/limits/slots.ts: the bound on concurrent password hashing.
import { describe, expect, it } from 'vitest';
import { createSlots } from '../../server/limits/slots.js';

describe('slots', () => {
  it('runs at most `size` tasks at once, queues a few more and refuses the rest with rate_limited', async () => {
    const slots = createSlots(2, 1);
    let peak = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const task = async () => {
      peak = Math.max(peak, slots.running);
      await gate;
    };
    const running = [slots.run(task), slots.run(task), slots.run(task)];
    expect(slots.running).toBe(2);
    expect(slots.waiting).toBe(1);
    await expect(slots.run(task)).rejects.toMatchObject({ code: 'rate_limited' });
    open();
    await Promise.all(running);
    expect(peak).toBe(2);
    expect(slots.running).toBe(0);
  });

  it('frees the slot when a task throws', async () => {
    const slots = createSlots(1, 0);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(async () => 'ok')).resolves.toBe('ok');
  });
});

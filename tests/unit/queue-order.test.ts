// Queue order (urgency, then waiting time), a conversation's place in it, and the honest wait estimate.
import { describe, expect, it } from 'vitest';
import { compareQueue, estimateWaitSeconds, queuePosition } from '../../server/handoff/queue-order.js';
import type { Urgency } from '../../server/protocol.js';

const entry = (conversationId: string, urgency: Urgency, waitingSince: string, status?: string) => ({
  conversationId,
  urgency,
  waitingSince,
  ...(status ? { status } : {}),
});

describe('compareQueue', () => {
  it('puts critical before high before normal before low, then the longest wait first', () => {
    const entries = [
      entry('low-old', 'low', '2026-11-20T08:00:00Z'),
      entry('normal-new', 'normal', '2026-11-20T09:30:00Z'),
      entry('critical', 'critical', '2026-11-20T09:59:00Z'),
      entry('normal-old', 'normal', '2026-11-20T09:00:00Z'),
      entry('high', 'high', '2026-11-20T09:45:00Z'),
    ];
    expect([...entries].sort(compareQueue).map((e) => e.conversationId)).toEqual(['critical', 'high', 'normal-old', 'normal-new', 'low-old']);
  });

  it('compares times, not strings, and puts a broken timestamp last', () => {
    const utc = entry('utc', 'normal', '2026-11-20T09:00:00Z'); // 09:00Z
    const berlin = entry('berlin', 'normal', '2026-11-20T09:30:00+01:00'); // 08:30Z: waited longer
    const broken = entry('broken', 'normal', 'yesterday-ish');
    expect([broken, utc, berlin].sort(compareQueue).map((e) => e.conversationId)).toEqual(['berlin', 'utc', 'broken']);
  });
});

describe('queuePosition', () => {
  const entries = [
    entry('a', 'normal', '2026-11-20T09:00:00Z', 'queued'),
    entry('b', 'critical', '2026-11-20T09:10:00Z', 'assigned'), // being helped: not ahead of anyone
    entry('c', 'high', '2026-11-20T09:20:00Z', 'queued'),
    entry('d', 'normal', '2026-11-20T09:05:00Z', 'queued'),
  ];

  it('counts 1-based among waiting conversations in queue order', () => {
    expect(queuePosition(entries, 'c')).toBe(1);
    expect(queuePosition(entries, 'a')).toBe(2);
    expect(queuePosition(entries, 'd')).toBe(3);
  });

  it('is undefined for a conversation that is not waiting', () => {
    expect(queuePosition(entries, 'b')).toBeUndefined();
    expect(queuePosition(entries, 'zzz')).toBeUndefined();
  });
});

describe('estimateWaitSeconds', () => {
  it('is position × average handling time ÷ agents online', () => {
    expect(estimateWaitSeconds(3, { agentsOnline: 2 })).toBe(360);
    expect(estimateWaitSeconds(1, { agentsOnline: 1 })).toBe(240);
    expect(estimateWaitSeconds(4, { agentsOnline: 3, averageHandleSeconds: 300 })).toBe(400);
  });

  it('counts at least one agent, so nobody is told there is no wait when nobody is there', () => {
    expect(estimateWaitSeconds(2, { agentsOnline: 0 })).toBe(480);
  });

  it('rounds up to whole seconds and never goes negative', () => {
    expect(estimateWaitSeconds(1, { agentsOnline: 3, averageHandleSeconds: 100 })).toBe(34);
    expect(estimateWaitSeconds(-1, { agentsOnline: 1 })).toBe(0);
  });
});

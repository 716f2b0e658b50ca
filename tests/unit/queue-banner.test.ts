// What a waiting shopper is told (pure): the next opening off duty, never a shorter estimate; an estimate from recent claims on duty.
import { describe, expect, it } from 'vitest';
import { honestWaitSeconds, queueBanner } from '../../server/handoff/queue-banner.js';

const HOURS = { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00', timeZone: 'Europe/Berlin' };
const SATURDAY = new Date('2026-11-28T12:00:00Z');
const MONDAY_NOON = new Date('2026-11-30T11:00:00Z');

describe('queueBanner', () => {
  it('off duty: the position and the next opening, no minutes estimate', () => {
    expect(queueBanner({ position: 10, now: SATURDAY, hours: HOURS, agentsOnline: 1, recentWaitsSeconds: [60, 60, 60] })).toEqual({
      status: 'queued', queuePosition: 10, nextOpenAt: '2026-11-30T08:00:00.000Z',
    });
  });

  it('on duty: the position and an estimate, no opening time', () => {
    const banner = queueBanner({ position: 2, now: MONDAY_NOON, hours: HOURS, agentsOnline: 2, recentWaitsSeconds: [] });
    expect(banner).toEqual({ status: 'queued', queuePosition: 2, estimatedWaitSeconds: 240 });
  });
});

describe('honestWaitSeconds', () => {
  it('uses the median of recent claim waits per place once there are enough of them', () => {
    expect(honestWaitSeconds(2, { agentsOnline: 1, recentWaitsSeconds: [60, 600, 120] })).toBe(240);
    expect(honestWaitSeconds(1, { agentsOnline: 5, recentWaitsSeconds: [900, 1000, 1100, 1200] })).toBe(1050);
  });

  it('falls back to the default handling time with too few samples, and never says under a minute per place', () => {
    expect(honestWaitSeconds(3, { agentsOnline: 1, recentWaitsSeconds: [10] })).toBe(720);
    expect(honestWaitSeconds(2, { agentsOnline: 1, recentWaitsSeconds: [5, 5, 5] })).toBe(120);
  });
});

// The follow-up loop's pure model and the navigation's role rule: states at a pinned clock, list
// order, the badge count, and Intents shown to ops only.
import { describe, expect, it } from 'vitest';
import { dueCount, followupState, OVERDUE_AFTER_MS, splitFollowups } from '../../server/console/followups-view-model';
import type { Followup } from '../../server/protocol';
import { pagesFor } from '../../server/console/pages';

const NOW = Date.parse('2025-11-07T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(NOW + hoursFromNow * HOUR).toISOString();

function followup(id: string, dueInHours: number, done = false): Followup {
  return { id, conversationId: `c_${id}`, dueAt: at(dueInHours), createdAt: at(-48), done, intent: 'complaint', preview: 'The kettle leaks' };
}

describe('followupState', () => {
  it.each([
    [2, false, 'upcoming'],
    [0, false, 'due'],
    [-23, false, 'due'],
    [-24, false, 'overdue'],
    [-100, true, 'done'],
  ] as const)('due in %d h, done=%s → %s', (hours, done, state) => {
    expect(followupState(followup('x', hours, done), NOW)).toBe(state);
  });

  it('calls a follow-up overdue one day after it fell due', () => {
    expect(OVERDUE_AFTER_MS).toBe(24 * HOUR);
  });
});

describe('splitFollowups and dueCount', () => {
  const list = [followup('later', 5), followup('old', -30), followup('done1', -50, true), followup('now', -1), followup('done2', -2, true)];

  it('lists pending oldest-due first and done most recent first', () => {
    const { pending, done } = splitFollowups(list, NOW);
    expect(pending.map((f) => [f.id, f.state])).toEqual([['old', 'overdue'], ['now', 'due'], ['later', 'upcoming']]);
    expect(done.map((f) => f.id)).toEqual(['done2', 'done1']);
  });

  it('counts pending follow-ups that are due or overdue for the badge', () => {
    expect(dueCount(list, NOW)).toBe(2);
    expect(dueCount(list, NOW + 6 * HOUR)).toBe(3);
    expect(dueCount([], NOW)).toBe(0);
  });
});

describe('pagesFor', () => {
  it('shows Intents to ops only', () => {
    expect(pagesFor('ops')).toEqual(['inbox', 'intents', 'reports', 'followups']);
    expect(pagesFor('agent')).toEqual(['inbox', 'reports', 'followups']);
    expect(pagesFor('admin')).not.toContain('intents'); // any role but ops, even one added later
    expect(pagesFor('')).not.toContain('intents');
  });
});

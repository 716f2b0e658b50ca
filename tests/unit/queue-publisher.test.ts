// The queue publisher's in-memory view: where a newcomer would stand (every bot turn asks) must
// agree with the queue order itself, whatever the queue holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQueuePublisher } from '../../server/conversations/queue-publisher.js';
import { compareQueue, compareQueueKeys, queueKey } from '../../server/handoff/queue-order.js';
import type { Urgency } from '../../server/protocol.js';
import { INITIAL_BOT_STATE, type ConversationRecord } from '../../server/store/store.js';

const NOW = new Date('2026-11-30T10:00:00Z');
const URGENCIES: Urgency[] = ['critical', 'high', 'normal', 'low'];

function record(id: string, status: 'queued' | 'assigned', urgency: Urgency, queuedAt: string): ConversationRecord {
  return {
    id,
    status,
    createdAt: queuedAt,
    updatedAt: queuedAt,
    locale: null,
    page: null,
    language: 'en',
    intent: 'logistics',
    urgency,
    reasons: [],
    lastTriage: null,
    botState: { ...INITIAL_BOT_STATE, lookups: [] },
    queuedAt,
    assigneeId: status === 'assigned' ? 'agent-1' : null,
    assigneeName: status === 'assigned' ? 'Ana' : null,
    firstResponseAt: null,
    resolvedAt: null,
    rating: null,
    ratingComment: null,
    customerKey: id,
  };
}

function publisherOver(rows: ConversationRecord[]) {
  return createQueuePublisher({
    store: { listQueueConversations: async (ids) => (ids ? rows.filter((row) => ids.includes(row.id)) : rows) },
    clock: () => NOW,
    agentsOnline: () => 2,
    toAgents: () => undefined,
    toShopper: () => undefined,
    businessHours: { days: [0, 1, 2, 3, 4, 5, 6], open: '00:00', close: '24:00', timeZone: 'UTC' },
  });
}

const arbitraryRow = fc.record({
  status: fc.constantFrom('queued' as const, 'assigned' as const),
  urgency: fc.constantFrom(...URGENCIES),
  // Minutes before (or, for a clock skewed between nodes, after) now; sometimes a broken timestamp.
  minutesAgo: fc.option(fc.integer({ min: -30, max: 600 }), { nil: undefined }),
});

describe('queue publisher estimateFor', () => {
  it('places a newcomer behind every waiting shopper of its urgency or higher who joined before now', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryRow, { maxLength: 40 }), fc.constantFrom(...URGENCIES), async (specs, urgency) => {
        const rows = specs.map((spec, i) =>
          record(`c${i}`, spec.status, spec.urgency, spec.minutesAgo === undefined ? 'not a time' : new Date(NOW.getTime() - spec.minutesAgo * 60_000).toISOString()),
        );
        const probe = { urgency, waitingSince: NOW.toISOString() };
        const ahead = rows.filter((row) => row.status === 'queued' && compareQueue({ urgency: row.urgency!, waitingSince: row.queuedAt! }, probe) <= 0).length;
        const estimate = await publisherOver(rows).estimateFor(urgency);
        expect(estimate.position).toBe(ahead + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('counts an urgent newcomer before routine shoppers who waited longer', async () => {
    const rows = [
      record('routine-1', 'queued', 'normal', '2026-11-30T09:00:00Z'),
      record('routine-2', 'queued', 'normal', '2026-11-30T09:30:00Z'),
      record('urgent', 'queued', 'high', '2026-11-30T09:50:00Z'),
      record('being-helped', 'assigned', 'critical', '2026-11-30T09:55:00Z'),
    ];
    const publisher = publisherOver(rows);
    expect((await publisher.estimateFor('critical')).position).toBe(1);
    expect((await publisher.estimateFor('high')).position).toBe(2);
    expect((await publisher.estimateFor('normal')).position).toBe(4);
    expect((await publisher.entries()).map((entry) => entry.conversationId)).toEqual(['urgent', 'routine-1', 'routine-2', 'being-helped']);
  });
});

describe('compareQueueKeys', () => {
  it('orders exactly as compareQueue does', () => {
    const item = fc.record({ urgency: fc.constantFrom(...URGENCIES), waitingSince: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constant('broken')) });
    fc.assert(
      fc.property(item, item, (a, b) => {
        const byEntries = compareQueue(a, b);
        const byKeys = compareQueueKeys(queueKey(a), queueKey(b));
        expect(Math.sign(Number.isNaN(byEntries) ? 0 : byEntries)).toBe(Math.sign(byKeys));
      }),
    );
  });
});

// The console's queue view model: sort order, waiting-timer text and SLA states at pinned times.
import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../server/protocol';
import {
  applyQueueUpdate,
  COMPLAINT_WINDOW_MINUTES,
  FIRST_RESPONSE_MINUTES,
  formatWaiting,
  slaClocks,
  slaStatus,
  sortQueue,
  filterByLanguage,
} from '../../server/console/queue-view-model';

const NOW = Date.parse('2025-11-03T12:00:00.000Z');
const MIN = 60_000;
const ago = (minutes: number): string => new Date(NOW - minutes * MIN).toISOString();

function entry(over: Partial<QueueEntry> & { conversationId: string }): QueueEntry {
  return { status: 'queued', urgency: 'normal', intent: 'logistics', reasons: [], waitingSince: ago(1), preview: '', language: 'en', ...over };
}

describe('sortQueue', () => {
  it('orders by urgency, then the longest wait first, without mutating its input', () => {
    const input = [
      entry({ conversationId: 'low-old', urgency: 'low', waitingSince: ago(300) }),
      entry({ conversationId: 'normal-new', urgency: 'normal', waitingSince: ago(2) }),
      entry({ conversationId: 'critical', urgency: 'critical', waitingSince: ago(1) }),
      entry({ conversationId: 'normal-old', urgency: 'normal', waitingSince: ago(30) }),
      entry({ conversationId: 'high', urgency: 'high', waitingSince: ago(3) }),
    ];
    const before = input.map((e) => e.conversationId);
    expect(sortQueue(input).map((e) => e.conversationId)).toEqual(['critical', 'high', 'normal-old', 'normal-new', 'low-old']);
    expect(input.map((e) => e.conversationId)).toEqual(before);
  });

  it('puts an unparsable waitingSince last within its urgency', () => {
    const rows = [entry({ conversationId: 'bad', waitingSince: 'yesterday-ish' }), entry({ conversationId: 'ok', waitingSince: ago(1) })];
    expect(sortQueue(rows).map((e) => e.conversationId)).toEqual(['ok', 'bad']);
  });
});

describe('formatWaiting', () => {
  it.each([
    [0, '0 min'],
    [59_999, '0 min'],
    [4 * MIN + 30_000, '4 min'],
    [60 * MIN, '1 h'],
    [65 * MIN, '1 h 5 min'],
    [-5 * MIN, '0 min'], // a server clock ahead of ours never shows a negative wait
  ])('%d ms → %s', (ms, text) => {
    expect(formatWaiting(ms)).toBe(text);
  });

  it('takes translated units', () => {
    expect(formatWaiting(65 * MIN, { h: '小时', min: '分钟' })).toBe('1 小时 5 分钟');
  });
});

describe('slaStatus', () => {
  it('uses honest first-response targets per urgency', () => {
    expect(FIRST_RESPONSE_MINUTES).toEqual({ critical: 5, high: 15, normal: 60, low: 240 });
    expect(COMPLAINT_WINDOW_MINUTES).toBe(120);
  });

  it.each([
    ['critical', 3, 'ok'],
    ['critical', 4.5, 'due_soon'],
    ['critical', 5, 'overdue'],
    ['high', 10, 'ok'],
    ['high', 13, 'due_soon'],
    ['high', 16, 'overdue'],
    ['normal', 47, 'ok'],
    ['normal', 50, 'due_soon'],
    ['normal', 61, 'overdue'],
    ['low', 200, 'due_soon'],
    ['low', 241, 'overdue'],
  ] as const)('%s waiting %d min is %s', (urgency, minutes, status) => {
    expect(slaStatus(entry({ conversationId: 'c', urgency, waitingSince: ago(minutes) }), NOW)).toBe(status);
  });

  it('stops the first-response clock once claimed, but keeps the complaint window running', () => {
    const claimed = entry({ conversationId: 'c', status: 'assigned', urgency: 'high', waitingSince: ago(30) });
    expect(slaStatus(claimed, NOW)).toBe('ok');
    const complaint = { ...claimed, intent: 'complaint' as const };
    expect(slaClocks(complaint, NOW).map((c) => c.kind)).toEqual(['complaint_window']);
    expect(slaStatus({ ...complaint, waitingSince: ago(100) }, NOW)).toBe('due_soon');
    expect(slaStatus({ ...complaint, waitingSince: ago(121) }, NOW)).toBe('overdue');
  });

  it('reports the worse of two clocks for a queued complaint', () => {
    const complaint = entry({ conversationId: 'c', intent: 'complaint', urgency: 'low', waitingSince: ago(125) });
    expect(slaClocks(complaint, NOW).map((c) => [c.kind, c.status])).toEqual([
      ['first_response', 'ok'],
      ['complaint_window', 'overdue'],
    ]);
    expect(slaStatus(complaint, NOW)).toBe('overdue');
  });

  it('has no running clock for a resolved conversation', () => {
    expect(slaStatus(entry({ conversationId: 'c', status: 'resolved', urgency: 'critical', waitingSince: ago(600) }), NOW)).toBe('ok');
  });
});

describe('applyQueueUpdate', () => {
  const entry = (conversationId: string, preview = ''): QueueEntry => ({
    conversationId, status: 'queued', urgency: 'normal', intent: 'other', reasons: [], waitingSince: '2026-01-01T00:00:00.000Z', preview, language: 'en',
  });

  it('replaces changed entries by id, adds new ones and drops removed ones', () => {
    const next = applyQueueUpdate([entry('a'), entry('b'), entry('c')], { changed: [entry('b', 'new text'), entry('d')], removed: ['c'] });
    expect(next.map((e) => [e.conversationId, e.preview])).toEqual([['a', ''], ['b', 'new text'], ['d', '']]);
  });
});

describe('filterByLanguage', () => {
  const rows = [{ language: 'ja' }, { language: 'zh' }, { language: 'pt-BR' }, { language: 'en' }];
  it("shows an agent the conversations in their languages, or all of them", () => {
    expect(filterByLanguage(rows, ['zh', 'pt'], 'mine')).toEqual([{ language: 'zh' }, { language: 'pt-BR' }]);
    expect(filterByLanguage(rows, ['zh'], 'all')).toHaveLength(4);
  });
  it('shows everything to an agent with no languages set', () => {
    expect(filterByLanguage(rows, [], 'mine')).toHaveLength(4);
  });
});

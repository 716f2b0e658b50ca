// The console's summary reader (summary is `unknown` on the wire) and the transcript's note ordering.
import { describe, expect, it } from 'vitest';
import type { ChatMessage, TriageResult } from '../../server/protocol';
import { readSummary, trendOf } from '../../server/console/summary-view-model';
import { timeline } from '../../server/console/transcript-timeline';

const triage: TriageResult = {
  intent: 'logistics',
  intents: [
    { intent: 'logistics', score: 2, matched: ['where is', 'parcel'] },
    { intent: 'complaint', score: 1, matched: ['parcel', 'terrible'] },
  ],
  sentiment: { score: -0.5, label: 'negative' },
  urgency: 'high',
  safety: false,
  language: 'en',
  entities: { orderIds: ['1004'], emails: [], amounts: [] },
  handoff: true,
  reasons: ['intent:logistics'],
};

describe('readSummary', () => {
  it('reads the documented fields, whatever shape the trend comes in', () => {
    const s = readSummary(
      {
        sentimentTrend: [-0.1, -0.3, -0.7],
        keywords: ['customs'],
        orderIds: ['1001'],
        lookups: [{ orderId: '1001', status: 'shipped', carrier: 'DHL', tracking: 'JD123', nested: { no: 1 } }],
        earlierConversations: [{ id: 'c_0', intent: 'refund' }],
      },
      triage,
    );
    expect(s).toMatchObject({
      trend: 'worsening',
      perTurn: [-0.1, -0.3, -0.7],
      keywords: ['customs'],
      orderIds: ['1001'],
      lookups: ['1001 · shipped · DHL · JD123'],
      earlier: ['c_0 · refund'],
    });
    expect(readSummary({ sentimentTrend: 'improving' }, null).trend).toBe('improving');
    expect(readSummary({ sentimentTrend: { trend: 'stable', perTurn: [{ score: 0.1 }, { score: 0.2 }] } }, null)).toMatchObject({ trend: 'steady', perTurn: [0.1, 0.2] });
  });

  it('falls back to the triage and never throws on junk', () => {
    expect(readSummary(null, triage)).toMatchObject({ trend: null, keywords: ['where is', 'parcel', 'terrible'], orderIds: ['1004'], lookups: [] });
    expect(readSummary({ keywords: 'nope', lookups: 7, sentimentTrend: [NaN, 'x'], earlierCases: 'x', firstLine: 3 }, null)).toEqual({
      trend: null, perTurn: [], keywords: [], orderIds: [], lookups: [], earlier: [],
      items: [], reasons: [], intent: null, urgency: null, firstLine: null, earlierCases: [], order: null,
    });
  });

  it('derives a trend from per-turn scores', () => {
    expect(trendOf([-0.6, 0])).toBe('improving');
    expect(trendOf([0.1, 0.15])).toBe('steady');
    expect(trendOf([0.5])).toBeNull();
  });
});

describe('timeline', () => {
  const msg = (seq: number, at: string): ChatMessage => ({ id: `m${seq}`, conversationId: 'c', seq, from: 'customer', text: `t${seq}`, at });
  it('orders messages by seq and slots notes in by time', () => {
    const items = timeline(
      [msg(2, '2025-11-03T10:02:00Z'), msg(1, '2025-11-03T10:01:00Z'), msg(3, '2025-11-03T10:03:00Z')],
      [{ id: 'n1', text: 'checked DHL', at: '2025-11-03T10:02:30Z' }, { id: 'n2', text: 'later', at: '2025-11-03T11:00:00Z' }],
    );
    expect(items.map((i) => (i.kind === 'note' ? i.note.id : i.message.id))).toEqual(['m1', 'm2', 'n1', 'm3', 'n2']);
  });
});

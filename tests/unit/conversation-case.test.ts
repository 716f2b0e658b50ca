// Conversation-level triage and cases (pure): strongest intent and urgency, accumulated reasons, a new case after resolution.
import { describe, expect, it } from 'vitest';
import { earlierCasesOf, mergeCaseTriage, startNewCase } from '../../server/handoff/conversation-case.js';
import { INITIAL_BOT_STATE, type ConversationRecord } from '../../server/store/store.js';

const SAFETY_CASE = { intent: 'complaint' as const, urgency: 'critical' as const, reasons: ['safety:fire', 'safety:burn'] };

describe('mergeCaseTriage', () => {
  it('keeps a safety case critical and its intent when a later message is small talk', () => {
    expect(mergeCaseTriage(SAFETY_CASE, { intent: 'other', urgency: 'low', reasons: ['intent:other'] })).toEqual({
      intent: 'complaint',
      urgency: 'critical',
      reasons: ['safety:fire', 'safety:burn', 'intent:other'],
    });
  });

  it('takes a stronger intent and a higher urgency, and starts from the first message', () => {
    const first = mergeCaseTriage({ intent: null, urgency: null, reasons: [] }, { intent: 'logistics', urgency: 'normal', reasons: ['intent:logistics'] });
    expect(first).toEqual({ intent: 'logistics', urgency: 'normal', reasons: ['intent:logistics'] });
    expect(mergeCaseTriage(first, { intent: 'complaint', urgency: 'high', reasons: ['sentiment:very_negative'] })).toMatchObject({ intent: 'complaint', urgency: 'high' });
    // Equal strength keeps what was seen first: the case does not flip between two topics.
    expect(mergeCaseTriage(first, { intent: 'payment', urgency: 'low', reasons: [] })).toMatchObject({ intent: 'logistics', urgency: 'normal' });
  });
});

describe('startNewCase', () => {
  const resolved: ConversationRecord = {
    id: 'c1', status: 'resolved', createdAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T11:00:00.000Z', locale: 'de', page: '/',
    language: 'de', ...SAFETY_CASE, lastTriage: null, botState: { ...INITIAL_BOT_STATE }, queuedAt: '2026-11-29T10:01:00.000Z',
    assigneeId: 'a1', assigneeName: 'Mia', firstResponseAt: '2026-11-29T10:05:00.000Z', resolvedAt: '2026-11-29T11:00:00.000Z',
    rating: 2, ratingComment: 'slow', customerKey: 'k1',
  };

  it('archives the resolved case with its resolution and opens a clean one', () => {
    const patch = startNewCase(resolved, new Date('2026-11-30T09:00:00.000Z'));
    expect(patch).toMatchObject({ status: 'bot', intent: null, urgency: null, reasons: [], resolvedAt: null, firstResponseAt: null, assigneeId: null });
    const reopened = { ...resolved, ...patch } as ConversationRecord;
    expect(earlierCasesOf(reopened)).toEqual([
      {
        number: 1, intent: 'complaint', urgency: 'critical', reasons: ['safety:fire', 'safety:burn'], openedAt: '2026-11-29T10:00:00.000Z',
        queuedAt: '2026-11-29T10:01:00.000Z', firstResponseAt: '2026-11-29T10:05:00.000Z', resolvedAt: '2026-11-29T11:00:00.000Z',
        resolvedBy: 'Mia', rating: 2, ratingComment: 'slow',
      },
    ]);
    // A second reopening numbers the next case and keeps the first.
    const again = startNewCase({ ...reopened, status: 'resolved', intent: 'logistics', urgency: 'normal', resolvedAt: '2026-11-30T10:00:00.000Z' }, new Date('2026-12-01T09:00:00.000Z'));
    const cases = earlierCasesOf({ botState: again.botState! });
    expect(cases.map((c) => [c.number, c.intent, c.openedAt])).toEqual([[1, 'complaint', '2026-11-29T10:00:00.000Z'], [2, 'logistics', '2026-11-30T09:00:00.000Z']]);
  });
});

describe('ledgerRows', () => {
  it('gives a reopened conversation one row per escalated case, the closed one with its own intent and resolution', async () => {
    const { ledgerRows } = await import('../../server/reports/ledger.js');
    const base: ConversationRecord = {
      id: 'c1', status: 'resolved', createdAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T11:00:00.000Z', locale: 'de', page: '/',
      language: 'de', ...SAFETY_CASE, lastTriage: null, botState: { ...INITIAL_BOT_STATE }, queuedAt: '2026-11-29T10:01:00.000Z',
      assigneeId: 'a1', assigneeName: 'Mia', firstResponseAt: '2026-11-29T10:05:00.000Z', resolvedAt: '2026-11-29T11:00:00.000Z',
      rating: null, ratingComment: null, customerKey: 'k1',
    };
    const facts = { customerMessages: [], lastNote: undefined, lastAgentMessage: 'sent a replacement' };
    const reopened = { ...base, ...startNewCase(base, new Date('2026-11-30T09:00:00.000Z')), intent: 'logistics', urgency: 'normal', reasons: ['intent:logistics'] } as ConversationRecord;
    const rows = ledgerRows(reopened, facts);
    expect(rows).toHaveLength(1); // the new case stayed with the bot
    expect(rows[0]).toMatchObject(['c1', expect.any(String), 'complaint', 'safety:fire safety:burn', '2026-11-29T10:00:00.000Z', '2026-11-29T10:05:00.000Z', '2026-11-29T11:00:00.000Z', 'resolved by Mia', null, 1]);
    const escalatedAgain = ledgerRows({ ...reopened, status: 'queued', queuedAt: '2026-11-30T09:01:00.000Z' }, facts);
    expect(escalatedAgain.map((row) => [row[2], row[4], row[9]])).toEqual([['complaint', '2026-11-29T10:00:00.000Z', 1], ['logistics', '2026-11-30T09:00:00.000Z', 2]]);
  });
});

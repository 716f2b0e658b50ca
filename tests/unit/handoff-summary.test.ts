// Unit tests of the pure handoff summary: what an agent reads first so the shopper never repeats themselves.
import { describe, expect, it } from 'vitest';
import { buildHandoffSummary, directionOf } from '../../server/handoff/handoff-summary.js';
import type { BotState, ChatMessage, TriageResult } from '../../server/protocol.js';
import type { ConversationRecord } from '../../server/store/store.js';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

const AT = '2025-03-01T10:00:00.000Z';

function conversation(patch: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    id: 'c1', status: 'queued', createdAt: AT, updatedAt: AT, locale: 'en-GB', page: '/cart', language: 'en',
    intent: 'logistics', urgency: 'high', reasons: ['intent:logistics', 'repeat:contact'], lastTriage: null,
    botState: { failures: 1, lookups: [] }, queuedAt: AT, assigneeId: null, assigneeName: null, firstResponseAt: null,
    resolvedAt: null, rating: null, ratingComment: null, customerKey: 'k1', preview: null, ...patch,
  };
}

function transcript(texts: Array<[ChatMessage['from'], string]>): ChatMessage[] {
  return texts.map(([from, text], i) => ({ id: `m${i + 1}`, conversationId: 'c1', seq: i + 1, from, text, at: AT }));
}

/** Each shopper message triaged by the real engine, keyed by message id as the store keeps them. */
function triaged(messages: ChatMessage[]): Map<string, TriageResult> {
  return new Map(messages.filter((m) => m.from === 'customer').map((m) => [m.id, triage(m.text, NO_HISTORY, projectIntents())]));
}

describe('buildHandoffSummary', () => {
  const messages = transcript([
    ['customer', 'where is my order 1004?'],
    ['bot', 'Order 1004 is held in customs.'],
    ['customer', 'this is ridiculous, it has been weeks and nobody tells me anything'],
    ['bot', 'I am sorry, let me get a colleague.'],
    ['customer', 'I am furious, this is the worst service, I want my money back for 1004'],
  ]);
  const triages = triaged(messages);

  it('carries intent, urgency and the reasons of the conversation and of every turn, without repeats', () => {
    const summary = buildHandoffSummary(conversation(), messages, triages, []);
    expect(summary.intent).toBe('logistics');
    expect(summary.urgency).toBe('high');
    expect(summary.reasons.slice(0, 2)).toEqual(['intent:logistics', 'repeat:contact']);
    expect(summary.reasons).toEqual([...new Set(summary.reasons)]);
    for (const turn of triages.values()) for (const reason of turn.reasons) expect(summary.reasons).toContain(reason);
  });

  it('gives one sentiment score per shopper turn, oldest first, and a worsening trend', () => {
    const summary = buildHandoffSummary(conversation(), messages, triages, []);
    expect(summary.sentimentTrend).toEqual([...triages.values()].map((t) => t.sentiment.score));
    expect(summary.sentimentTrend).toHaveLength(3);
    expect(summary.trend).toBe('worsening');
  });

  it('lists the keywords that fired across turns and every order id, without repeats', () => {
    const summary = buildHandoffSummary(conversation(), messages, triages, []);
    const fired = [...triages.values()].flatMap((t) => t.intents.flatMap((i) => i.matched));
    expect(summary.keywords.length).toBeGreaterThan(0);
    expect(new Set(summary.keywords)).toEqual(new Set(fired));
    expect(summary.orderIds).toEqual(['1004']);
  });

  it('flattens what the bot already looked up and adds those order ids', () => {
    const lookups: BotState['lookups'] = [
      { orderId: '1004', result: 'found', order: { id: '1004', status: 'delayed', carrier: 'DHL', trackingNumber: 'JD0042', items: [], total: { value: 49.9, currency: 'EUR' }, country: 'DE' } },
      { orderId: '9999', result: 'not_found' },
    ];
    const summary = buildHandoffSummary(conversation({ botState: { failures: 0, lookups } }), messages, triages, []);
    expect(summary.lookups).toEqual([
      { orderId: '1004', result: 'found', status: 'delayed', carrier: 'DHL', trackingNumber: 'JD0042', country: 'DE', total: '49.9 EUR' },
      { orderId: '9999', result: 'not_found' },
    ]);
    expect(summary.orderIds).toEqual(['1004', '9999']);
  });

  it("lists the shopper's earlier conversations, never this one", () => {
    const earlier = [conversation({ id: 'c0', status: 'resolved', intent: 'refund', rating: 4, createdAt: '2025-02-01T09:00:00.000Z' }), conversation()];
    const summary = buildHandoffSummary(conversation(), messages, triages, earlier);
    expect(summary.earlierConversations).toEqual([{ id: 'c0', createdAt: '2025-02-01T09:00:00.000Z', intent: 'refund', status: 'resolved', rating: 4 }]);
  });

  it('suggests an AER opening: acknowledges the reading, and puts safety first when someone got hurt', () => {
    const safetyMessages = transcript([['customer', 'the charger caught fire and my son burned his hand']]);
    const safety = buildHandoffSummary(conversation({ intent: 'complaint', urgency: 'critical', reasons: [] }), safetyMessages, triaged(safetyMessages), []);
    expect(safety.firstLine).toMatch(/read your whole conversation/);
    expect(safety.firstLine).toMatch(/safe/);
    const logistics = buildHandoffSummary(conversation({ reasons: [] }), messages, triages, []);
    expect(logistics.firstLine).toContain('order 1004');
    expect(logistics.firstLine).not.toMatch(/guarantee|calm down|not our problem/i);
  });

  it('works before any triage is stored: falls back to the conversation and stays steady', () => {
    const summary = buildHandoffSummary(conversation({ intent: null, urgency: null, reasons: [] }), [], new Map(), []);
    expect(summary).toMatchObject({ intent: 'other', urgency: 'normal', reasons: [], sentimentTrend: [], trend: 'steady', keywords: [], orderIds: [] });
  });
});

describe('directionOf', () => {
  it.each([
    [[], 'steady'],
    [[-0.5], 'steady'],
    [[-0.6, -0.1], 'improving'],
    [[0.1, -0.2, -0.5], 'worsening'],
    [[-0.3, 0.4, -0.35], 'steady'],
  ] as const)('%j → %s', (scores, expected) => {
    expect(directionOf(scores)).toBe(expected);
  });
});

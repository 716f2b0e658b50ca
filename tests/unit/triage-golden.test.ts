// The golden table: what triage must say about messages support teams see every day.
import { describe, expect, it } from 'vitest';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

interface GoldenCase {
  text: string;
  intent: string;
  urgency: string;
  handoff: boolean;
  reasons?: string[];
}

const CASES: GoldenCase[] = [
  { text: 'where is my order 1001', intent: 'logistics', urgency: 'normal', handoff: false },
  { text: 'tracking pls', intent: 'logistics', urgency: 'normal', handoff: false },
  { text: 'I never received my package, it was supposed to arrive last week', intent: 'logistics', urgency: 'normal', handoff: false },
  { text: 'how long does shipping to Brazil take?', intent: 'logistics', urgency: 'normal', handoff: false },
  { text: 'I want a refund for 1003', intent: 'refund', urgency: 'normal', handoff: false },
  { text: 'can I return these shoes, they are too small', intent: 'refund', urgency: 'normal', handoff: false },
  { text: 'please cancel my order', intent: 'refund', urgency: 'normal', handoff: false },
  { text: 'my card was declined at checkout', intent: 'payment', urgency: 'normal', handoff: false },
  { text: 'you charged me twice!!', intent: 'payment', urgency: 'normal', handoff: false },
  { text: 'can I get an invoice with VAT?', intent: 'payment', urgency: 'normal', handoff: false },
  { text: 'the quality is terrible, the seams ripped after one wash', intent: 'complaint', urgency: 'high', handoff: true, reasons: ['complaint:negative'] },
  { text: 'I want to speak to a real person', intent: 'human', urgency: 'normal', handoff: true, reasons: ['request:human'] },
  { text: 'hi, do you have this jacket in size M?', intent: 'other', urgency: 'low', handoff: false },
  { text: 'how do I reset my password', intent: 'other', urgency: 'low', handoff: false },
  { text: 'the charger caught fire and my son burned his hand', intent: 'complaint', urgency: 'critical', handoff: true, reasons: ['safety:fire', 'safety:burn'] },
  { text: 'refund me now or my lawyer will hear about it', intent: 'refund', urgency: 'critical', handoff: true, reasons: ['threat:legal'] },
  { text: 'if this is not fixed I will leave a one star review everywhere', intent: 'complaint', urgency: 'high', handoff: true, reasons: ['threat:review'] },
  { text: 'third time I ask: where is my parcel?', intent: 'logistics', urgency: 'high', handoff: true, reasons: ['repeat:contact'] },
  { text: 'WHERE IS MY PACKAGE??? NOTHING FOR WEEKS', intent: 'logistics', urgency: 'high', handoff: true, reasons: ['tone:shouting'] },
  { text: 'I will open a chargeback with my bank', intent: 'payment', urgency: 'high', handoff: true, reasons: ['threat:chargeback'] },
  { text: 'the box was not damaged, thanks!', intent: 'other', urgency: 'low', handoff: false },
  // One word with no function word: every language's terms are tried, not only English.
  { text: 'Mitarbeiter', intent: 'human', urgency: 'normal', handoff: true, reasons: ['request:human'] },
  { text: 'ご注文はどこですか', intent: 'logistics', urgency: 'normal', handoff: false },
  { text: '¿Dónde está mi pedido? Todavía no llega', intent: 'logistics', urgency: 'normal', handoff: false },
  { text: 'Ich möchte eine Rückerstattung für meine Bestellung', intent: 'refund', urgency: 'normal', handoff: false },
];

describe('triage golden table', () => {
  it('has cases', () => {
    expect(CASES.length).toBeGreaterThan(15);
  });

  it.each(CASES)('$text', ({ text, intent, urgency, handoff, reasons }) => {
    const result = triage(text, NO_HISTORY, projectIntents());
    expect({ intent: result.intent, urgency: result.urgency, handoff: result.handoff }).toEqual({ intent, urgency, handoff });
    for (const reason of reasons ?? []) expect(result.reasons).toContain(reason);
    expect(result.reasons[0]).toBe(`intent:${intent}`);
  });
});

describe('triage output', () => {
  it('has the SPEC §3 shape', () => {
    const result = triage('refund for order #1001 please, I paid €30 — ana@example.com', NO_HISTORY, projectIntents());
    expect(result).toMatchObject({
      intent: 'refund',
      sentiment: { score: expect.any(Number), label: expect.stringMatching(/negative|neutral|positive/) },
      safety: false,
      language: 'en',
      entities: { orderIds: ['1001'], emails: ['ana@example.com'], amounts: [expect.objectContaining({ value: 30, currency: 'EUR' })] },
    });
    expect(result.intents[0]).toMatchObject({ intent: 'refund', matched: expect.arrayContaining(['refund']) });
  });

  it('is deterministic', () => {
    const text = 'my parcel is late again, this is ridiculous';
    expect(triage(text, NO_HISTORY, projectIntents())).toEqual(triage(text, NO_HISTORY, projectIntents()));
  });
});

describe('conversation history', () => {
  const set = projectIntents();

  it('hands off when the same question comes a third time', () => {
    const turns = [{ intent: 'logistics' as const, sentimentScore: 0 }, { intent: 'logistics' as const, sentimentScore: 0 }];
    const result = triage('where is my order?', { turns }, set);
    expect(result.reasons).toContain('repeat:same_question');
    expect(result.handoff).toBe(true);
  });

  it('hands off when sentiment worsens across turns', () => {
    const turns = [{ intent: 'logistics' as const, sentimentScore: 0.2 }, { intent: 'logistics' as const, sentimentScore: -0.1 }];
    const result = triage('this is getting ridiculous, still nothing', { turns }, set);
    expect(result.reasons).toContain('sentiment:worsening');
    expect(result.handoff).toBe(true);
  });

  it('hands off after two turns the bot could not help with', () => {
    const result = triage('hmm ok', { turns: [], botFailures: 2 }, set);
    expect(result.reasons).toContain('bot:could_not_help');
    expect(result.handoff).toBe(true);
    expect(triage('hmm ok', { turns: [], botFailures: 1 }, set).handoff).toBe(false);
  });
});

// The escalation policy as a table through the real triage() and the project's intents: when a
// person takes over, how urgently, and the reason string behind each decision (SPEC §3).
import { describe, expect, it } from 'vitest';
import type { TriageHistory, TriageTurn } from '../../server/triage/triage.js';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

interface EscalationCase {
  why: string;
  text: string;
  history?: TriageHistory;
  handoff: boolean;
  urgency: 'low' | 'normal' | 'high' | 'critical';
  /** Reasons the decision must carry. */
  reasons: string[];
  /** Reasons it must not carry (the control for a history-based rule). */
  absent?: string[];
}

const calmThenCooling: TriageTurn[] = [
  { intent: 'other', sentimentScore: 0.3 },
  { intent: 'other', sentimentScore: 0 },
];
const askedTwice: TriageTurn[] = [
  { intent: 'logistics', sentimentScore: 0 },
  { intent: 'logistics', sentimentScore: 0 },
];

const CASES: EscalationCase[] = [
  { why: 'safety: a fire and a burnt child hand off at once', text: 'the charger caught fire and my son burned his hand', handoff: true, urgency: 'critical', reasons: ['safety:fire', 'safety:burn'] },
  { why: 'legal threat is critical', text: 'my lawyer will contact you', handoff: true, urgency: 'critical', reasons: ['threat:legal'] },
  { why: 'legal threat with a refund is still critical', text: 'refund me now or my lawyer will hear about it', handoff: true, urgency: 'critical', reasons: ['threat:legal'] },
  { why: 'asking for a person', text: 'I want to talk to a human', handoff: true, urgency: 'normal', reasons: ['request:human'] },
  { why: 'a complaint said with clear displeasure', text: 'the quality is terrible, the seams ripped after one wash', handoff: true, urgency: 'high', reasons: ['intent:complaint', 'complaint:negative'] },
  { why: 'sentiment worsening over three turns', text: 'where is my parcel? this is annoying', history: { turns: calmThenCooling }, handoff: true, urgency: 'high', reasons: ['sentiment:worsening'] },
  { why: 'control: the same text without a worsening history stays with the bot', text: 'where is my parcel? this is annoying', handoff: false, urgency: 'normal', reasons: ['sentiment:negative'], absent: ['sentiment:worsening'] },
  { why: 'repeated contact, said in words', text: 'third time I ask: where is my parcel?', handoff: true, urgency: 'high', reasons: ['repeat:contact'] },
  { why: 'repeated contact, the same question a third time', text: 'where is my parcel?', history: { turns: askedTwice }, handoff: true, urgency: 'high', reasons: ['repeat:same_question'] },
  { why: 'public review threat', text: 'if this is not fixed I will leave a one star review everywhere', handoff: true, urgency: 'high', reasons: ['threat:review'] },
  { why: 'chargeback threat', text: 'I will open a chargeback with my bank', handoff: true, urgency: 'high', reasons: ['threat:chargeback'] },
  { why: 'the bot failed twice', text: 'hello?', history: { turns: [], botFailures: 2 }, handoff: true, urgency: 'high', reasons: ['bot:could_not_help'] },
  { why: 'control: one bot failure is not enough', text: 'hello?', history: { turns: [], botFailures: 1 }, handoff: false, urgency: 'low', reasons: [], absent: ['bot:could_not_help'] },
  { why: 'control: a routine order question stays with the bot', text: 'where is my order 1001', handoff: false, urgency: 'normal', reasons: ['intent:logistics'] },
];

describe('escalation policy', () => {
  it('has a table with both outcomes', () => {
    expect(CASES.length).toBeGreaterThan(10);
    expect(CASES.some((c) => c.handoff) && CASES.some((c) => !c.handoff)).toBe(true);
  });

  it.each(CASES)('$why', ({ text, history, handoff, urgency, reasons, absent }) => {
    const result = triage(text, history ?? NO_HISTORY, projectIntents());
    expect({ handoff: result.handoff, urgency: result.urgency }).toEqual({ handoff, urgency });
    expect(result.reasons).toEqual(expect.arrayContaining(reasons));
    for (const reason of absent ?? []) expect(result.reasons).not.toContain(reason);
  });

  it('never hands off without saying why', () => {
    const handoffPrefixes = /^(safety:|threat:|request:|repeat:|complaint:negative|sentiment:(very_negative|worsening)|tone:|bot:)/;
    for (const { text, history } of CASES) {
      const result = triage(text, history ?? NO_HISTORY, projectIntents());
      if (result.handoff) expect(result.reasons.some((reason) => handoffPrefixes.test(reason)), text).toBe(true);
    }
  });
});

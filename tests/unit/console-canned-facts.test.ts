// Console (pure): canned replies fill what is known and never ask for it; safety cases get safety-first replies; readable reasons.
import { describe, expect, it } from 'vitest';
import { cannedFor, fillCanned } from '../../server/console/canned-replies';
import { reasonLabel } from '../../server/console/reason-labels';

describe('cannedFor', () => {
  it('fills the agent name and order facts, and drops replies that ask for a known order number', () => {
    const replies = cannedFor({ intent: 'human', safety: false, agentName: 'Mia', orderId: '1001' });
    expect(replies.map((r) => r.label)).toEqual(['cannedHumanHello']);
    expect(replies[0]!.text).toMatch(/^Hi, I'm Mia from the support team/);
    const unknown = cannedFor({ intent: 'human', safety: false, agentName: 'Mia' });
    expect(unknown.map((r) => r.label)).toContain('cannedHumanMoreInfo');
  });

  it('puts safety-first replies on top for a safety case', () => {
    const replies = cannedFor({ intent: 'refund', safety: true, amount: '99.8 EUR' });
    expect(replies.slice(0, 2).map((r) => r.label)).toEqual(['cannedSafetyFirst', 'cannedSafetyReplace']);
    expect(replies[1]!.text).toContain('full refund of 99.8 EUR');
    expect(cannedFor({ intent: 'refund', safety: false }).map((r) => r.label)).not.toContain('cannedSafetyFirst');
  });

  it('leaves a gap it cannot fill for the agent', () => {
    expect(fillCanned('with [CARRIER], tracking [NUMBER]', { intent: 'logistics', safety: false, carrier: 'DHL' })).toBe('with DHL, tracking [NUMBER]');
  });
});

describe('reasonLabel', () => {
  it('reads codes as words and keeps unknown codes visible', () => {
    expect(reasonLabel('sentiment:very_negative')).toBe('Very upset');
    expect(reasonLabel('safety:electric_shock')).toBe('Safety: electric shock');
    expect(reasonLabel('intent:refund')).toBe('Topic: Refund');
    expect(reasonLabel('brand:new_code')).toBe('brand:new_code');
  });
});

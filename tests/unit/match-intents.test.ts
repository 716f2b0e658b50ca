import { describe, expect, it } from 'vitest';
import { analyzeMessage } from '../../server/triage/analysis.js';
import { rankIntents, topIntent } from '../../server/triage/match-intents.js';
import { intentSetFrom } from '../support/intents.js';

const set = intentSetFrom({
  'refund.yaml': `intent: refund
priority: 40
keywords: { en: { refund: 3, refunded: 3, return: 2 } }
phrases: { en: { money back: 3 } }
exclude: { en: [return address] }
`,
  'complaint.yaml': `intent: complaint
priority: 15
negatable: true
keywords: { en: { damaged: 2, broken: 2 } }
`,
  'logistics.yaml': `intent: logistics
priority: 20
keywords: { en: { tracking: 3, "=ups": 2 } }
phrases: { en: { track my order: 3 } }
`,
  'payment.yaml': `intent: payment
priority: 30
keywords: { en: { bill: 2 } }
`,
});

const rank = (text: string) => rankIntents(analyzeMessage(text, set), set);
const scoreOf = (text: string, intent: string) => rank(text).find((entry) => entry.intent === intent)!;

describe('rankIntents', () => {
  it('matches keywords on stems and lists what fired', () => {
    expect(scoreOf('I was never refunded', 'refund')).toMatchObject({ score: 3, matched: ['refund'] });
    expect(scoreOf('where is the tracking', 'logistics').matched).toEqual(['tracking']);
  });

  it('counts words sharing a stem once ("refund" and "refunded")', () => {
    expect(scoreOf('refund refunded refunds', 'refund').score).toBe(3);
  });

  it('adds keywords and phrases, phrases allowing two words in between', () => {
    expect(scoreOf('I want my money back, a refund', 'refund')).toMatchObject({ score: 6, matched: expect.arrayContaining(['refund', 'money back']) });
    expect(scoreOf('send my money right back', 'refund').score).toBe(3);
    expect(scoreOf('the money is not coming back', 'refund').score).toBe(0);
    expect(scoreOf('money. back', 'refund').score).toBe(0); // phrases stay inside one clause
  });

  it('cancels negated terms only in negatable intents', () => {
    expect(scoreOf('the box was not damaged', 'complaint').score).toBe(0);
    expect(scoreOf('the box was damaged', 'complaint').score).toBe(2);
    expect(scoreOf('not damaged but broken', 'complaint').score).toBe(2);
    // Refund is not negatable: "no refund yet" is still about a refund.
    expect(scoreOf('still no refund yet', 'refund').score).toBe(3);
  });

  it('matches =exact terms on whole words, not stems', () => {
    expect(scoreOf('shipped with UPS', 'logistics').score).toBe(2);
    expect(scoreOf('the battery swelled up', 'logistics').score).toBe(0);
  });

  it('rules an intent out when an exclusion term appears', () => {
    const entry = scoreOf('what is your return address', 'refund');
    expect(entry.score).toBe(0);
    expect(entry.excludedBy).toEqual(['return address']);
  });

  it('breaks ties by priority, then by intent order', () => {
    // refund (return 2, priority 40) ties payment (bill 2, priority 30): refund wins.
    expect(rank('return the bill')[0]!.intent).toBe('refund');
    const tied = intentSetFrom({
      'human.yaml': 'intent: human\nkeywords: { en: { someone: 2 } }\n',
      'other.yaml': 'intent: other\nkeywords: { en: { hello: 2 } }\n',
    });
    expect(rankIntents(analyzeMessage('hello someone', tied), tied)[0]!.intent).toBe('human');
  });

  it('ranks every intent and falls back to other below the minimum score', () => {
    const ranked = rank('hello there');
    expect(ranked).toHaveLength(6);
    expect(topIntent(ranked)).toBe('other');
  });
});

// Widget state (pure): the email box while queued or off duty unless an address is known, and the comment box after a 1–2 star rating; safe links.
import { describe, expect, it } from 'vitest';
import { splitLinks } from '../../widget/links.js';
import { asksForContact, initialState, reduce, type WidgetState } from '../../widget/widget-state.js';

const session = (contactKnown: boolean, status: 'bot' | 'queued' | 'resolved' = 'queued') =>
  reduce(initialState(), { type: 'session', session: { token: 't', conversationId: 'c1', status, messages: [], contactKnown } });

describe('contact box', () => {
  it('asks while queued, not while with the bot, and never once an address is known or saved', () => {
    expect(asksForContact(session(false))).toBe(true);
    expect(asksForContact(session(false, 'bot'))).toBe(false);
    expect(asksForContact(session(true))).toBe(false);
    const saved = reduce(session(false), { type: 'contact', phase: 'saved' });
    expect(asksForContact(saved)).toBe(false);
    expect(asksForContact(reduce(session(false), { type: 'contact', phase: 'failed' }))).toBe(true);
  });

  it('asks while still with the bot when no one is on duty (session.nextOpenAt), never again once given or known', () => {
    const offDuty = (contactKnown: boolean) =>
      reduce(initialState(), {
        type: 'session',
        session: { token: 't', conversationId: 'c1', status: 'bot', messages: [], contactKnown, nextOpenAt: '2026-11-30T08:00:00.000Z' },
      });
    expect(asksForContact(offDuty(false))).toBe(true);
    expect(asksForContact(offDuty(true))).toBe(false);
    const saved = reduce(offDuty(false), { type: 'contact', phase: 'saved' });
    expect(asksForContact(saved)).toBe(false);
    // A reconnect of the same conversation keeps "given": the box does not come back.
    const again = reduce(saved, { type: 'session', session: { token: 't', conversationId: 'c1', status: 'bot', messages: [], contactKnown: true, nextOpenAt: '2026-11-30T08:00:00.000Z' } });
    expect(asksForContact(again)).toBe(false);
    // Back on duty (a session without nextOpenAt): the bot chat asks nothing.
    expect(asksForContact(reduce(offDuty(false), { type: 'session', session: { token: 't', conversationId: 'c1', status: 'bot', messages: [] } }))).toBe(false);
  });
});

describe('rating comment', () => {
  const rated = (score: number): WidgetState => reduce(session(false, 'resolved'), { type: 'rate', phase: 'thanks', score });

  it('offers a comment after 1 or 2 stars only', () => {
    expect(rated(1).comment).toBe('ask');
    expect(rated(2).comment).toBe('ask');
    expect(rated(3).comment).toBe('hidden');
    expect(rated(5).comment).toBe('hidden');
    expect(reduce(rated(2), { type: 'rate-comment', phase: 'sent' }).comment).toBe('sent');
  });
});

describe('splitLinks', () => {
  it('links http and https URLs without trailing punctuation, and leaves other schemes as text', () => {
    expect(splitLinks('Track it at https://dhl.example/t?id=1.')).toEqual([
      { text: 'Track it at ' },
      { text: 'https://dhl.example/t?id=1', href: 'https://dhl.example/t?id=1' },
      { text: '.' },
    ]);
    expect(splitLinks('javascript:alert(1) data:text/html,x')).toEqual([{ text: 'javascript:alert(1) data:text/html,x' }]);
    expect(splitLinks('(see http://shop.example/returns)')).toEqual([
      { text: '(see ' },
      { text: 'http://shop.example/returns', href: 'http://shop.example/returns' },
      { text: ')' },
    ]);
  });
});

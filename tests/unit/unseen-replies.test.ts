// Which agent replies are emailed (pure, SPEC §11): unseen ones, after the delay, all in one batch, never twice.
import { describe, expect, it } from 'vitest';
import { composeReplyEmail } from '../../server/email/reply-email.js';
import { unseenReplies } from '../../server/email/unseen-replies.js';
import type { ChatMessage } from '../../server/protocol.js';

const message = (seq: number, from: ChatMessage['from'], at: string, text = `m${seq}`): ChatMessage => ({
  id: `m${seq}`, conversationId: 'c1', seq, from, text, at, ...(from === 'agent' ? { author: { name: 'Mia' } } : {}),
});
const MESSAGES = [
  message(1, 'customer', '2026-11-30T10:00:00.000Z', 'where is my parcel'),
  message(2, 'agent', '2026-11-30T10:05:00.000Z', 'I asked DHL'),
  message(3, 'agent', '2026-11-30T10:06:00.000Z', 'Reply by Tuesday'),
];
const base = { messages: MESSAGES, emailedSeq: 0, connected: false, lastPresenceAt: '2026-11-30T10:01:00.000Z', delayMs: 120_000 };

describe('unseenReplies', () => {
  it('waits until the newest unseen reply is older than the delay, then sends the whole batch', () => {
    expect(unseenReplies({ ...base, now: new Date('2026-11-30T10:07:00.000Z') })).toBeNull();
    expect(unseenReplies({ ...base, now: new Date('2026-11-30T10:08:01.000Z') })).toEqual({ batch: [MESSAGES[1], MESSAGES[2]], upToSeq: 3 });
  });

  it('counts replies as seen while a widget is connected or when one was there after them', () => {
    const later = new Date('2026-11-30T11:00:00.000Z');
    expect(unseenReplies({ ...base, connected: true, now: later })).toEqual({ batch: [], upToSeq: 3 });
    expect(unseenReplies({ ...base, lastPresenceAt: '2026-11-30T10:30:00.000Z', now: later })).toEqual({ batch: [], upToSeq: 3 });
  });

  it('never sends what was already emailed', () => {
    expect(unseenReplies({ ...base, emailedSeq: 3, now: new Date('2026-11-30T11:00:00.000Z') })).toBeNull();
  });
});

describe('composeReplyEmail', () => {
  it('is plain text with the new replies, the context and the link back', () => {
    const email = composeReplyEmail({ from: 'help@shop.example', to: 'lena@example.de', name: 'Lena', batch: MESSAGES.slice(1), recent: MESSAGES, link: 'https://shop.example/' });
    expect(email.subject).toBe('Mia replied to your chat');
    expect(email.text).toContain('Hello Lena,');
    expect(email.text).toContain('  I asked DHL\n  Reply by Tuesday');
    expect(email.text).toContain('You: where is my parcel');
    expect(email.text).toContain('Continue the chat here: https://shop.example/');
  });
});

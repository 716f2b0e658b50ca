// The reply email a shopper gets after leaving is written in the conversation's language.
import { describe, expect, it } from 'vitest';
import { composeReplyEmail } from '../../server/email/reply-email.js';
import type { ChatMessage } from '../../server/protocol.js';

const message = (seq: number, from: ChatMessage['from'], text: string, author?: string): ChatMessage => ({
  id: `m${seq}`, conversationId: 'c1', seq, from, text, at: '2026-11-30T01:00:00Z', ...(author ? { author: { name: author } } : {}),
});
const ask = message(1, 'customer', '人と話したいです');
const bot = message(2, 'bot', '担当者におつなぎします。', 'RelayDesk assistant');
const answer = message(3, 'agent', 'ご注文を確認いたしました。', '王芳');
const base = { from: 'help@shop.example', to: 'yui@example.jp', batch: [answer], recent: [ask, bot, answer], link: 'https://shop.example/' };

describe('composeReplyEmail', () => {
  it('writes Japanese for a Japanese conversation, naming the assistant in Japanese', () => {
    const email = composeReplyEmail({ ...base, name: '結衣', language: 'ja' });
    expect(email.subject).toBe('王芳よりチャットへの返信がございます');
    expect(email.text).toMatch(/^結衣様\n/);
    expect(email.text).toContain('アシスタント: 担当者におつなぎします。');
    expect(email.text).not.toMatch(/\b(Hello|Continue|You)\b/);
  });

  it('keeps English for English and for an unserved language', () => {
    expect(composeReplyEmail({ ...base, language: 'en' }).subject).toBe('王芳 replied to your chat');
    expect(composeReplyEmail({ ...base, language: 'it' }).text).toMatch(/^Hello,\n/);
  });
});

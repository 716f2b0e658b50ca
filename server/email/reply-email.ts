/**
 * Owns the email a shopper gets when an agent answered after they left (pure, SPEC §11): plain
 * text only (no HTML to escape), the new replies, the last messages for context, and a link back.
 *
 * @example composeReplyEmail({ from: 'help@shop.example', to: 'lena@example.de', name: 'Lena', batch, recent, link: 'https://shop.example/' })
 *   // → { from, to, subject: 'Mia from our support team replied to your chat', text: 'Hello Lena, …' }
 */
import type { ChatMessage } from '../protocol.js';

export interface ReplyEmailInput {
  from: string;
  to: string;
  name?: string | null;
  /** The agent replies not seen yet, oldest first. */
  batch: readonly ChatMessage[];
  /** The conversation's latest messages, for context (the batch included). */
  recent: readonly ChatMessage[];
  /** Where the shopper continues the chat (PUBLIC_URL). */
  link: string;
}

export interface ReplyEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Messages of context above the new replies; enough to remember, short enough to read. */
export const CONTEXT_MESSAGES = 6;

const SPEAKER: Record<ChatMessage['from'], string> = { customer: 'You', bot: 'Assistant', agent: 'Agent', system: 'Update' };

export function composeReplyEmail(input: ReplyEmailInput): ReplyEmail {
  const agent = input.batch.at(-1)?.author?.name ?? 'Our support team';
  const greeting = input.name ? `Hello ${input.name},` : 'Hello,';
  const context = input.recent.slice(-CONTEXT_MESSAGES).map((message) => `${message.author?.name ?? SPEAKER[message.from]}: ${message.text}`);
  const text = [
    greeting,
    '',
    `${agent} replied to your chat while you were away:`,
    '',
    ...input.batch.map((message) => `  ${message.text}`),
    '',
    'Your conversation so far:',
    ...context.map((line) => `  ${line}`),
    '',
    `Continue the chat here: ${input.link}`,
    'You can also reply in the chat window on our shop; the team sees everything you wrote.',
  ].join('\n');
  return { from: input.from, to: input.to, subject: `${agent} replied to your chat`, text };
}

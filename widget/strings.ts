/**
 * Every text the widget shows, in one place (English; the bot's own replies follow
 * `data-locale` on the server). Accessible names here are a contract (SPEC §6): keep them exact.
 *
 * @example
 *   queueLine(3, 240); // "You're number 3 in line · about 4 min"
 */

export const T = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  defaultTitle: 'Chat with us',
  message: 'Message',
  placeholder: 'Type your message…',
  send: 'Send',
  you: 'You',
  bot: 'Assistant',
  agent: 'Agent',
  sending: 'sending…',
  notSent: 'Not sent',
  tooLong: 'Not sent: too long (2000 characters at most)',
  closed: 'Not sent: this conversation is closed',
  gaveUp: "Not sent: we couldn't deliver this message — please try again later or rephrase it",
  retry: 'Retry',
  offline: "Offline — we'll send your messages when you're back",
  waiting: 'Waiting for the next available agent',
  agentJoinedAnon: 'An agent has joined and has read your conversation',
  resolved: 'This conversation has been resolved',
  ratePrompt: 'How did we do?',
  rateGroup: 'Rate this conversation',
  rateFailed: "Your rating didn't reach us — please try again",
  thanks: 'Thanks for your feedback',
  newMessages: 'New messages ↓',
  contactPrompt: "Leave your email and we'll send the team's answer there too, in case you close this page.",
  email: 'Email',
  contactSave: 'Save',
  contactSaved: "Thanks — we'll email you if you're away when the team replies.",
  contactFailed: "We couldn't save your email — please check it and try again",
  rateCommentLabel: 'What went wrong? (optional)',
  rateCommentSend: 'Send comment',
  rateCommentThanks: 'Thank you — your comment helps us do better',
} as const;

/** Queue banner; the position or the wait may be unknown until the server says. */
export function queueLine(position: number | null, waitSeconds: number | null): string {
  const wait = waitSeconds === null ? '' : `about ${Math.max(1, Math.round(waitSeconds / 60))} min`;
  if (position === null) return wait ? `${T.waiting} · ${wait}` : T.waiting;
  return wait ? `You're number ${position} in line · ${wait}` : `You're number ${position} in line`;
}

/** When no one is on duty the server names the time a person is next expected. */
export function closedLine(nextOpenAt: string): string {
  const when = new Date(nextOpenAt);
  const time = Number.isNaN(when.getTime())
    ? nextOpenAt
    : when.toLocaleString(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
  return `No one is available right now — a person will reply from ${time}`;
}

export const agentJoinedLine = (name: string): string => `${name} has joined and has read your conversation`;
export const typingLine = (name: string): string => `${name} is typing…`;
export const rateLabel = (score: number): string => `Rate ${score} of 5`;

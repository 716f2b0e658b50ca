/**
 * The widget's English texts, bundled into widget.js; the accessible names here are the SPEC §6
 * contract: keep them exact. The other languages (`widget-strings.ts`) are fetched by the widget
 * from `/widget-strings/<lang>.json`, only the one it needs, so the bundle stays within budget.
 */
export const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  defaultTitle: 'Chat with us',
  message: 'Message',
  messages: 'Messages',
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
  unread: '{n} new messages in the chat',
  earlier: 'Show earlier messages',
  contactPrompt: "Leave your email and we'll send the team's answer there too, in case you close this page.",
  email: 'Email',
  contactSave: 'Save',
  contactSaved: "Thanks — we'll email you if you're away when the team replies.",
  contactFailed: "We couldn't save your email — please check it and try again",
  rateCommentLabel: 'What went wrong? (optional)',
  rateCommentSend: 'Send comment',
  rateCommentThanks: 'Thank you — your comment helps us do better',
  // {n}, {m}, {time}, {name}: filled in by strings.ts.
  queue: "You're number {n} in line",
  wait: 'about {m} min',
  closedFrom: 'No one is available right now — a person will reply from {time}',
  joined: '{name} has joined and has read your conversation',
  typing: '{name} is typing…',
  rate: 'Rate {n} of 5',
};

export type WidgetStrings = typeof en;

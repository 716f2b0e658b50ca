/**
 * Owns which agent replies go out by email (pure, SPEC §11): those the shopper has not seen,
 * because no widget of the conversation was connected when they arrived or since, and that are
 * older than the grace delay (two minutes by default). All of them go in one email (a batch),
 * and `upToSeq` moves past them so none is emailed twice.
 *
 * @example
 *   unseenReplies({ messages, emailedSeq: 0, connected: false, lastPresenceAt: undefined, now, delayMs: 120_000 });
 *   // → { batch: [agent reply 7, agent reply 8], upToSeq: 8 }
 */
import type { ChatMessage } from '../protocol.js';

export interface UnseenInput {
  /** The conversation's messages in seq order. */
  messages: readonly ChatMessage[];
  /** The highest seq already emailed (or seen): later agent replies are candidates. */
  emailedSeq: number;
  /** A widget of the conversation is connected right now: it has shown every reply. */
  connected: boolean;
  /** When a widget of the conversation was last connected (it saw every reply until then). */
  lastPresenceAt: string | undefined;
  now: Date;
  delayMs: number;
}

export interface UnseenBatch {
  batch: ChatMessage[];
  upToSeq: number;
}

/** The replies to email now, or what counts as seen (`batch: []`, `upToSeq` moved), or null when nothing changes. */
export function unseenReplies(input: UnseenInput): UnseenBatch | null {
  const pending = input.messages.filter((message) => message.from === 'agent' && message.seq > input.emailedSeq);
  if (pending.length === 0) return null;
  const lastSeq = pending.at(-1)!.seq;
  // The widget is open: the shopper has every reply on screen, nothing to email.
  if (input.connected) return { batch: [], upToSeq: lastSeq };
  const presence = input.lastPresenceAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(input.lastPresenceAt);
  const unseen = pending.filter((message) => Date.parse(message.at) > presence);
  if (unseen.length === 0) return { batch: [], upToSeq: lastSeq };
  // Wait until the NEWEST unseen reply is old enough: an agent typing several lines sends one email.
  if (input.now.getTime() - Date.parse(unseen.at(-1)!.at) < input.delayMs) return null;
  return { batch: unseen, upToSeq: lastSeq };
}

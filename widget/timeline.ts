/**
 * Pure selectors from widget state to what the view shows: the message timeline (stored
 * messages, then the outbox as "sending…") and the one-line status banner.
 *
 * @example
 *   timeline(state).map((item) => item.key); // ['m:msg_1', 'c:3f9a…'] — the last one still sending
 */
import type { Sender } from '../server/protocol';
import { agentJoinedLine, closedLine, queueLine, T } from './strings';
import type { WidgetState } from './widget-state';

export interface TimelineItem {
  /**
   * Stable key for DOM reuse: `c:<clientId>` for the shopper's own messages (so the "sending…"
   * bubble becomes the stored one in place and the live region does not read it twice), else `m:<id>`.
   */
  key: string;
  from: Sender;
  text: string;
  /** Shown above bot and agent messages. */
  author: string | null;
  /** Outbox entries only: still on their way, or refused by the server. */
  pending: 'sending' | 'failed' | null;
  error: string | null;
  clientId: string | null;
  /** ISO time the server stored it; null while still in the outbox. */
  at: string | null;
}

export function timeline(state: WidgetState): TimelineItem[] {
  const delivered = new Set(state.messages.flatMap((m) => (m.clientId ? [m.clientId] : [])));
  const stored = state.messages.map(
    (m): TimelineItem => ({
      key: m.clientId ? `c:${m.clientId}` : `m:${m.id}`,
      from: m.from,
      text: m.text,
      // The assistant is named in the shopper's language; a person by their own name.
      author: m.from === 'bot' ? T.bot : m.from === 'agent' ? (m.author?.name ?? T.agent) : null,
      pending: null,
      error: null,
      clientId: m.clientId ?? null,
      at: m.at,
    }),
  );
  // The outbox has no seq yet, so it goes last, in the order the shopper typed.
  const waiting = state.outbox
    .filter((e) => !delivered.has(e.clientId))
    .map(
      (e): TimelineItem => ({
        key: `c:${e.clientId}`,
        from: 'customer',
        text: e.text,
        author: null,
        pending: e.phase === 'failed' ? 'failed' : 'sending',
        error: e.error ?? null,
        clientId: e.clientId,
        at: null,
      }),
    );
  return [...stored, ...waiting];
}

/** The status banner for the current conversation, or '' when the bot is handling it. */
export function statusBanner(state: WidgetState): string {
  switch (state.status) {
    case 'queued':
      return state.nextOpenAt ? closedLine(state.nextOpenAt) : queueLine(state.queuePosition, state.estimatedWaitSeconds);
    case 'assigned':
      return state.agentName ? agentJoinedLine(state.agentName) : T.agentJoinedAnon;
    case 'resolved':
      return T.resolved;
    case 'bot':
      return '';
  }
}

/** The connection banner: silent while online and during the very first connect. */
export function connectionBanner(state: WidgetState): string {
  return state.connection === 'offline' ? T.offline : '';
}

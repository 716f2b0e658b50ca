/**
 * The transcript's order: messages by `seq`, this agent's internal notes slotted in by time.
 *
 * @example
 *   timeline(conversation.messages, notes).map((i) => i.kind); // ['message', 'note', 'message']
 */
import type { ChatMessage } from '../protocol';

/** An internal note as the `note` ack returns it; never shown to the shopper. */
export interface Note {
  id: string;
  text: string;
  at: string;
}

export type TimelineItem = { kind: 'message'; message: ChatMessage; at: number } | { kind: 'note'; note: Note; at: number };

/** Messages in `seq` order, notes slotted in by time (a note has no `seq`). */
export function timeline(messages: readonly ChatMessage[], notes: readonly Note[]): TimelineItem[] {
  const items: TimelineItem[] = [...messages]
    .sort((a, b) => a.seq - b.seq)
    .map((message) => ({ kind: 'message', message, at: Date.parse(message.at) }));
  for (const note of notes) {
    const at = Date.parse(note.at);
    const index = items.findIndex((i) => i.at > at);
    items.splice(index === -1 ? items.length : index, 0, { kind: 'note', note, at });
  }
  return items;
}

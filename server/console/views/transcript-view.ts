/**
 * The whole transcript: customer, bot, agent and system messages by `seq`, with this agent's
 * internal notes interleaved by time and styled apart. Text goes in via `textContent` only.
 *
 * @example
 *   const log = createTranscript(); log.render(conversation.messages, notes);
 */
import { el } from '../../../widget/dom';
import type { ChatMessage } from '../../protocol';
import { t } from '../i18n';

/** An internal note as the `note` ack returns it; never shown to the shopper. */
export interface Note {
  id: string;
  text: string;
  at: string;
}

type Item = { kind: 'message'; message: ChatMessage; at: number } | { kind: 'note'; note: Note; at: number };

const time = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
};

function bubble(cls: string, author: string, at: string, text: string): HTMLElement {
  return el('li', { class: `msg ${cls}` }, [
    el('span', { class: 'meta' }, [el('strong', {}, author), el('time', { datetime: at }, time(at))]),
    el('p', { class: 'text' }, text),
  ]);
}

/** Messages in `seq` order, notes slotted in by time (a note has no `seq`). */
export function timeline(messages: readonly ChatMessage[], notes: readonly Note[]): Item[] {
  const items: Item[] = [...messages]
    .sort((a, b) => a.seq - b.seq)
    .map((message) => ({ kind: 'message', message, at: Date.parse(message.at) }));
  for (const note of notes) {
    const at = Date.parse(note.at);
    const index = items.findIndex((i) => i.at > at);
    items.splice(index === -1 ? items.length : index, 0, { kind: 'note', note, at });
  }
  return items;
}

export function createTranscript(): { element: HTMLElement; render(messages: readonly ChatMessage[], notes: readonly Note[]): void } {
  const list = el('ol', { class: 'log', role: 'log', 'aria-labelledby': 'transcript-title', tabindex: '0' });
  const element = el('section', { class: 'transcript' }, [el('h2', { id: 'transcript-title', class: 'sr' }, t('transcript')), list]);
  return {
    element,
    render(messages, notes) {
      // Follow new messages only when the agent is already at the bottom, not while reading back.
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      list.replaceChildren(
        ...timeline(messages, notes).map((i) =>
          i.kind === 'note'
            ? bubble('note', t('from_note'), i.note.at, i.note.text)
            : bubble(i.message.from, i.message.author?.name ?? t(`from_${i.message.from}`), i.message.at, i.message.text),
        ),
      );
      if (atBottom) list.scrollTop = list.scrollHeight;
    },
  };
}

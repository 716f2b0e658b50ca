/**
 * The whole transcript: customer, bot, agent and system messages by `seq`, with this agent's
 * internal notes interleaved by time and styled apart. Text goes in as text nodes, links as
 * safe `<a>` nodes (widget/links.ts). The log follows new messages while the agent is at the
 * end; an agent reading back stays put and gets a "new messages" cue instead.
 *
 * @example
 *   const log = createTranscript(); log.render(conversation.messages, notes); log.scrollToEnd();
 */
import { el, show } from '../../../widget/dom';
import { linkified } from '../../../widget/links';
import type { ChatMessage } from '../../protocol';
import { clockTime, t } from '../i18n';

/** An internal note as the `note` ack returns it; never shown to the shopper. */
export interface Note {
  id: string;
  text: string;
  at: string;
}

type Item = { kind: 'message'; message: ChatMessage; at: number } | { kind: 'note'; note: Note; at: number };

/** Within this many pixels of the end the agent counts as following along. */
const NEAR_END_PX = 40;

const time = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : clockTime(d);
};

// Plain elements, not <li>: inside role="log" a list item would lose its list (axe: listitem).
function bubble(cls: string, author: string, at: string, text: string): HTMLElement {
  const body = el('p', { class: 'text' });
  body.append(...linkified(text));
  return el('div', { class: `msg ${cls}` }, [el('span', { class: 'meta' }, [el('strong', {}, author), el('time', { datetime: at }, time(at))]), body]);
}

/** The assistant is named in the console's language; a person by their own name. */
function authorOf(message: ChatMessage): string {
  return message.from === 'bot' ? t('assistantName') : (message.author?.name ?? t(`from_${message.from}`));
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

export interface Transcript {
  element: HTMLElement;
  render(messages: readonly ChatMessage[], notes: readonly Note[]): void;
  /** Jumps to the newest message (a conversation just opened). */
  scrollToEnd(): void;
}

export function createTranscript(): Transcript {
  const list = el('div', { class: 'log', role: 'log', 'aria-labelledby': 'transcript-title', tabindex: '0' });
  const cue = el('button', { type: 'button', class: 'cue', hidden: '' }, t('newMessages'));
  const element = el('section', { class: 'transcript' }, [el('h2', { id: 'transcript-title', class: 'sr' }, t('transcript')), list, cue]);
  const atEnd = () => list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_END_PX;
  const scrollToEnd = () => {
    list.scrollTop = list.scrollHeight;
    show(cue, false);
  };
  cue.addEventListener('click', () => {
    scrollToEnd();
    list.focus();
  });
  list.addEventListener('scroll', () => atEnd() && show(cue, false));
  let count = 0;
  return {
    element,
    scrollToEnd,
    render(messages, notes) {
      const following = atEnd();
      // Replacing the children resets the scroll position; a reader's place is put back below.
      const top = list.scrollTop;
      const items = timeline(messages, notes);
      list.replaceChildren(
        ...items.map((i) =>
          i.kind === 'note'
            ? bubble('note', t('from_note'), i.note.at, i.note.text)
            : bubble(i.message.from, authorOf(i.message), i.message.at, i.message.text),
        ),
      );
      const grew = items.length > count;
      count = items.length;
      if (following) scrollToEnd();
      else {
        list.scrollTop = top;
        if (grew) show(cue, true);
      }
    },
  };
}

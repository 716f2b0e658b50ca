/**
 * The message list (`role="log"`): renders the timeline with keyed element reuse, so a
 * re-render only touches what changed and screen readers hear each new message once.
 *
 * @example
 *   const list = createMessageList((clientId) => store.dispatch({ type: 'retry', clientId }));
 *   list.render(timeline(state));
 */
import { el, setText, show } from './dom';
import { clockTime as formatClock, T } from './strings';
import { linkified } from './links';
import type { TimelineItem } from './timeline';

/** "14:05" in the widget's language and the shopper's zone; empty while a message is still unsent. */
function clockTime(iso: string): string {
  const date = new Date(iso);
  return iso === '' || Number.isNaN(date.getTime()) ? '' : formatClock(date);
}

interface Row {
  root: HTMLDivElement;
  text: HTMLSpanElement;
  /** The text last rendered, so links are rebuilt only when it changed. */
  shown: string | null;
  time: HTMLTimeElement;
  status: HTMLSpanElement;
  retry: HTMLButtonElement;
}

export interface MessageList {
  /** The log and the "new messages" cue under it. */
  element: HTMLDivElement;
  render(items: readonly TimelineItem[]): void;
  /** Jumps to the newest message (the panel just opened: show the latest, not the oldest). */
  scrollToEnd(): void;
}

/** Within this many pixels of the end the reader counts as "at the newest message". */
const NEAR_END_PX = 48;

export function createMessageList(onRetry: (clientId: string) => void): MessageList {
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': T.messages, tabindex: '0' });
  const cue = el('button', { type: 'button', class: 'cue', hidden: '' }, T.newMessages);
  const element = el('div', { class: 'log-wrap' }, [log, cue]);
  const rows = new Map<string, Row>();
  const atEnd = () => log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_END_PX;
  const scrollToEnd = () => {
    log.scrollTop = log.scrollHeight;
    show(cue, false);
  };
  cue.addEventListener('click', () => {
    scrollToEnd();
    log.focus();
  });
  log.addEventListener('scroll', () => atEnd() && show(cue, false));

  function render(items: readonly TimelineItem[]): void {
    const nearBottom = atEnd();
    const element = log;
    const wanted = new Set(items.map((i) => i.key));
    for (const [key, row] of rows) {
      if (wanted.has(key)) continue;
      row.root.remove();
      rows.delete(key);
    }
    let previous: Element | null = null;
    let added = false;
    for (const item of items) {
      let row = rows.get(item.key);
      if (!row) {
        row = createRow(item, onRetry);
        rows.set(item.key, row);
        added = true;
      }
      updateRow(row, item);
      const expected: Element | null = previous ? previous.nextElementSibling : element.firstElementChild;
      if (expected !== row.root) element.insertBefore(row.root, expected);
      previous = row.root;
    }
    // Follow the conversation unless the shopper scrolled up to reread something; then say
    // that something new arrived below instead of pulling the page from under them.
    if (added && nearBottom) scrollToEnd();
    else if (added) show(cue, true);
  }

  return { element, render, scrollToEnd };
}

function createRow(item: TimelineItem, onRetry: (clientId: string) => void): Row {
  const text = el('span', { class: 'text' });
  const time = el('time', { class: 'time' });
  const status = el('span', { class: 'state' });
  const retry = el('button', { type: 'button', class: 'retry' }, T.retry);
  retry.addEventListener('click', () => item.clientId && onRetry(item.clientId));
  // Only the shopper's own messages can be pending; the others never attach status or retry.
  const parts =
    item.from === 'customer'
      ? [el('span', { class: 'sr' }, `${T.you}: `), text, time, status, retry]
      : item.from === 'system'
        ? [text, time]
        : [el('span', { class: 'author' }, item.author ?? ''), text, time];
  return { root: el('div', { class: `msg ${item.from}` }, parts), text, shown: null, time, status, retry };
}

function updateRow(row: Row, item: TimelineItem): void {
  if (row.shown !== item.text) {
    // Links are built as nodes (links.ts): http(s) only, never markup.
    row.text.replaceChildren(...linkified(item.text));
    row.shown = item.text;
  }
  const at = item.at ?? '';
  if (row.time.dateTime !== at) {
    row.time.dateTime = at;
    setText(row.time, clockTime(at));
  }
  row.root.classList.toggle('pending', item.pending !== null);
  setText(row.status, item.pending === 'sending' ? T.sending : item.pending === 'failed' ? (item.error ?? T.notSent) : '');
  show(row.status, item.pending !== null);
  show(row.retry, item.pending === 'failed');
}

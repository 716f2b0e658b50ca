/**
 * The message list (`role="log"`): renders the timeline with keyed element reuse, so a
 * re-render only touches what changed and screen readers hear each new message once.
 *
 * @example
 *   const list = createMessageList((clientId) => store.dispatch({ type: 'retry', clientId }));
 *   list.render(timeline(state));
 */
import { el, setText, show } from './dom';
import { T } from './strings';
import type { TimelineItem } from './timeline';

interface Row {
  root: HTMLDivElement;
  text: HTMLSpanElement;
  status: HTMLSpanElement;
  retry: HTMLButtonElement;
}

export interface MessageList {
  element: HTMLDivElement;
  render(items: readonly TimelineItem[]): void;
}

export function createMessageList(onRetry: (clientId: string) => void): MessageList {
  const element = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages', tabindex: '0' });
  const rows = new Map<string, Row>();

  function render(items: readonly TimelineItem[]): void {
    const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
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
    // Follow the conversation unless the shopper scrolled up to reread something.
    if (added && nearBottom) element.scrollTop = element.scrollHeight;
  }

  return { element, render };
}

function createRow(item: TimelineItem, onRetry: (clientId: string) => void): Row {
  const text = el('span', { class: 'text' });
  const status = el('span', { class: 'state' });
  const retry = el('button', { type: 'button', class: 'retry' }, T.retry);
  retry.addEventListener('click', () => item.clientId && onRetry(item.clientId));
  // Only the shopper's own messages can be pending; the others never attach status or retry.
  const parts =
    item.from === 'customer'
      ? [el('span', { class: 'sr' }, `${T.you}: `), text, status, retry]
      : item.from === 'system'
        ? [text]
        : [el('span', { class: 'author' }, item.author ?? ''), text];
  return { root: el('div', { class: `msg ${item.from}` }, parts), text, status, retry };
}

function updateRow(row: Row, item: TimelineItem): void {
  setText(row.text, item.text);
  row.root.classList.toggle('pending', item.pending !== null);
  setText(row.status, item.pending === 'sending' ? T.sending : item.pending === 'failed' ? (item.error ?? T.notSent) : '');
  show(row.status, item.pending !== null);
  show(row.retry, item.pending === 'failed');
}

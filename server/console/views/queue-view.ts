/**
 * The queue column: one card per conversation, sorted by urgency then wait (queue-view-model),
 * with urgency chip, intent, reason tags, preview, a waiting timer and SLA state refreshed by
 * `tick()` every second without rebuilding the list (so focus on a Claim button survives).
 *
 * @example
 *   const queue = createQueueView({ claim, open });
 *   queue.render(entries, me.id); setInterval(() => queue.tick(Date.now()), 1000);
 */
import { el, setText } from '../../../widget/dom';
import type { QueueEntry } from '../../protocol';
import { reasonLabel } from '../reason-labels';
import { t } from '../i18n';
import { filterByLanguage, formatWaiting, sortQueue, waitingSinceMs, worstClock, type LanguageFilter } from '../queue-view-model';

export interface QueueHandlers {
  claim(conversationId: string): void;
  /** Reopens a conversation already assigned to this agent. */
  open(conversationId: string): void;
}

interface LiveRow {
  entry: QueueEntry;
  timer: HTMLElement;
  sla: HTMLElement;
}

export function waitingLabel(entry: QueueEntry, now: number): string {
  const time = formatWaiting(now - waitingSinceMs(entry, now), { h: t('unitH'), min: t('unitMin') });
  return t('waiting', { time });
}

function updateRow(row: LiveRow, now: number): void {
  setText(row.timer, waitingLabel(row.entry, now));
  const clock = worstClock(row.entry, now);
  const status = clock?.status ?? 'ok';
  row.sla.className = `sla ${status}`;
  setText(row.sla, clock ? `${t(`sla_${clock.kind}`)}: ${t(`sla_${status}`)}` : '');
}

function actionFor(entry: QueueEntry, myId: string | null, on: QueueHandlers): HTMLElement | null {
  if (entry.status === 'resolved') return null;
  if (entry.assignee?.id === myId) {
    const open = el('button', { type: 'button' }, t('open'));
    open.addEventListener('click', () => on.open(entry.conversationId));
    return open;
  }
  if (entry.assignee) return el('span', { class: 'assignee' }, t('assignedTo', { name: entry.assignee.name }));
  const claim = el('button', { type: 'button', class: 'primary' }, t('claim'));
  claim.addEventListener('click', () => on.claim(entry.conversationId));
  return claim;
}

function card(entry: QueueEntry, myId: string | null, on: QueueHandlers, openId: string | null): { li: HTMLElement; row: LiveRow } {
  const timer = el('span', { class: 'timer' });
  const sla = el('span', { class: 'sla' });
  const action = actionFor(entry, myId, on);
  const li = el('li', { class: `card${entry.conversationId === openId ? ' current' : ''}` }, [
    el('div', { class: 'card-head' }, [
      el('span', { class: `chip ${entry.urgency}` }, t(`urgency_${entry.urgency}`)),
      el('span', { class: 'intent' }, t(`intent_${entry.intent}`)),
      el('span', { class: 'status' }, t(`status_${entry.status}`)),
      el('span', { class: 'lang', title: entry.language }, languageLabel(entry.language)),
    ]),
    el('p', { class: 'preview' }, entry.preview),
    el('ul', { class: 'tags', 'aria-label': t('reasons') }, entry.reasons.map((r) => el('li', { class: 'tag', title: r }, reasonLabel(r)))),
    el('div', { class: 'card-foot' }, [timer, sla, ...(action ? [action] : [])]),
  ]);
  return { li, row: { entry, timer, sla } };
}

const SERVED = new Set(['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh']);

/** "日语" for ja in the Chinese console; an unserved code is shown as it is. */
export function languageLabel(tag: string): string {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return SERVED.has(base) ? t(`lang_${base as 'en'}`) : tag;
}

const FILTER_KEY = 'relaydesk:console:language-filter';

function storedFilter(): LanguageFilter {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(FILTER_KEY) === 'all' ? 'all' : 'mine';
  } catch {
    return 'mine';
  }
}

/** "My languages" / "All languages", shown only to an agent who has languages set. */
function languagePicker(languages: readonly string[], current: LanguageFilter, onChange: (filter: LanguageFilter) => void): HTMLElement | null {
  if (languages.length === 0) return null;
  const select = el('select', { id: 'queue-language' }, [
    el('option', { value: 'mine' }, `${t('languageFilterMine')} (${languages.map(languageLabel).join(', ')})`),
    el('option', { value: 'all' }, t('languageFilterAll')),
  ]);
  select.value = current;
  select.addEventListener('change', () => onChange(select.value === 'all' ? 'all' : 'mine'));
  return el('div', { class: 'queue-filter' }, [el('label', { for: 'queue-language' }, t('languageFilter')), select]);
}

export function createQueueView(on: QueueHandlers, languages: readonly string[] = []): {
  element: HTMLElement;
  render(entries: readonly QueueEntry[], myId: string | null, openId: string | null): void;
  tick(now: number): void;
} {
  const list = el('ul', { class: 'queue-list' });
  const empty = el('p', { class: 'empty' }, t('queueEmpty'));
  // Scrollable, so it must be reachable by keyboard (axe: scrollable-region-focusable).
  let filter = storedFilter();
  let last: { entries: readonly QueueEntry[]; myId: string | null; openId: string | null } = { entries: [], myId: null, openId: null };
  const picker = languagePicker(languages, filter, (next) => {
    filter = next;
    try {
      localStorage.setItem(FILTER_KEY, next);
    } catch {
      // Not remembered; the filter still applies on this page.
    }
    view.render(last.entries, last.myId, last.openId);
  });
  const element = el('section', { class: 'queue', 'aria-labelledby': 'queue-title', tabindex: '0' }, [
    el('h2', { id: 'queue-title' }, t('queueTitle')),
    ...(picker ? [picker] : []),
    empty,
    list,
  ]);
  let rows: LiveRow[] = [];
  const view = {
    element,
    render(entries: readonly QueueEntry[], myId: string | null, openId: string | null) {
      last = { entries, myId, openId };
      // The conversation an agent holds stays visible whatever its language.
      const shown = filterByLanguage(entries, languages, filter);
      const held = entries.filter((e) => e.assignee?.id === myId && !shown.includes(e));
      const cards = sortQueue([...shown, ...held]).map((e) => card(e, myId, on, openId));
      rows = cards.map((c) => c.row);
      list.replaceChildren(...cards.map((c) => c.li));
      empty.hidden = cards.length > 0;
      view.tick(Date.now());
    },
    tick(now: number) {
      for (const row of rows) updateRow(row, now);
    },
  };
  return view;
}

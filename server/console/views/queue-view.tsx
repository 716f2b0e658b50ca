/**
 * The queue column: one card per conversation, sorted by urgency then wait (queue-view-model),
 * with urgency chip, intent, reason tags, preview, a waiting timer and SLA state refreshed every
 * second (keyed cards, so focus on a Claim button survives), and the "My languages" filter.
 *
 * @example
 *   <Queue entries={queue} myId={me.id} openId={open?.id ?? null} languages={me.languages ?? []} claim={claim} open={reopen} />
 */
import { useEffect, useReducer, useState } from 'preact/hooks';
import type { QueueEntry } from '../../protocol';
import { languageLabel, t } from '../i18n';
import { filterByLanguage, formatWaiting, sortQueue, waitingSinceMs, worstClock, type LanguageFilter } from '../queue-view-model';
import { reasonLabel } from '../reason-labels';

export interface QueueProps {
  entries: readonly QueueEntry[];
  myId: string;
  openId: string | null;
  /** The languages this agent answers in; the filter shows only with some. */
  languages: readonly string[];
  claim(conversationId: string): void;
  /** Reopens a conversation already assigned to this agent. */
  open(conversationId: string): void;
}

const FILTER_KEY = 'relaydesk:console:language-filter';

/** Stores `next` (if given) and reads the filter back; blocked storage just forgets it (it still applies here). */
function rememberedFilter(next?: LanguageFilter): LanguageFilter {
  try {
    if (next) localStorage.setItem(FILTER_KEY, next);
    return localStorage.getItem(FILTER_KEY) === 'all' ? 'all' : 'mine';
  } catch {
    return next ?? 'mine';
  }
}

function Action({ entry, myId, claim, open }: Pick<QueueProps, 'myId' | 'claim' | 'open'> & { entry: QueueEntry }) {
  if (entry.status === 'resolved') return null;
  if (entry.assignee?.id === myId) {
    return <button type="button" onClick={() => open(entry.conversationId)}>{t('open')}</button>;
  }
  if (entry.assignee) return <span class="assignee">{t('assignedTo', { name: entry.assignee.name })}</span>;
  return <button type="button" class="primary" onClick={() => claim(entry.conversationId)}>{t('claim')}</button>;
}

function Card(props: Pick<QueueProps, 'myId' | 'claim' | 'open'> & { entry: QueueEntry; current: boolean; now: number }) {
  const { entry, now } = props;
  const clock = worstClock(entry, now);
  const waited = formatWaiting(now - waitingSinceMs(entry, now), { h: t('unitH'), min: t('unitMin') });
  return (
    <li class={props.current ? 'card current' : 'card'}>
      <div class="card-head">
        <span class={`chip ${entry.urgency}`}>{t(`urgency_${entry.urgency}`)}</span>
        <span class="intent">{t(`intent_${entry.intent}`)}</span>
        <span class="status">{t(`status_${entry.status}`)}</span>
        <span class="lang" title={entry.language}>{languageLabel(entry.language)}</span>
      </div>
      <p class="preview">{entry.preview}</p>
      <ul class="tags" aria-label={t('reasons')}>{entry.reasons.map((r) => <li class="tag" title={r}>{reasonLabel(r)}</li>)}</ul>
      <div class="card-foot">
        <span class="timer">{t('waiting', { time: waited })}</span>
        <span class={`sla ${clock?.status ?? 'ok'}`}>{clock ? `${t(`sla_${clock.kind}`)}: ${t(`sla_${clock.status}`)}` : ''}</span>
        <Action {...props} />
      </div>
    </li>
  );
}

/** "My languages" / "All languages", shown only to an agent who has languages set. */
function LanguagePicker({ languages, filter, change }: { languages: readonly string[]; filter: LanguageFilter; change(f: LanguageFilter): void }) {
  return (
    <div class="queue-filter">
      <label for="queue-language">{t('languageFilter')}</label>
      <select id="queue-language" value={filter} onChange={(e) => change(e.currentTarget.value === 'all' ? 'all' : 'mine')}>
        <option value="mine">{`${t('languageFilterMine')} (${languages.map(languageLabel).join(', ')})`}</option>
        <option value="all">{t('languageFilterAll')}</option>
      </select>
    </div>
  );
}

export function Queue(props: QueueProps) {
  const { entries, myId, languages } = props;
  const [filter, setFilter] = useState(() => rememberedFilter());
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const ticker = setInterval(() => tick(undefined), 1000);
    return () => clearInterval(ticker);
  }, []);
  // The conversation an agent holds stays visible whatever its language.
  const shown = filterByLanguage(entries, languages, filter);
  const held = entries.filter((e) => e.assignee?.id === myId && !shown.includes(e));
  const cards = sortQueue([...shown, ...held]);
  const now = Date.now();
  const change = (next: LanguageFilter) => setFilter(rememberedFilter(next));
  return (
    // Scrollable, so it must be reachable by keyboard (axe: scrollable-region-focusable).
    <section class="queue" aria-labelledby="queue-title" tabindex={0}>
      <h2 id="queue-title">{t('queueTitle')}</h2>
      {languages.length > 0 && <LanguagePicker languages={languages} filter={filter} change={change} />}
      <p class="empty" hidden={cards.length > 0}>{t('queueEmpty')}</p>
      <ul class="queue-list">{cards.map((entry) => <Card key={entry.conversationId} {...props} entry={entry} current={entry.conversationId === props.openId} now={now} />)}</ul>
    </section>
  );
}

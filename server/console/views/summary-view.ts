/**
 * The summary panel above the transcript: intent, urgency, reasons, sentiment with a trend
 * arrow, matched keywords, order ids, order lookups and earlier conversations, so the agent
 * never has to ask the shopper to repeat themselves.
 *
 * @example
 *   summaryView(conversation); // <section class="summary">…</section>
 */
import { el } from '../../../widget/dom';
import type { ConversationView } from '../../protocol';
import { t, type StringKey } from '../i18n';
import { readSummary, TREND_ARROWS } from '../summary-view-model';

function row(label: StringKey, value: string | Node[]): HTMLElement[] {
  const empty = typeof value === 'string' ? value === '' : value.length === 0;
  return [el('dt', {}, t(label)), el('dd', {}, empty ? t('none') : value)];
}

const tags = (items: readonly string[]): HTMLElement[] => items.map((i) => el('span', { class: 'tag' }, i));

function sentimentText(c: ConversationView): string {
  const s = readSummary(c.summary, c.triage);
  const parts: string[] = [];
  if (c.triage) parts.push(`${c.triage.sentiment.label} (${c.triage.sentiment.score.toFixed(2)})`);
  if (s.trend) parts.push(`${TREND_ARROWS[s.trend]} ${t(`trend_${s.trend}`)}`);
  if (s.perTurn.length > 1) parts.push(s.perTurn.map((n) => n.toFixed(1)).join(' → '));
  return parts.join(' · ');
}

export function summaryView(c: ConversationView): HTMLElement {
  const s = readSummary(c.summary, c.triage);
  const triage = c.triage;
  const urgency = triage ? [el('span', { class: `chip ${triage.urgency}` }, t(`urgency_${triage.urgency}`))] : [];
  const lines = (items: readonly string[]) => items.map((i) => el('div', {}, i));
  return el('section', { class: 'summary', 'aria-labelledby': 'summary-title' }, [
    el('h2', { id: 'summary-title' }, t('summary')),
    el('dl', {}, [
      ...row('intent', triage ? t(`intent_${triage.intent}`) : ''),
      ...row('urgency', urgency),
      ...row('reasons', tags(triage?.reasons ?? [])),
      ...row('sentiment', sentimentText(c)),
      ...row('keywords', tags(s.keywords)),
      ...row('orderIds', s.orderIds.join(', ')),
      ...row('lookups', lines(s.lookups)),
      ...row('earlier', lines(s.earlier)),
      ...row('customerLanguage', triage?.language ?? ''),
    ]),
  ]);
}

/**
 * The summary panel above the transcript: who the customer is (contact, country, local time,
 * page), intent, urgency, readable reasons, sentiment with a trend arrow, matched keywords, the
 * order lookups with their items, earlier cases and conversations, and a suggested first line
 * the agent can drop into the reply — so the agent never has to ask what is already known.
 *
 * @example
 *   summaryView(conversation, { emailEnabled: false, useLine: composer.insert }); // <section class="summary">…</section>
 */
import { el } from '../../../widget/dom';
import type { ConversationView } from '../../protocol';
import { clockTime, t, type StringKey } from '../i18n';
import { reasonLabel } from '../reason-labels';
import { readCustomer, readSummary, TREND_ARROWS } from '../summary-view-model';

export interface SummaryOptions {
  /** Whether the server emails replies (SMTP_URL); null while unknown. */
  emailEnabled: boolean | null;
  /** Puts the suggested first line into the reply box. */
  useLine(text: string): void;
}

function row(label: StringKey, value: string | Node[]): HTMLElement[] {
  const empty = typeof value === 'string' ? value === '' : value.length === 0;
  return [el('dt', {}, t(label)), el('dd', {}, empty ? t('none') : value)];
}

const tags = (items: readonly string[]): HTMLElement[] => items.map((i) => el('span', { class: 'tag' }, i));

function sentimentText(c: ConversationView): string {
  const s = readSummary(c.summary, c.triage);
  const parts: string[] = [];
  if (c.triage) parts.push(`${t(`sentiment_${c.triage.sentiment.label}`)} (${c.triage.sentiment.score.toFixed(2)})`);
  if (s.trend) parts.push(`${TREND_ARROWS[s.trend]} ${t(`trend_${s.trend}`)}`);
  if (s.perTurn.length > 1) parts.push(s.perTurn.map((n) => n.toFixed(1)).join(' → '));
  return parts.join(' · ');
}

/** "14:05 (Europe/Berlin)" now, in the shopper's zone; '' when unknown or invalid. */
function localTime(timeZone: string | null): string {
  if (!timeZone) return '';
  try {
    return `${clockTime(new Date(), timeZone)} (${timeZone})`;
  } catch {
    return '';
  }
}

function contactLine(c: ConversationView, options: SummaryOptions): Node[] {
  const customer = readCustomer(c.customer);
  const lines: Node[] = [el('div', {}, customer.contact ?? t('noContact'))];
  if (options.emailEnabled === false) lines.push(el('div', { class: 'warn' }, t('emailOff')));
  else if (options.emailEnabled && customer.email) lines.push(el('div', { class: 'hint' }, t('emailOn', { email: customer.email })));
  return lines;
}

export function summaryView(c: ConversationView, options: SummaryOptions): HTMLElement {
  const s = readSummary(c.summary, c.triage);
  const customer = readCustomer(c.customer);
  const urgencyLevel = s.urgency ?? c.triage?.urgency;
  const intent = s.intent ?? c.triage?.intent;
  const urgency = urgencyLevel ? [el('span', { class: `chip ${urgencyLevel}` }, t(`urgency_${urgencyLevel}`))] : [];
  const lines = (items: readonly string[]) => items.map((i) => el('div', {}, i));
  const useLine = el('button', { type: 'button', class: 'use-line' }, t('useFirstLine'));
  useLine.addEventListener('click', () => s.firstLine && options.useLine(s.firstLine));
  return el('section', { class: 'summary', 'aria-labelledby': 'summary-title' }, [
    el('h2', { id: 'summary-title' }, t('summary')),
    el('dl', { tabindex: '0', 'aria-labelledby': 'summary-title' }, [
      ...row('customerContact', contactLine(c, options)),
      ...row('customerCountry', customer.country ?? ''),
      ...row('customerLocalTime', localTime(customer.timeZone)),
      ...row('customerPage', customer.page ?? ''),
      ...row('intent', intent ? t(`intent_${intent}`) : ''),
      ...row('urgency', urgency),
      ...row('reasons', tags(s.reasons.length ? s.reasons.map(reasonLabel) : (c.triage?.reasons ?? []).map(reasonLabel))),
      ...row('sentiment', sentimentText(c)),
      ...row('keywords', tags(s.keywords)),
      ...row('orderIds', s.orderIds.join(', ')),
      ...row('lookups', lines(s.lookups)),
      ...row('items', lines(s.items)),
      ...row('earlierCases', lines(s.earlierCases)),
      ...row('earlier', lines(s.earlier)),
      ...row('customerLanguage', c.triage?.language ?? ''),
    ]),
    ...(s.firstLine ? [el('div', { class: 'first-line' }, [el('strong', {}, `${t('firstLine')}: `), el('q', {}, s.firstLine), useLine])] : []),
  ]);
}

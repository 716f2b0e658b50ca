/**
 * The summary panel above the transcript: who the customer is (contact, country, local time,
 * page), intent, urgency, readable reasons, sentiment with a trend arrow, matched keywords, the
 * order lookups with their items, earlier cases and conversations, and a suggested first line
 * the agent can drop into the reply — so the agent never has to ask what is already known.
 *
 * @example
 *   <Summary conversation={c} emailEnabled={false} useLine={insert} />
 */
import type { ComponentChildren } from 'preact';
import type { ConversationView } from '../../protocol';
import { clockTime, t, type StringKey } from '../i18n';
import { reasonLabel } from '../reason-labels';
import { readCustomer, readSummary, TREND_ARROWS } from '../summary-view-model';

export interface SummaryProps {
  conversation: ConversationView;
  /** Whether the server emails replies (SMTP_URL); null while unknown. */
  emailEnabled: boolean | null;
  /** Puts the suggested first line into the reply box. */
  useLine(text: string): void;
}

function Row({ label, value }: { label: StringKey; value: string | readonly ComponentChildren[] }) {
  const empty = value.length === 0;
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{empty ? t('none') : value}</dd>
    </>
  );
}

const tags = (items: readonly string[]) => items.map((i) => <span class="tag">{i}</span>);
const lines = (items: readonly string[]) => items.map((i) => <div>{i}</div>);

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

function contact(c: ConversationView, emailEnabled: boolean | null) {
  const customer = readCustomer(c.customer);
  return [
    <div>{customer.contact ?? t('noContact')}</div>,
    emailEnabled === false ? <div class="warn">{t('emailOff')}</div> : emailEnabled && customer.email ? <div class="hint">{t('emailOn', { email: customer.email })}</div> : null,
  ];
}

export function Summary({ conversation: c, emailEnabled, useLine }: SummaryProps) {
  const s = readSummary(c.summary, c.triage);
  const customer = readCustomer(c.customer);
  const urgency = s.urgency ?? c.triage?.urgency;
  const intent = s.intent ?? c.triage?.intent;
  const reasons = s.reasons.length ? s.reasons : (c.triage?.reasons ?? []);
  const firstLine = s.firstLine;
  return (
    <section class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('summary')}</h2>
      <dl tabindex={0} aria-labelledby="summary-title">
        <Row label="customerContact" value={contact(c, emailEnabled)} />
        <Row label="customerCountry" value={customer.country ?? ''} />
        <Row label="customerLocalTime" value={localTime(customer.timeZone)} />
        <Row label="customerPage" value={customer.page ?? ''} />
        <Row label="intent" value={intent ? t(`intent_${intent}`) : ''} />
        <Row label="urgency" value={urgency ? [<span class={`chip ${urgency}`}>{t(`urgency_${urgency}`)}</span>] : []} />
        <Row label="reasons" value={tags(reasons.map(reasonLabel))} />
        <Row label="sentiment" value={sentimentText(c)} />
        <Row label="keywords" value={tags(s.keywords)} />
        <Row label="orderIds" value={s.orderIds.join(', ')} />
        <Row label="lookups" value={lines(s.lookups)} />
        <Row label="items" value={lines(s.items)} />
        <Row label="earlierCases" value={lines(s.earlierCases)} />
        <Row label="earlier" value={lines(s.earlier)} />
        <Row label="customerLanguage" value={c.triage?.language ?? ''} />
      </dl>
      {firstLine && (
        <div class="first-line">
          <strong>{`${t('firstLine')}: `}</strong>
          <q>{firstLine}</q>
          <button type="button" class="use-line" onClick={() => useLine(firstLine)}>{t('useFirstLine')}</button>
        </div>
      )}
    </section>
  );
}

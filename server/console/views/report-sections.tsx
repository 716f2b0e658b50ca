/**
 * The Reports page's body for one loaded summary: number cards (conversations, containment,
 * handoff rate, first-response p50/p90, average rating), handoffs by reason, top intents and
 * keyword hits (fired with counts, never fired per intent). Pure rendering, no fetch.
 *
 * @example
 *   <ReportSections summary={await reportSummary(token, from, to)} />
 */
import { t } from '../i18n';
import type { ReportSummary } from '../../protocol';
import { formatDuration, formatPercent, formatRating, keywordHits, reasonRows } from '../reports-view-model';
import { intentLabel, muted, Section, Table } from './ops-common';

function Card({ label, value, detail = '' }: { label: string; value: string; detail?: string }) {
  return (
    <div class="stat">
      <span class="stat-label">{label}</span>
      <strong class="stat-value">{value}</strong>
      <span class="stat-detail">{detail}</span>
    </div>
  );
}

function Cards({ s }: { s: ReportSummary }) {
  const units = { h: t('unitH'), min: t('unitMin'), s: t('unitS') };
  return (
    <div class="stats">
      <Card label={t('cardConversations')} value={String(s.conversations)} />
      <Card label={t('cardContainment')} value={formatPercent(s.containment)} detail={t('containmentDetail', { solved: s.solvedByBot, total: s.conversations })} />
      <Card label={t('cardHandoffRate')} value={formatPercent(s.handoffRate)} detail={t('handoffDetail', { count: s.handoffs })} />
      <Card label={t('cardFrtP50')} value={formatDuration(s.firstResponseSeconds.p50, units)} />
      <Card label={t('cardFrtP90')} value={formatDuration(s.firstResponseSeconds.p90, units)} />
      <Card label={t('cardRating')} value={formatRating(s.averageRating)} detail={t('ratingsCount', { count: s.ratings })} />
    </div>
  );
}

/** A table, or "No data" when it would be empty. */
const tableOrNone = (headers: string[], rows: string[][]) => (rows.length ? <Table headers={headers} rows={rows} /> : muted(t('noData')));

function Keywords({ s }: { s: ReportSummary }) {
  const hits = keywordHits(s.keywords);
  const fired = hits.fired.map((k) => [k.term, intentLabel(k.intent), String(k.count)]);
  return (
    <Section title={t('keywordHits')}>
      <h3>{t('firedKeywords')}</h3>
      {tableOrNone([t('colTerm'), t('colIntent'), t('colCount')], fired)}
      <h3>{t('neverFired')}</h3>
      {hits.neverFired.length ? (
        <ul class="never-fired">
          {hits.neverFired.map((g) => (
            <li>
              <strong>{`${intentLabel(g.intent)}: `}</strong>
              {g.terms.map((term) => <span class="tag">{term}</span>)}
            </li>
          ))}
        </ul>
      ) : (
        muted(t('noData'))
      )}
    </Section>
  );
}

export function ReportSections({ summary: s }: { summary: ReportSummary }) {
  const reasons = reasonRows(s.handoffsByReason, s.handoffs).map((r) => [r.reason, String(r.count), formatPercent(r.share)]);
  const intents = [...s.topIntents].sort((a, b) => b.count - a.count).map((i) => [intentLabel(i.intent), String(i.count)]);
  return (
    <>
      <Cards s={s} />
      <div class="columns">
        <Section title={t('handoffsByReason')}>{tableOrNone([t('colReason'), t('colCount'), t('colShare')], reasons)}</Section>
        <Section title={t('topIntents')}>{tableOrNone([t('colIntent'), t('colCount')], intents)}</Section>
      </div>
      <Keywords s={s} />
    </>
  );
}

/**
 * The Reports page: the period picker (last 7 days, last 30 days, or custom from–to), the
 * summary for that period (report-sections) and the complaint ledger download. The ledger needs
 * the Bearer token, so the link fetches it and saves a blob instead of navigating.
 *
 * @example
 *   <ReportsPage ctx={ctx} />
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { ReportSummary } from '../../protocol';
import { ledgerCsv, ledgerPath, reportSummary } from '../ops-api';
import { dateInputValue, ledgerFileName, periodRange, type Period, type Range } from '../reports-view-model';
import { localTime, muted, type OpsContext } from './ops-common';
import { ReportSections } from './report-sections';

const KINDS = ['last7', 'last30', 'custom'] as const;
type Kind = (typeof KINDS)[number];
const WEEK = 7 * 86_400_000;

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Shown = { state: 'none' } | { state: 'loading' } | { state: 'loaded'; summary: ReportSummary; from: string; to: string };

export function ReportsPage({ ctx }: { ctx: OpsContext }) {
  const [kind, setKind] = useState<Kind>('last7');
  const [from, setFrom] = useState(() => dateInputValue(Date.now() - WEEK));
  const [to, setTo] = useState(() => dateInputValue(Date.now()));
  const [range, setRange] = useState<Range | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [shown, setShown] = useState<Shown>({ state: 'none' });
  const request = useRef(0); // a slow answer for an older period must not overwrite a newer one

  function load(k: Kind): void {
    const period: Period = k === 'custom' ? { kind: 'custom', from, to } : { kind: k };
    const next = periodRange(period, Date.now());
    const mine = ++request.current;
    setRange(next);
    setInvalid(!next);
    // Numbers left on screen would read as the answer for the dates just picked.
    setShown({ state: next ? 'loading' : 'none' });
    if (!next) return;
    reportSummary(ctx.token, next.from, next.to)
      .then((summary) => mine === request.current && setShown({ state: 'loaded', summary, from: summary.from || next.from, to: summary.to || next.to }))
      .catch((err: unknown) => {
        if (mine !== request.current) return;
        setShown({ state: 'none' });
        ctx.fail(err);
      });
  }
  useEffect(() => load(kind), []);

  const download = (e: Event) => {
    e.preventDefault();
    const r = range;
    if (!r) return;
    ledgerCsv(ctx.token, r.from, r.to).then((blob) => saveBlob(blob, ledgerFileName(r)), ctx.fail);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    load(kind);
  };
  const pick = (e: { currentTarget: HTMLSelectElement }) => {
    const k = KINDS.find((x) => x === e.currentTarget.value) ?? 'last7';
    setKind(k);
    if (k !== 'custom') load(k); // a custom period loads on "Show"
  };
  return (
    <main class="page reports">
      <h1>{t('reportsTitle')}</h1>
      <form class="period" onSubmit={submit}>
        <label for="report-period">{t('period')}</label>
        <select id="report-period" value={kind} onChange={pick}>{KINDS.map((k) => <option value={k}>{t(`period_${k}`)}</option>)}</select>
        <span class="custom" hidden={kind !== 'custom'}>
          <label for="report-from">{t('periodFrom')}</label>
          <input type="date" id="report-from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          <label for="report-to">{t('periodTo')}</label>
          <input type="date" id="report-to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          <button type="submit">{t('showPeriod')}</button>
        </span>
        <a href={range ? ledgerPath(range.from, range.to) : '/api/reports/ledger.csv'} class="download" onClick={download}>{t('downloadLedger')}</a>
      </form>
      <p class="error" role="alert">{invalid ? t('periodInvalid') : ''}</p>
      <p class="muted">{shown.state === 'loaded' ? t('periodShown', { from: localTime(shown.from), to: localTime(shown.to) }) : ''}</p>
      <div class="report-body" aria-live="polite">
        {shown.state === 'loading' && muted(t('loading'))}
        {shown.state === 'loaded' && <ReportSections summary={shown.summary} />}
      </div>
    </main>
  );
}

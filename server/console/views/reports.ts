/**
 * The Reports page: the period picker (last 7 days, last 30 days, or custom from–to), the
 * summary for that period (report-sections) and the complaint ledger download. The ledger needs
 * the Bearer token, so the link fetches it and saves a blob instead of navigating.
 *
 * @example
 *   const page = createReportsPage(ctx); host.replaceChildren(page.element); page.show();
 */
import { el, setText } from '../../../widget/dom';
import { t } from '../i18n';
import { ledgerCsv, ledgerPath, reportSummary } from '../ops-api';
import { dateInputValue, ledgerFileName, periodRange, type Period, type Range } from '../reports-view-model';
import { localTime, type OpsContext, type Page } from './ops-common';
import { reportSections } from './report-sections';

const KINDS = ['last7', 'last30', 'custom'] as const;
const WEEK = 7 * 86_400_000;

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createReportsPage(ctx: OpsContext): Page {
  let range: Range | null = null;
  let request = 0;
  const kind = el('select', { id: 'report-period' }, KINDS.map((k) => el('option', { value: k }, t(`period_${k}`))));
  const from = el('input', { type: 'date', id: 'report-from', value: dateInputValue(Date.now() - WEEK) });
  const to = el('input', { type: 'date', id: 'report-to', value: dateInputValue(Date.now()) });
  const apply = el('button', { type: 'submit' }, t('showPeriod'));
  const custom = el('span', { class: 'custom' }, [
    el('label', { for: 'report-from' }, t('periodFrom')),
    from,
    el('label', { for: 'report-to' }, t('periodTo')),
    to,
    apply,
  ]);
  const error = el('p', { class: 'error', role: 'alert' });
  const shown = el('p', { class: 'muted' });
  const body = el('div', { class: 'report-body', 'aria-live': 'polite' });
  const ledger = el('a', { href: '/api/reports/ledger.csv', class: 'download' }, t('downloadLedger'));
  const form = el('form', { class: 'period' }, [el('label', { for: 'report-period' }, t('period')), kind, custom, ledger]);
  const element = el('main', { class: 'page reports' }, [el('h1', {}, t('reportsTitle')), form, error, shown, body]);

  const period = (): Period => {
    const k = kind.value;
    return k === 'custom' ? { kind: 'custom', from: from.value, to: to.value } : { kind: k === 'last30' ? 'last30' : 'last7' };
  };

  function load(): void {
    custom.hidden = kind.value !== 'custom';
    range = periodRange(period(), Date.now());
    setText(error, range ? '' : t('periodInvalid'));
    if (!range) {
      // Numbers left on screen would read as the answer for the dates just picked.
      request++;
      setText(shown, '');
      return body.replaceChildren();
    }
    const { from: f, to: tt } = range;
    ledger.href = ledgerPath(f, tt);
    const mine = ++request; // a slow answer for an older period must not overwrite a newer one
    body.replaceChildren(el('p', { class: 'muted' }, t('loading')));
    reportSummary(ctx.token, f, tt)
      .then((summary) => {
        if (mine !== request) return;
        setText(shown, t('periodShown', { from: localTime(summary.from || f), to: localTime(summary.to || tt) }));
        body.replaceChildren(...reportSections(summary));
      })
      .catch((err: unknown) => {
        if (mine !== request) return;
        body.replaceChildren();
        ctx.fail(err);
      });
  }

  kind.addEventListener('change', () => (kind.value === 'custom' ? (custom.hidden = false) : load()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  ledger.addEventListener('click', (e) => {
    e.preventDefault();
    const r = range;
    if (!r) return;
    ledgerCsv(ctx.token, r.from, r.to)
      .then((blob) => saveBlob(blob, ledgerFileName(r)))
      .catch(ctx.fail);
  });
  custom.hidden = true;
  return { element, show: load };
}

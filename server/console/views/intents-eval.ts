/**
 * The evaluation result on the Intents page: accuracy and macro-F1, then per-intent precision
 * and recall of the running set against the edited one with coloured deltas, then the example
 * rows whose intent the edit would flip (old → new, with the expected label), breaks first.
 *
 * @example
 *   host.replaceChildren(evalView(await previewIntent(token, 'refund', { patch })));
 */
import { el } from '../../../widget/dom';
import { t } from '../i18n';
import { compareLanguages, compareReports, deltaTone, formatDelta, formatScore, sortFlips, type Compared } from '../intents-eval-view-model';
import type { PreviewResponse } from '../ops-api';
import { intentLabel, section, table } from './ops-common';
import { languageLabel } from './queue-view';

const deltaCell = (c: Compared) => el('span', { class: `delta ${deltaTone(c.delta)}` }, formatDelta(c.delta));
const scoreCells = (c: Compared): Array<string | Node> => [formatScore(c.current), formatScore(c.candidate), deltaCell(c)];

/** "0.91 → 0.93 (+0.02)" for a total, with the delta coloured. */
function total(current: number | undefined, candidate: number | undefined): HTMLElement {
  const c: Compared = { current: current ?? null, candidate: candidate ?? null, delta: current === undefined || candidate === undefined ? null : candidate - current };
  const text = (s: string) => document.createTextNode(s);
  return el('span', {}, [text(`${formatScore(c.current)} → ${formatScore(c.candidate)} (`), deltaCell(c), text(')')]);
}

function totals(preview: PreviewResponse): HTMLElement {
  const [now, next] = [preview.current.intent, preview.candidate.intent];
  return el('p', { class: 'totals' }, [
    el('span', {}, `${t('evalAccuracy')}: `),
    total(now?.accuracy, next?.accuracy),
    el('span', {}, ` · ${t('evalMacroF1')}: `),
    total(now?.macroF1, next?.macroF1),
  ]);
}

function flipsView(preview: PreviewResponse): HTMLElement {
  const flips = sortFlips(preview.flips);
  const heading = el('h3', {}, t('flipsTitle', { count: flips.length }));
  if (flips.length === 0) return el('div', {}, [heading, el('p', { class: 'muted' }, t('noFlips'))]);
  const rows = flips.map((f) => [
    f.text,
    intentLabel(f.expected),
    `${intentLabel(f.from)} → ${intentLabel(f.to)}`,
    el('span', { class: `flip ${f.kind}` }, t(`flip_${f.kind}`)),
  ]);
  return el('div', {}, [heading, table([t('colText'), t('colExpected'), t('colFlip'), ''], rows, 'grid flips')]);
}

/** Per-language scores of the running set against the edited one, so an edit for one language
 * shows what it does to the others. */
function languagesView(preview: PreviewResponse): HTMLElement[] {
  const rows = compareLanguages(preview.current, preview.candidate).map((r) => [
    languageLabel(r.language),
    String(r.n),
    ...scoreCells(r.macroF1),
    ...scoreCells(r.negativeF1),
    ...scoreCells(r.handoffRecall),
  ]);
  if (rows.length === 0) return [];
  const head = [t('colLanguage'), t('colSupport')];
  for (const metric of [t('evalMacroF1'), t('colNegativeF1'), t('colHandoffRecall')]) head.push(`${metric} ${t('colCurrent')}`, `${metric} ${t('colCandidate')}`, t('colDelta'));
  return [el('div', {}, [el('h3', {}, t('byLanguageTitle')), table(head, rows, 'grid languages')])];
}

/** `stale`: the edits changed since this evaluation ran, so it no longer unlocks Save. */
export function evalView(preview: PreviewResponse, stale: boolean): HTMLElement {
  const rows = compareReports(preview.current, preview.candidate).map((r) => [
    intentLabel(r.intent),
    String(r.support),
    ...scoreCells(r.precision),
    ...scoreCells(r.recall),
  ]);
  const head = [t('colIntent'), t('colSupport')];
  for (const metric of [t('colPrecision'), t('colRecall')]) head.push(`${metric} ${t('colCurrent')}`, `${metric} ${t('colCandidate')}`, t('colDelta'));
  return section(
    t('evalTitle', { n: preview.candidate.n }),
    [...(stale ? [el('p', { class: 'warn' }, t('saveHint'))] : []), totals(preview), table(head, rows, 'grid scores'), ...languagesView(preview), flipsView(preview)],
    stale ? 'panel eval stale' : 'panel eval',
  );
}

/**
 * The evaluation result on the Intents page: accuracy and macro-F1, then per-intent precision
 * and recall of the running set against the edited one with coloured deltas, per-language
 * scores, then the example rows whose intent the edit would flip (old → new, with the expected
 * label), breaks first.
 *
 * @example
 *   <Evaluation preview={await previewIntent(token, 'refund', { patch })} stale={false} />
 */
import { languageLabel, t } from '../i18n';
import { compareLanguages, compareReports, deltaTone, formatDelta, formatScore, sortFlips, type Compared } from '../intents-eval-view-model';
import type { PreviewResponse } from '../../protocol';
import { intentLabel, muted, Section, Table } from './ops-common';

const Delta = ({ c }: { c: Compared }) => <span class={`delta ${deltaTone(c.delta)}`}>{formatDelta(c.delta)}</span>;
const scoreCells = (c: Compared) => [formatScore(c.current), formatScore(c.candidate), <Delta c={c} />];

/** "0.91 → 0.93 (+0.02)" for a total, with the delta coloured. */
function Total({ current, candidate }: { current: number | undefined; candidate: number | undefined }) {
  const c: Compared = { current: current ?? null, candidate: candidate ?? null, delta: current === undefined || candidate === undefined ? null : candidate - current };
  return (
    <span>
      {`${formatScore(c.current)} → ${formatScore(c.candidate)} (`}
      <Delta c={c} />)
    </span>
  );
}

/** Head cells "Precision current", "Precision candidate", "Change" per metric. */
function heads(first: string[], metrics: string[]): string[] {
  return [...first, ...metrics.flatMap((m) => [`${m} ${t('colCurrent')}`, `${m} ${t('colCandidate')}`, t('colDelta')])];
}

function Flips({ preview }: { preview: PreviewResponse }) {
  const flips = sortFlips(preview.flips);
  const rows = flips.map((f) => [f.text, intentLabel(f.expected), `${intentLabel(f.from)} → ${intentLabel(f.to)}`, <span class={`flip ${f.kind}`}>{t(`flip_${f.kind}`)}</span>]);
  return (
    <div>
      <h3>{t('flipsTitle', { count: flips.length })}</h3>
      {flips.length ? <Table headers={[t('colText'), t('colExpected'), t('colFlip'), '']} rows={rows} cls="grid flips" /> : muted(t('noFlips'))}
    </div>
  );
}

/** Per-language scores, so an edit for one language shows what it does to the others. */
function Languages({ preview }: { preview: PreviewResponse }) {
  const rows = compareLanguages(preview.current, preview.candidate).map((r) => [
    languageLabel(r.language),
    String(r.n),
    ...scoreCells(r.macroF1),
    ...scoreCells(r.negativeF1),
    ...scoreCells(r.handoffRecall),
  ]);
  if (rows.length === 0) return null;
  return (
    <div>
      <h3>{t('byLanguageTitle')}</h3>
      <Table headers={heads([t('colLanguage'), t('colSupport')], [t('evalMacroF1'), t('colNegativeF1'), t('colHandoffRecall')])} rows={rows} cls="grid languages" />
    </div>
  );
}

/** `stale`: the edits changed since this evaluation ran, so it no longer unlocks Save. */
export function Evaluation({ preview, stale }: { preview: PreviewResponse; stale: boolean }) {
  const rows = compareReports(preview.current, preview.candidate).map((r) => [intentLabel(r.intent), String(r.support), ...scoreCells(r.precision), ...scoreCells(r.recall)]);
  const [now, next] = [preview.current.intent, preview.candidate.intent];
  return (
    <Section title={t('evalTitle', { n: preview.candidate.n })} cls={stale ? 'panel eval stale' : 'panel eval'}>
      {stale && <p class="warn">{t('saveHint')}</p>}
      <p class="totals">
        <span>{`${t('evalAccuracy')}: `}</span>
        <Total current={now?.accuracy} candidate={next?.accuracy} />
        <span>{` · ${t('evalMacroF1')}: `}</span>
        <Total current={now?.macroF1} candidate={next?.macroF1} />
      </p>
      <Table headers={heads([t('colIntent'), t('colSupport')], [t('colPrecision'), t('colRecall')])} rows={rows} cls="grid scores" />
      <Languages preview={preview} />
      <Flips preview={preview} />
    </Section>
  );
}

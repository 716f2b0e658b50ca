/**
 * "Try a sentence" on the Intents page: a textarea labelled "Test sentence" and a "Classify"
 * button calling `POST /api/triage`; shows every intent's score as a bar with the terms that
 * fired, then sentiment, urgency, language, handoff and reasons. It classifies with the set the
 * server is running, not with unsaved edits (the evaluation covers those).
 *
 * @example
 *   <TryBox ctx={ctx} />
 */
import { useState } from 'preact/hooks';
import type { TriageResult } from '../../protocol';
import { t } from '../i18n';
import { scoreBars } from '../intents-eval-view-model';
import { triageText } from '../ops-api';
import { submitOnCtrlEnter } from './composer-view';
import { intentLabel, Section, type OpsContext } from './ops-common';

const Tags = ({ items }: { items: readonly string[] }) => (
  <span class="tags-inline">{items.map((i) => <span class="tag">{i}</span>)}</span>
);

function Bars({ triage }: { triage: TriageResult }) {
  return (
    <ul class="bars" aria-label={t('scores')}>
      {scoreBars(triage).map((bar) => {
        const label = intentLabel(bar.intent);
        return (
          <li class={bar.top ? 'bar top' : 'bar'}>
            <span class="bar-name">{bar.top ? `${label} (${t('chosenIntent')})` : label}</span>
            {/* A <meter> needs no inline style (CSP) and reads out as a value to screen readers. */}
            <meter min={0} max={1} value={bar.share} aria-label={label} />
            <span class="bar-score">{bar.score.toFixed(2)}</span>
            <Tags items={bar.matched} />
          </li>
        );
      })}
    </ul>
  );
}

function Signals({ triage }: { triage: TriageResult }) {
  return (
    <dl class="signals">
      <dt>{t('sentiment')}</dt>
      <dd>{`${triage.sentiment.label} (${triage.sentiment.score.toFixed(2)})`}</dd>
      <dt>{t('urgency')}</dt>
      <dd>
        <span class={`chip ${triage.urgency}`}>{t(`urgency_${triage.urgency}`)}</span>
      </dd>
      <dt>{t('language_of_text')}</dt>
      <dd>{triage.language}</dd>
      <dt>{t('handoff')}</dt>
      <dd>{t(triage.handoff ? 'yes' : 'no')}</dd>
      <dt>{t('reasons')}</dt>
      <dd>{triage.reasons.length ? <Tags items={triage.reasons} /> : t('none')}</dd>
    </dl>
  );
}

export function TryBox({ ctx }: { ctx: OpsContext }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [triage, setTriage] = useState<TriageResult | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    setBusy(true);
    triageText(ctx.token, body)
      .then(setTriage)
      .catch(ctx.fail)
      .finally(() => setBusy(false));
  };
  return (
    <Section title={t('trySentence')}>
      <form class="try" onSubmit={submit}>
        <label for="try-text">{t('testSentence')}</label>
        <textarea id="try-text" rows={2} maxlength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} onKeyDown={submitOnCtrlEnter} />
        <div>
          <button type="submit" class="primary" disabled={busy}>{t('classify')}</button>
        </div>
        <div class="try-result" aria-live="polite">
          {triage && <Bars triage={triage} />}
          {triage && <Signals triage={triage} />}
        </div>
      </form>
    </Section>
  );
}

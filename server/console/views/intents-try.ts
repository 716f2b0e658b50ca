/**
 * "Try a sentence" on the Intents page: a textarea labelled "Test sentence" and a "Classify"
 * button calling `POST /api/triage`; shows every intent's score as a bar with the terms that
 * fired, then sentiment, urgency, language, handoff and reasons. It classifies with the set the
 * server is running, not with unsaved edits (the evaluation covers those).
 *
 * @example
 *   page.append(createTryBox(ctx));
 */
import { el } from '../../../widget/dom';
import type { TriageResult } from '../../protocol';
import { t } from '../i18n';
import { scoreBars } from '../intents-eval-view-model';
import { triageText } from '../ops-api';
import { intentLabel, section, type OpsContext } from './ops-common';

const tags = (items: readonly string[]) => el('span', { class: 'tags-inline' }, items.map((i) => el('span', { class: 'tag' }, i)));

function barsView(triage: TriageResult): HTMLElement {
  return el(
    'ul',
    { class: 'bars', 'aria-label': t('scores') },
    scoreBars(triage).map((bar) => {
      const label = intentLabel(bar.intent);
      // A <meter> needs no inline style (CSP) and reads out as a value to screen readers.
      const meter = el('meter', { min: '0', max: '1', value: String(bar.share), 'aria-label': label });
      return el('li', { class: bar.top ? 'bar top' : 'bar' }, [
        el('span', { class: 'bar-name' }, bar.top ? `${label} (${t('chosenIntent')})` : label),
        meter,
        el('span', { class: 'bar-score' }, bar.score.toFixed(2)),
        tags(bar.matched),
      ]);
    }),
  );
}

function signalsView(triage: TriageResult): HTMLElement {
  const row = (label: string, value: string | Node) => [el('dt', {}, label), el('dd', {}, typeof value === 'string' ? value : [value])];
  return el('dl', { class: 'signals' }, [
    ...row(t('sentiment'), `${triage.sentiment.label} (${triage.sentiment.score.toFixed(2)})`),
    ...row(t('urgency'), el('span', { class: `chip ${triage.urgency}` }, t(`urgency_${triage.urgency}`))),
    ...row(t('language_of_text'), triage.language),
    ...row(t('handoff'), t(triage.handoff ? 'yes' : 'no')),
    ...row(t('reasons'), triage.reasons.length ? tags(triage.reasons) : t('none')),
  ]);
}

export function createTryBox(ctx: OpsContext): HTMLElement {
  const input = el('textarea', { id: 'try-text', rows: '2', maxlength: '2000' });
  const button = el('button', { type: 'submit', class: 'primary' }, t('classify'));
  const result = el('div', { class: 'try-result', 'aria-live': 'polite' });
  const form = el('form', { class: 'try' }, [el('label', { for: 'try-text' }, t('testSentence')), input, el('div', {}, [button]), result]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    button.disabled = true;
    triageText(ctx.token, text)
      .then((triage) => result.replaceChildren(barsView(triage), signalsView(triage)))
      .catch(ctx.fail)
      .finally(() => (button.disabled = false));
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) form.requestSubmit();
  });
  return section(t('trySentence'), [form]);
}

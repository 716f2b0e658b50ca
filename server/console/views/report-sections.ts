/**
 * The Reports page's body for one loaded summary: number cards (conversations, containment,
 * handoff rate, first-response p50/p90, average rating), handoffs by reason, top intents and
 * keyword hits (fired with counts, never fired per intent). Pure rendering, no fetch.
 *
 * @example
 *   body.replaceChildren(...reportSections(await reportSummary(token, from, to)));
 */
import { el } from '../../../widget/dom';
import { t } from '../i18n';
import type { ReportSummary } from '../ops-api';
import { formatDuration, formatPercent, formatRating, keywordHits, reasonRows } from '../reports-view-model';
import { intentLabel, section, table } from './ops-common';

function card(label: string, value: string, detail = ''): HTMLElement {
  return el('div', { class: 'stat' }, [
    el('span', { class: 'stat-label' }, label),
    el('strong', { class: 'stat-value' }, value),
    el('span', { class: 'stat-detail' }, detail),
  ]);
}

function cards(s: ReportSummary): HTMLElement {
  const units = { h: t('unitH'), min: t('unitMin'), s: t('unitS') };
  return el('div', { class: 'stats' }, [
    card(t('cardConversations'), String(s.conversations)),
    card(t('cardContainment'), formatPercent(s.containment), t('containmentDetail', { solved: s.solvedByBot, total: s.conversations })),
    card(t('cardHandoffRate'), formatPercent(s.handoffRate), t('handoffDetail', { count: s.handoffs })),
    card(t('cardFrtP50'), formatDuration(s.firstResponseSeconds.p50, units)),
    card(t('cardFrtP90'), formatDuration(s.firstResponseSeconds.p90, units)),
    card(t('cardRating'), formatRating(s.averageRating), t('ratingsCount', { count: s.ratings })),
  ]);
}

const muted = (key: 'noData') => el('p', { class: 'muted' }, t(key));

function reasons(s: ReportSummary): HTMLElement {
  const rows = reasonRows(s.handoffsByReason, s.handoffs).map((r) => [r.reason, String(r.count), formatPercent(r.share)]);
  return section(t('handoffsByReason'), [rows.length ? table([t('colReason'), t('colCount'), t('colShare')], rows) : muted('noData')]);
}

function topIntents(s: ReportSummary): HTMLElement {
  const rows = [...s.topIntents].sort((a, b) => b.count - a.count).map((i) => [intentLabel(i.intent), String(i.count)]);
  return section(t('topIntents'), [rows.length ? table([t('colIntent'), t('colCount')], rows) : muted('noData')]);
}

function keywords(s: ReportSummary): HTMLElement {
  const hits = keywordHits(s.keywords);
  const fired = hits.fired.map((k) => [k.term, intentLabel(k.intent), String(k.count)]);
  const never = hits.neverFired.map((g) =>
    el('li', {}, [el('strong', {}, `${intentLabel(g.intent)}: `), ...g.terms.map((term) => el('span', { class: 'tag' }, term))]),
  );
  return section(t('keywordHits'), [
    el('h3', {}, t('firedKeywords')),
    fired.length ? table([t('colTerm'), t('colIntent'), t('colCount')], fired) : muted('noData'),
    el('h3', {}, t('neverFired')),
    never.length ? el('ul', { class: 'never-fired' }, never) : muted('noData'),
  ]);
}

export function reportSections(s: ReportSummary): HTMLElement[] {
  return [cards(s), el('div', { class: 'columns' }, [reasons(s), topIntents(s)]), keywords(s)];
}

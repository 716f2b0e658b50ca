/**
 * The saved versions of one intent file (who, when, what), newest first, each with "Restore".
 *
 * @example
 *   host.replaceChildren(historyView(await intentHistory(token, 'refund'), { restore }));
 */
import { el } from '../../../widget/dom';
import { t } from '../i18n';
import type { IntentVersion } from '../ops-api';
import { localTime, section } from './ops-common';

export function historyView(versions: readonly IntentVersion[], on: { restore(version: IntentVersion): void }): HTMLElement {
  const sorted = [...versions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const items = sorted.map((v) => {
    const restore = el('button', { type: 'button', 'aria-label': `${t('restore')} ${localTime(v.at)}` }, t('restore'));
    restore.addEventListener('click', () => {
      restore.disabled = true;
      on.restore(v);
    });
    return el('li', { class: 'version' }, [
      el('time', { datetime: v.at }, localTime(v.at)),
      el('span', { class: 'who' }, v.author),
      el('span', { class: 'what' }, v.summary),
      restore,
    ]);
  });
  return section(t('historyTitle'), items.length ? [el('ol', { class: 'history' }, items)] : [el('p', { class: 'muted' }, t('historyEmpty'))]);
}

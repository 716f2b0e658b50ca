/**
 * The header: product name, the language selector (remembered by i18n), who is signed in,
 * the connection state, a status line for notices, and Sign out.
 *
 * @example
 *   headerView({ agent, online: true, notice: '' }, { changeLang: rerender, signOut });
 */
import { el } from '../../../widget/dom';
import type { Agent } from '../api';
import { getLang, LANG_NAMES, LANGS, t, type Lang } from '../i18n';

export interface HeaderHandlers {
  changeLang(lang: Lang): void;
  signOut?(): void;
}

export interface HeaderModel {
  agent: Agent | null;
  online: boolean | null;
}

/** The language picker alone, also shown above the login form. */
export function languageSelect(on: Pick<HeaderHandlers, 'changeLang'>): HTMLElement {
  const select = el('select', { id: 'lang' }, LANGS.map((lang) => el('option', { value: lang }, LANG_NAMES[lang])));
  select.value = getLang();
  select.addEventListener('change', () => on.changeLang(select.value === 'zh' ? 'zh' : 'en'));
  return el('span', { class: 'lang' }, [el('label', { for: 'lang' }, t('language')), select]);
}

/** `nav`: the page navigation (pages.ts), shown next to the product name once signed in. */
export function headerView(model: HeaderModel, on: HeaderHandlers, notice: HTMLElement, nav?: HTMLElement): HTMLElement {
  const right: Node[] = [languageSelect(on)];
  if (model.online !== null) {
    right.push(el('span', { class: `conn ${model.online ? 'on' : 'off'}` }, t(model.online ? 'online' : 'offline')));
  }
  if (model.agent) right.push(el('span', { class: 'who' }, t('signedInAs', { name: model.agent.name, role: model.agent.role === 'ops' ? t('role_ops') : t('role_agent') })));
  if (on.signOut) {
    const out = el('button', { type: 'button' }, t('signOut'));
    out.addEventListener('click', on.signOut);
    right.push(out);
  }
  const brand = el('strong', { class: 'brand' }, t('appTitle'));
  return el('header', { class: 'top' }, [brand, ...(nav ? [nav] : []), notice, el('div', { class: 'tools' }, right)]);
}

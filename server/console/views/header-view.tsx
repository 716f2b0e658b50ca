/**
 * The header: product name, the page navigation once signed in, a status line for notices, the
 * language selector (remembered by i18n), the connection state, who is signed in, and Sign out.
 *
 * @example
 *   <Header agent={agent} online notice="" changeLang={setLanguage} signOut={signOut} nav={<Nav … />} />
 */
import type { ComponentChildren } from 'preact';
import type { Agent } from '../api';
import { getLang, LANG_NAMES, LANGS, t, type Lang } from '../i18n';

export interface HeaderProps {
  agent: Agent | null;
  /** Null on the login form: no connection yet. */
  online: boolean | null;
  notice: string;
  changeLang(lang: Lang): void;
  signOut?: () => void;
  nav?: ComponentChildren;
}

/** The language picker, also shown above the login form. */
export function LanguageSelect({ changeLang }: Pick<HeaderProps, 'changeLang'>) {
  return (
    <span class="lang">
      <label for="lang">{t('language')}</label>
      <select id="lang" value={getLang()} onChange={(e) => changeLang(e.currentTarget.value === 'zh' ? 'zh' : 'en')}>
        {LANGS.map((lang) => <option value={lang}>{LANG_NAMES[lang]}</option>)}
      </select>
    </span>
  );
}

export function Header({ agent, online, notice, changeLang, signOut, nav }: HeaderProps) {
  return (
    <header class="top">
      <strong class="brand">{t('appTitle')}</strong>
      {nav}
      {/* No live role before sign-in, as before: the login form has its own alert. */}
      <p class="notice" role={agent ? 'status' : undefined}>{notice}</p>
      <div class="tools">
        <LanguageSelect changeLang={changeLang} />
        {online !== null && <span class={`conn ${online ? 'on' : 'off'}`}>{t(online ? 'online' : 'offline')}</span>}
        {agent && <span class="who">{t('signedInAs', { name: agent.name, role: agent.role === 'ops' ? t('role_ops') : t('role_agent') })}</span>}
        {signOut && (
          <button type="button" onClick={signOut}>{t('signOut')}</button>
        )}
      </div>
    </header>
  );
}

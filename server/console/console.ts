/**
 * The entry of `console.js` (an IIFE): shows the login form or, with a session in this tab,
 * the workspace; switches language; goes back to login when the token stops working.
 *
 * @example
 *   <div id="app"></div><script src="/console/console.js" defer></script>
 */
import { el } from '../../widget/dom';
import { unlockAlerts } from './alerts';
import { ApiError, clearSession, loadSession, login, type Session } from './api';
import { getLang, setLang, t, type Lang } from './i18n';
import { headerView } from './views/header-view';
import { loginView } from './views/login-view';
import { startWorkspace, type Workspace } from './workspace';

const root = document.getElementById('app') ?? document.body;
let workspace: Workspace | null = null;

function applyLang(lang: Lang): void {
  setLang(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
}

function showLogin(notice = ''): void {
  workspace?.stop();
  workspace = null;
  const changeLang = (lang: Lang) => {
    applyLang(lang);
    showLogin(notice);
  };
  root.replaceChildren(headerView({ agent: null, online: null }, { changeLang }, el('p', { class: 'notice' })), loginView({ signIn }, notice));
}

async function signIn(email: string, password: string): Promise<string | null> {
  try {
    showWorkspace(await login(email, password));
    return null;
  } catch (err) {
    // A 401 carries the server's reason ("Wrong email or password"); anything else is the network.
    if (err instanceof ApiError) return err.message || t('loginFailed');
    return t('networkError');
  }
}

function showWorkspace(session: Session): void {
  workspace?.stop();
  workspace = startWorkspace(root, session, {
    signOut: () => {
      clearSession();
      showLogin();
    },
    expired: () => {
      clearSession();
      showLogin(t('sessionExpired'));
    },
    changeLang: applyLang,
  });
}

// Sound and notifications need a user gesture; the first click anywhere grants both.
document.addEventListener('click', unlockAlerts, { once: true });
applyLang(getLang());
const saved = loadSession();
if (saved) showWorkspace(saved);
else showLogin();

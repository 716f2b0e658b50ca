/**
 * The entry of `console.js` (an IIFE) and the root component: the login form or, with a session
 * in this tab, the workspace (header, navigation, the Inbox and the ops pages), all rendered from
 * the one store. Switching language re-renders in place; the token ending goes back to login.
 *
 * @example
 *   <div id="app"></div><script src="/console/console.js" defer></script>
 */
import { render } from 'preact';
import { unlockAlerts } from './alerts';
import { ApiError, clearSession, loadSession, login, type Session } from './api';
import { getLang, setLang, t, type Lang } from './i18n';
import { reset, update, useConsole, type ConsoleState } from './store';
import { ConversationPane, EmptyPane } from './views/conversation-view';
import { FollowupsPage } from './views/followups';
import { Header } from './views/header-view';
import { intentsMemory, IntentsPage } from './views/intents-page';
import { Login } from './views/login-view';
import { Nav } from './views/nav-view';
import type { OpsContext } from './views/ops-common';
import { Queue } from './views/queue-view';
import { ReportsPage } from './views/reports';
import { startWorkspace, type Workspace } from './workspace';

let workspace: Workspace | null = null;
/** Unsaved intent edits survive a look at another page; a new session starts without them. */
let memory = intentsMemory();

function applyLang(lang: Lang): void {
  setLang(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
  update({ lang });
}

function signOut(notice = ''): void {
  workspace?.stop();
  workspace = null;
  memory = intentsMemory();
  clearSession();
  reset(notice);
}

function start(session: Session): void {
  workspace?.stop();
  workspace = startWorkspace(session, { expired: () => signOut(t('sessionExpired')) });
}

async function signIn(email: string, password: string): Promise<string | null> {
  try {
    start(await login(email, password));
    return null;
  } catch (err) {
    // A 401 carries the server's reason ("Wrong email or password"); anything else is the network.
    if (err instanceof ApiError) return err.message || t('loginFailed');
    return t('networkError');
  }
}

function Signed({ s, ws, session }: { s: ConsoleState; ws: Workspace; session: Session }) {
  const me = session.agent;
  const ctx: OpsContext = { token: session.token, role: me.role, fail: ws.fail, flash: ws.flash };
  const open = s.open;
  return (
    <>
      <Header agent={me} online={s.online} notice={s.notice} changeLang={applyLang} signOut={() => signOut()}
        nav={<Nav role={me.role} current={s.page} due={s.due} select={ws.openPage} />} />
      <div class="page-host">
        {/* The Inbox stays mounted while another page shows: its queue, pane and half-written reply survive. */}
        <main class="workspace" hidden={s.page !== 'inbox'}>
          <Queue entries={s.queue} myId={me.id} openId={open?.id ?? null} languages={me.languages ?? []} claim={ws.claim} open={ws.reopen} />
          <div class="right">
            {open ? (
              <ConversationPane
                key={open.id}
                conversation={open}
                notes={s.notes.get(open.id) ?? []}
                draft={ws.draftOf(open.id)}
                on={ws.composer(open.id)}
                agentName={me.name}
                emailEnabled={s.emailEnabled}
                shopperTyping={s.shopperTyping}
              />
            ) : (
              <EmptyPane />
            )}
          </div>
        </main>
        {s.page === 'intents' && <IntentsPage ctx={ctx} memory={memory} />}
        {s.page === 'reports' && <ReportsPage ctx={ctx} />}
        {s.page === 'followups' && <FollowupsPage ctx={ctx} open={ws.openConversation} due={ws.setDue} />}
      </div>
    </>
  );
}

function App() {
  const s = useConsole();
  if (s.session && workspace) return <Signed s={s} ws={workspace} session={s.session} />;
  return (
    <>
      <Header agent={null} online={null} notice="" changeLang={applyLang} />
      <Login key={s.loginNotice} notice={s.loginNotice} signIn={signIn} />
    </>
  );
}

// Sound and notifications need a user gesture; the first click anywhere grants both.
document.addEventListener('click', unlockAlerts, { once: true });
applyLang(getLang());
const saved = loadSession();
if (saved) start(saved);
render(<App />, document.getElementById('app') ?? document.body);

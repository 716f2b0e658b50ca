/**
 * The header navigation: Inbox, Intents (ops role only), Reports and Follow-ups with a badge of
 * the follow-ups that are due. Buttons with `aria-current="page"`, no URL routing: the console
 * is one page, and the socket must stay open while the agent looks at reports.
 *
 * @example
 *   const nav = createNav('ops', { select: (page) => pages.open(page) });
 *   nav.setCurrent('reports'); nav.setDue(3);
 */
import { el, setText, show } from '../../../widget/dom';
import { t, type StringKey } from '../i18n';

export type PageName = 'inbox' | 'intents' | 'reports' | 'followups';

const LABELS: Readonly<Record<PageName, StringKey>> = {
  inbox: 'navInbox',
  intents: 'navIntents',
  reports: 'navReports',
  followups: 'navFollowups',
};

/** The pages a role may open: tuning intents is for `ops` only (SPEC §2). */
export function pagesFor(role: string): PageName[] {
  return role === 'ops' ? ['inbox', 'intents', 'reports', 'followups'] : ['inbox', 'reports', 'followups'];
}

export interface NavView {
  element: HTMLElement;
  setCurrent(page: PageName): void;
  setDue(count: number): void;
}

export function createNav(role: string, on: { select(page: PageName): void }): NavView {
  const badge = el('span', { class: 'badge' });
  const buttons = pagesFor(role).map((page) => {
    const button = el('button', { type: 'button', 'data-page': page }, t(LABELS[page]));
    if (page === 'followups') button.append(' ', badge);
    button.addEventListener('click', () => on.select(page));
    return button;
  });
  const element = el('nav', { class: 'pages', 'aria-label': t('navLabel') }, buttons);
  const view: NavView = {
    element,
    setCurrent(page) {
      for (const b of buttons) {
        if (b.dataset.page === page) b.setAttribute('aria-current', 'page');
        else b.removeAttribute('aria-current');
      }
    },
    setDue(count) {
      setText(badge, count > 0 ? String(count) : '');
      // The number alone would read as "Follow-ups 3"; say what it counts.
      badge.setAttribute('aria-label', t('followupsDueBadge', { count }));
      show(badge, count > 0);
    },
  };
  view.setDue(0);
  return view;
}

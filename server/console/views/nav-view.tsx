/**
 * The header navigation: Inbox, Intents (ops role only), Reports and Follow-ups with a badge of
 * the follow-ups that are due. Buttons with `aria-current="page"`, no URL routing: the console
 * is one page, and the socket must stay open while the agent looks at reports.
 *
 * @example
 *   <Nav role="ops" current="reports" due={3} select={openPage} />
 */
import { t, type StringKey } from '../i18n';
import { pagesFor, type PageName } from '../pages';

const LABELS: Readonly<Record<PageName, StringKey>> = {
  inbox: 'navInbox',
  intents: 'navIntents',
  reports: 'navReports',
  followups: 'navFollowups',
};

export function Nav({ role, current, due, select }: { role: string; current: PageName; due: number; select(page: PageName): void }) {
  return (
    <nav class="pages" aria-label={t('navLabel')}>
      {pagesFor(role).map((page) => (
        <button type="button" data-page={page} aria-current={page === current ? 'page' : undefined} onClick={() => select(page)}>
          {t(LABELS[page])}
          {page === 'followups' && (
            <>
              {' '}
              {/* The number alone would read as "Follow-ups 3"; say what it counts. */}
              <span class="badge" aria-label={t('followupsDueBadge', { count: due })} hidden={due <= 0}>{due > 0 ? String(due) : ''}</span>
            </>
          )}
        </button>
      ))}
    </nav>
  );
}

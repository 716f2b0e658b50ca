/**
 * Which page is open below the header (Inbox, Intents, Reports, Follow-ups), the navigation
 * that switches them, and the follow-up badge poll. The Inbox element is only swapped out, never
 * rebuilt, so the queue, the open conversation and a half-written reply survive a look at the
 * reports; the socket stays open meanwhile and critical alerts keep sounding.
 *
 * @example
 *   const pages = createPages(ctx, { openConversation });
 *   root.replaceChildren(header, pages.mount(inboxElement));
 *   pages.stop();
 */
import { el } from '../../widget/dom';
import { ApiError } from './api';
import { dueCount } from './followups-view-model';
import { getFollowups } from './ops-api';
import { createFollowupsPage } from './views/followups';
import { createIntentsPage, intentsMemory } from './views/intents-page';
import { createNav, pagesFor, type NavView, type PageName } from './views/nav-view';
import type { OpsContext, Page } from './views/ops-common';
import { createReportsPage } from './views/reports';

/** Follow-ups fall due by the clock, not by an event: look once a minute. */
const BADGE_POLL_MS = 60_000;

export interface Pages {
  /** The navigation, for the header (recreated by `mount`). */
  nav(): HTMLElement;
  /** Builds nav and pages in the current language around this Inbox; returns the page host. */
  mount(inbox: HTMLElement): HTMLElement;
  open(page: PageName): void;
  stop(): void;
}

export function createPages(ctx: OpsContext, on: { openConversation(id: string): void }): Pages {
  const host = el('div', { class: 'page-host' });
  const memory = intentsMemory();
  let current: PageName = 'inbox';
  let inbox: HTMLElement = el('div');
  let nav: NavView | null = null;
  let built: Partial<Record<PageName, Page>> = {};
  let due = 0;

  const setDue = (count: number) => {
    due = count;
    nav?.setDue(count);
  };

  function page(name: Exclude<PageName, 'inbox'>): Page {
    const existing = built[name];
    if (existing) return existing;
    const made =
      name === 'intents'
        ? createIntentsPage(ctx, memory)
        : name === 'reports'
          ? createReportsPage(ctx)
          : createFollowupsPage(ctx, { due: setDue, open: openConversation });
    built[name] = made;
    return made;
  }

  function open(name: PageName): void {
    // A role without the page (an agent and Intents) falls back to the Inbox.
    current = pagesFor(ctx.role).includes(name) ? name : 'inbox';
    nav?.setCurrent(current);
    if (current === 'inbox') return host.replaceChildren(inbox);
    const p = page(current);
    host.replaceChildren(p.element);
    p.show();
  }

  function openConversation(id: string): void {
    open('inbox');
    on.openConversation(id);
  }

  function pollBadge(): void {
    getFollowups(ctx.token)
      .then((list) => setDue(dueCount(list, Date.now())))
      .catch((err: unknown) => {
        // Only an ended session is worth interrupting the agent for; a missed poll retries in a minute.
        if (err instanceof ApiError && err.status === 401) ctx.fail(err);
      });
  }
  const poll = setInterval(pollBadge, BADGE_POLL_MS);

  return {
    nav: () => nav?.element ?? el('nav'),
    mount(nextInbox) {
      inbox = nextInbox;
      built = {};
      nav = createNav(ctx.role, { select: open });
      nav.setDue(due); // the last count until the next poll answers
      open(current);
      pollBadge();
      return host;
    },
    open,
    stop: () => clearInterval(poll),
  };
}

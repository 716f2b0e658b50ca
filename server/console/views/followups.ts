/**
 * The Follow-ups page: reminders to check back with shoppers after a complaint was resolved,
 * pending first (due and overdue highlighted, oldest due on top) with "Mark done" and "Open",
 * then the done ones. Reports the number due to the header badge after every load.
 *
 * @example
 *   const page = createFollowupsPage(ctx, { open, due: nav.setDue }); page.show();
 */
import { el } from '../../../widget/dom';
import { t } from '../i18n';
import { dueCount, splitFollowups, type FollowupState } from '../followups-view-model';
import { getFollowups, markFollowupDone, type Followup } from '../ops-api';
import { intentLabel, localTime, section, type OpsContext, type Page } from './ops-common';

export interface FollowupsHandlers {
  /** Opens the conversation in the Inbox. */
  open(conversationId: string): void;
  /** The number of pending follow-ups that are due, for the header badge. */
  due(count: number): void;
}

function item(f: Followup, state: FollowupState, actions: HTMLElement[]): HTMLElement {
  return el('li', { class: `card followup ${state}` }, [
    el('div', { class: 'card-head' }, [
      el('span', { class: `state ${state}` }, t(`followup_${state}`)),
      el('time', { datetime: f.dueAt }, t('dueAt', { time: localTime(f.dueAt) })),
      el('span', { class: 'intent' }, intentLabel(f.intent)),
    ]),
    el('p', { class: 'preview' }, f.preview),
    el('div', { class: 'card-foot' }, [el('span', { class: 'status' }, f.conversationId), ...actions]),
  ]);
}

export function createFollowupsPage(ctx: OpsContext, on: FollowupsHandlers): Page & { refresh(): Promise<void> } {
  const pendingList = el('ul', { class: 'queue-list' });
  const doneList = el('ul', { class: 'queue-list' });
  const element = el('main', { class: 'page followups' }, [
    el('h1', {}, t('followupsTitle')),
    section(t('followupsPending'), [pendingList]),
    section(t('followupsDone'), [doneList]),
  ]);

  function button(label: string, cls: string, act: (b: HTMLButtonElement) => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', () => act(b));
    return b;
  }

  function render(list: readonly Followup[]): void {
    const now = Date.now();
    const { pending, done } = splitFollowups(list, now);
    on.due(dueCount(list, now));
    const actions = (f: Followup) => [
      button(t('open'), '', () => on.open(f.conversationId)),
      button(t('markDone'), 'primary', (b) => {
        b.disabled = true;
        markFollowupDone(ctx.token, f.id)
          .then(refresh)
          .catch((err: unknown) => {
            b.disabled = false;
            ctx.fail(err);
          });
      }),
    ];
    pendingList.replaceChildren(...(pending.length ? pending.map((f) => item(f, f.state, actions(f))) : [el('li', { class: 'muted' }, t('followupsEmpty'))]));
    doneList.replaceChildren(...(done.length ? done.map((f) => item(f, 'done', [])) : [el('li', { class: 'muted' }, t('followupsNoneDone'))]));
  }

  async function refresh(): Promise<void> {
    render(await getFollowups(ctx.token));
  }

  return { element, refresh, show: () => void refresh().catch(ctx.fail) };
}

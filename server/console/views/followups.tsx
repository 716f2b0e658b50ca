/**
 * The Follow-ups page: reminders to check back with shoppers after a complaint was resolved,
 * pending first (due and overdue highlighted, oldest due on top) with "Mark done" and "Open",
 * then the done ones. Reports the number due to the header badge after every load.
 *
 * @example
 *   <FollowupsPage ctx={ctx} open={openConversation} due={setDue} />
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { dueCount, splitFollowups, type FollowupState } from '../followups-view-model';
import { t } from '../i18n';
import type { Followup } from '../../protocol';
import { getFollowups, markFollowupDone } from '../ops-api';
import { intentLabel, localTime, Section, type OpsContext } from './ops-common';

export interface FollowupsProps {
  ctx: OpsContext;
  /** Opens the conversation in the Inbox. */
  open(conversationId: string): void;
  /** The number of pending follow-ups that are due, for the header badge. */
  due(count: number): void;
}

function Item({ f, state, children }: { f: Followup; state: FollowupState; children?: ComponentChildren }) {
  return (
    <li class={`card followup ${state}`}>
      <div class="card-head">
        <span class={`state ${state}`}>{t(`followup_${state}`)}</span>
        <time datetime={f.dueAt}>{t('dueAt', { time: localTime(f.dueAt) })}</time>
        <span class="intent">{intentLabel(f.intent)}</span>
      </div>
      <p class="preview">{f.preview}</p>
      <div class="card-foot">
        <span class="status">{f.conversationId}</span>
        {children}
      </div>
    </li>
  );
}

function MarkDone({ ctx, f, done }: { ctx: OpsContext; f: Followup; done(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const click = () => {
    setBusy(true);
    markFollowupDone(ctx.token, f.id)
      .then(done)
      .catch((err: unknown) => {
        setBusy(false);
        ctx.fail(err);
      });
  };
  return <button type="button" class="primary" disabled={busy} onClick={click}>{t('markDone')}</button>;
}

export function FollowupsPage({ ctx, open, due }: FollowupsProps) {
  const [list, setList] = useState<readonly Followup[]>([]);
  const refresh = async () => {
    const next = await getFollowups(ctx.token);
    due(dueCount(next, Date.now()));
    setList(next);
  };
  useEffect(() => void refresh().catch(ctx.fail), []);
  const { pending, done } = splitFollowups(list, Date.now());
  return (
    <main class="page followups">
      <h1>{t('followupsTitle')}</h1>
      <Section title={t('followupsPending')}>
        <ul class="queue-list">
          {pending.length ? (
            pending.map((f) => (
              <Item key={f.id} f={f} state={f.state}>
                <button type="button" onClick={() => open(f.conversationId)}>{t('open')}</button>
                <MarkDone ctx={ctx} f={f} done={refresh} />
              </Item>
            ))
          ) : (
            <li class="muted">{t('followupsEmpty')}</li>
          )}
        </ul>
      </Section>
      <Section title={t('followupsDone')}>
        <ul class="queue-list">{done.length ? done.map((f) => <Item key={f.id} f={f} state="done" />) : <li class="muted">{t('followupsNoneDone')}</li>}</ul>
      </Section>
    </main>
  );
}

/**
 * The right column for one open conversation: summary on top, the transcript, "the shopper is
 * typing", then the composer. The reply text lives here (and in the workspace's drafts), so a
 * switch of language or page keeps it. Canned replies get the facts the summary already knows.
 *
 * @example
 *   <ConversationPane key={c.id} conversation={c} notes={notes} draft={draft} on={handlers} agentName="Mia" emailEnabled={false} shopperTyping={false} />
 */
import { useRef, useState } from 'preact/hooks';
import type { ConversationView } from '../../protocol';
import type { CannedFacts } from '../canned-replies';
import { t } from '../i18n';
import { readSummary } from '../summary-view-model';
import type { Note } from '../transcript-timeline';
import type { ComposerHandlers } from '../workspace';
import { Composer } from './composer-view';
import { Summary } from './summary-view';
import { Transcript } from './transcript-view';

export interface PaneProps {
  conversation: ConversationView;
  notes: readonly Note[];
  draft: string;
  on: ComposerHandlers;
  agentName: string;
  emailEnabled: boolean | null;
  shopperTyping: boolean;
}

export function EmptyPane() {
  return (
    <section class="conversation empty">
      <p>{t('noConversation')}</p>
    </section>
  );
}

/** What canned replies may fill in: never ask the shopper for what the case already shows. */
export function cannedFacts(conversation: ConversationView, agentName: string): CannedFacts {
  const s = readSummary(conversation.summary, conversation.triage);
  const reasons = [...s.reasons, ...(conversation.triage?.reasons ?? [])];
  const facts: CannedFacts = {
    intent: s.intent ?? conversation.triage?.intent ?? 'other',
    safety: reasons.some((reason) => reason.startsWith('safety:')),
    agentName,
  };
  // The reply language is the conversation's (server: i18n/languages.ts), else the last message's.
  facts.language = conversation.customer.language ?? conversation.triage?.language;
  const orderId = s.order?.orderId ?? s.orderIds[0];
  if (orderId) facts.orderId = orderId;
  if (s.order?.carrier) facts.carrier = s.order.carrier;
  if (s.order?.trackingNumber) facts.trackingNumber = s.order.trackingNumber;
  if (s.order?.estimatedDelivery) facts.date = s.order.estimatedDelivery;
  if (s.order?.total) facts.amount = s.order.total;
  return facts;
}

export function ConversationPane({ conversation: c, notes, draft, on, agentName, emailEnabled, shopperTyping }: PaneProps) {
  const [text, setText] = useState(draft);
  const input = useRef<HTMLTextAreaElement>(null);
  const resolved = c.status === 'resolved';
  const write = (next: string) => {
    setText(next);
    on.draft(next);
  };
  const insert = (line: string) => {
    write(text.trim() ? `${text.trimEnd()} ${line}` : line);
    input.current?.focus();
  };
  return (
    <section class="conversation" aria-label={c.id}>
      <Summary conversation={c} emailEnabled={emailEnabled} useLine={insert} />
      <Transcript messages={c.messages} notes={notes} />
      <p class="typing" aria-live="polite">{shopperTyping ? t('shopperTyping') : ''}</p>
      <p class="resolved" role="status">{resolved ? t('conversationResolved') : ''}</p>
      <Composer facts={cannedFacts(c, agentName)} text={text} setText={write} insert={insert} inputRef={input} disabled={resolved} on={on} />
    </section>
  );
}

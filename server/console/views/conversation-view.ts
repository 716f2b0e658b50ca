/**
 * The right column for one open conversation: summary on top, the transcript, then the
 * composer. `update()` refreshes summary and transcript in place and leaves the composer (and
 * the agent's half-written reply) alone. Canned replies get the facts the summary already knows.
 *
 * @example
 *   const pane = createConversationView(conversation, notes, draft, composerHandlers, { agentName: 'Mia', emailEnabled: false });
 *   pane.update(nextConversation, notes);
 */
import { el } from '../../../widget/dom';
import type { ConversationView } from '../../protocol';
import type { CannedFacts } from '../canned-replies';
import { t } from '../i18n';
import { readSummary } from '../summary-view-model';
import { createComposer, type ComposerHandlers } from './composer-view';
import { summaryView } from './summary-view';
import { createTranscript, type Note } from './transcript-view';

export interface ConversationPane {
  element: HTMLElement;
  update(conversation: ConversationView, notes: readonly Note[]): void;
  /** Call once the pane is in the document: the transcript opens at the newest message. */
  attached(): void;
  /** Shows or hides "the shopper is typing" under the transcript. */
  shopperTyping(typing: boolean): void;
}

export interface PaneContext {
  agentName: string;
  emailEnabled: boolean | null;
}

/** A lost "stopped typing" (the shopper closed the tab) must not leave the line up for good. */
const TYPING_HINT_MS = 8000;

export function emptyConversationView(): HTMLElement {
  return el('section', { class: 'conversation empty' }, [el('p', {}, t('noConversation'))]);
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
  const language = (conversation.customer as { language?: unknown } | null)?.language;
  facts.language = typeof language === 'string' ? language : conversation.triage?.language;
  const orderId = s.order?.orderId ?? s.orderIds[0];
  if (orderId) facts.orderId = orderId;
  if (s.order?.carrier) facts.carrier = s.order.carrier;
  if (s.order?.trackingNumber) facts.trackingNumber = s.order.trackingNumber;
  if (s.order?.estimatedDelivery) facts.date = s.order.estimatedDelivery;
  if (s.order?.total) facts.amount = s.order.total;
  return facts;
}

export function createConversationView(
  conversation: ConversationView,
  notes: readonly Note[],
  draft: string,
  on: ComposerHandlers,
  context: PaneContext = { agentName: '', emailEnabled: null },
): ConversationPane {
  const transcript = createTranscript();
  const composer = createComposer(cannedFacts(conversation, context.agentName), draft, on);
  const resolved = el('p', { class: 'resolved', role: 'status' });
  const summaryOf = (c: ConversationView) => summaryView(c, { emailEnabled: context.emailEnabled, useLine: composer.insert });
  let summary = summaryOf(conversation);
  const typingLine = el('p', { class: 'typing', 'aria-live': 'polite' });
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const element = el('section', { class: 'conversation', 'aria-label': conversation.id }, [summary, transcript.element, typingLine, resolved, composer.element]);

  const update = (c: ConversationView, n: readonly Note[]) => {
    const next = summaryOf(c);
    summary.replaceWith(next);
    summary = next;
    transcript.render(c.messages, n);
    if (c.status === 'resolved') {
      resolved.textContent = t('conversationResolved');
      composer.disable();
    }
  };
  const shopperTyping = (typing: boolean) => {
    clearTimeout(typingTimer);
    typingLine.textContent = typing ? t('shopperTyping') : '';
    if (typing) typingTimer = setTimeout(() => shopperTyping(false), TYPING_HINT_MS);
  };
  update(conversation, notes);
  return { element, update, attached: transcript.scrollToEnd, shopperTyping };
}

/**
 * The right column for one open conversation: summary on top, the transcript, then the
 * composer. `update()` refreshes summary and transcript in place and leaves the composer (and
 * the agent's half-written reply) alone.
 *
 * @example
 *   const pane = createConversationView(conversation, notes, draft, composerHandlers);
 *   pane.update(nextConversation, notes);
 */
import { el } from '../../../widget/dom';
import type { ConversationView } from '../../protocol';
import { t } from '../i18n';
import { createComposer, type ComposerHandlers } from './composer-view';
import { summaryView } from './summary-view';
import { createTranscript, type Note } from './transcript-view';

export interface ConversationPane {
  element: HTMLElement;
  update(conversation: ConversationView, notes: readonly Note[]): void;
}

export function emptyConversationView(): HTMLElement {
  return el('section', { class: 'conversation empty' }, [el('p', {}, t('noConversation'))]);
}

export function createConversationView(
  conversation: ConversationView,
  notes: readonly Note[],
  draft: string,
  on: ComposerHandlers,
): ConversationPane {
  const transcript = createTranscript();
  const composer = createComposer(conversation.triage?.intent ?? null, draft, on);
  const resolved = el('p', { class: 'resolved', role: 'status' });
  let summary = summaryView(conversation);
  const element = el('section', { class: 'conversation', 'aria-label': conversation.id }, [summary, transcript.element, resolved, composer.element]);

  const update = (c: ConversationView, n: readonly Note[]) => {
    const next = summaryView(c);
    summary.replaceWith(next);
    summary = next;
    transcript.render(c.messages, n);
    if (c.status === 'resolved') {
      resolved.textContent = t('conversationResolved');
      composer.disable();
    }
  };
  update(conversation, notes);
  return { element, update };
}

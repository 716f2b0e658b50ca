/**
 * The composer: a textarea labelled "Reply", AER canned replies for the conversation's intent,
 * the AER coach live under the textarea (a first Send with problems only shows them; the button
 * becomes "Send anyway"), the "Internal note" toggle, typing signals, Transfer and Resolve.
 *
 * @example
 *   const composer = createComposer('refund', draft, handlers); pane.append(composer.element);
 */
import { el, setText } from '../../../widget/dom';
import { coach, type AerProblem } from '../aer-coach';
import { cannedFor, type CannedFacts } from '../canned-replies';
import { t } from '../i18n';

export interface ComposerHandlers {
  /** Resolves true when the server accepted it (the draft is then cleared). */
  send(text: string, mode: 'reply' | 'note'): Promise<boolean>;
  typing(on: boolean): void;
  draft(text: string): void;
  transfer(): void;
  resolve(): void;
}

/** After this much quiet the shopper stops seeing "typing…". */
const TYPING_IDLE_MS = 3000;

const problemText = (p: AerProblem): string => t(`aer_${p.kind}`, { phrase: p.phrase ?? '' });

function cannedSelect(facts: CannedFacts, insert: (text: string) => void): HTMLElement {
  const replies = cannedFor(facts);
  const select = el('select', { id: 'canned' }, [
    el('option', { value: '' }, t('cannedPick')),
    ...replies.map((r, i) => el('option', { value: String(i) }, t(r.label))),
  ]);
  select.addEventListener('change', () => {
    const reply = replies[Number(select.value)];
    if (select.value !== '' && reply) insert(reply.text);
    select.value = '';
  });
  return el('span', { class: 'canned' }, [el('label', { for: 'canned' }, t('cannedReplies')), select]);
}

export function createComposer(facts: CannedFacts, draft: string, on: ComposerHandlers): { element: HTMLElement; disable(): void; insert(text: string): void } {
  const input = el('textarea', { id: 'reply', rows: '4', maxlength: '2000' });
  input.value = draft;
  const noteToggle = el('input', { id: 'note-mode', type: 'checkbox' });
  const warnings = el('ul', { class: 'coach', 'aria-live': 'polite' });
  const confirm = el('p', { class: 'confirm', role: 'alert' });
  const send = el('button', { type: 'submit', class: 'primary' }, t('send'));
  const transfer = el('button', { type: 'button' }, t('transfer'));
  const resolve = el('button', { type: 'button' }, t('resolve'));
  let armed = false; // true after a Send that showed problems: the next Send goes through
  let typingOn = false;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const isNote = () => noteToggle.checked;
  const setTyping = (value: boolean) => {
    clearTimeout(idle);
    if (typingOn === value) return;
    typingOn = value;
    on.typing(value);
  };
  const refresh = () => {
    // Notes never reach the shopper, so the AER rule does not apply to them.
    const problems = isNote() ? [] : coach(input.value).problems;
    warnings.replaceChildren(...problems.map((p) => el('li', { class: p.kind }, problemText(p))));
    armed = false;
    setText(confirm, '');
    setText(send, t(isNote() ? 'addNote' : 'send'));
    input.placeholder = isNote() ? t('notePlaceholder') : '';
    element.classList.toggle('note-mode', isNote());
    return problems;
  };
  const insert = (text: string) => {
    input.value = input.value.trim() ? `${input.value.trimEnd()} ${text}` : text;
    on.draft(input.value);
    refresh();
    input.focus();
  };

  const element = el('form', { class: 'composer' }, [
    el('div', { class: 'composer-tools' }, [
      cannedSelect(facts, insert),
      el('span', { class: 'toggle' }, [noteToggle, el('label', { for: 'note-mode' }, t('internalNote'))]),
    ]),
    el('label', { for: 'reply' }, t('reply')),
    input,
    warnings,
    confirm,
    el('div', { class: 'composer-actions' }, [send, transfer, resolve]),
  ]);

  element.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const wasArmed = armed;
    const problems = refresh();
    if (problems.length > 0 && !wasArmed) {
      armed = true;
      setText(send, t('sendAnyway'));
      setText(confirm, t('aerConfirm'));
      return;
    }
    setTyping(false);
    send.disabled = true;
    void on.send(text, isNote() ? 'note' : 'reply').then((ok) => {
      send.disabled = false;
      if (!ok) return;
      input.value = '';
      on.draft('');
      refresh();
    });
  });
  // Enter is a newline (replies are often several lines); Ctrl/Cmd+Enter sends.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) element.requestSubmit();
  });
  input.addEventListener('input', () => {
    on.draft(input.value);
    refresh();
    if (isNote()) return; // writing a note must not show the shopper "agent is typing"
    setTyping(true);
    idle = setTimeout(() => setTyping(false), TYPING_IDLE_MS);
  });
  input.addEventListener('blur', () => setTyping(false));
  noteToggle.addEventListener('change', () => {
    if (isNote()) setTyping(false);
    refresh();
  });
  transfer.addEventListener('click', on.transfer);
  resolve.addEventListener('click', on.resolve);
  refresh();

  const disable = () => {
    setTyping(false);
    for (const c of element.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLTextAreaElement | HTMLSelectElement>('input,button,textarea,select')) c.disabled = true;
  };
  return { element, disable, insert };
}

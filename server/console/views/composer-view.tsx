/**
 * The composer: a textarea labelled "Reply", AER canned replies for the conversation's intent,
 * the AER coach live under the textarea (a first Send with problems only shows them; the button
 * becomes "Send anyway"), the "Internal note" toggle, typing signals, Transfer and Resolve.
 * The text itself is the pane's state, so the summary's "Use this line" can add to it.
 *
 * @example
 *   <Composer facts={facts} text={text} setText={setText} inputRef={ref} disabled={false} on={handlers} />
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { coach, type AerProblem } from '../aer-coach';
import { cannedFor, type CannedFacts } from '../canned-replies';
import { t } from '../i18n';
import type { ComposerHandlers } from '../workspace';

export interface ComposerProps {
  facts: CannedFacts;
  text: string;
  /** Sets the reply text (and the kept draft). */
  setText(text: string): void;
  /** Inserts a canned reply or the summary's first line. */
  insert(text: string): void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** A resolved conversation: every control is disabled. */
  disabled: boolean;
  on: ComposerHandlers;
}

/** After this much quiet the shopper stops seeing "typing…". */
const TYPING_IDLE_MS = 3000;

const problemText = (p: AerProblem): string => t(`aer_${p.kind}`, { phrase: p.phrase ?? '' });

function CannedSelect({ facts, insert, disabled }: Pick<ComposerProps, 'facts' | 'insert' | 'disabled'>) {
  const replies = cannedFor(facts);
  const pick = (e: { currentTarget: HTMLSelectElement }) => {
    const reply = replies[Number(e.currentTarget.value)];
    if (e.currentTarget.value !== '' && reply) insert(reply.text);
    e.currentTarget.value = '';
  };
  return (
    <span class="canned">
      <label for="canned">{t('cannedReplies')}</label>
      <select id="canned" value="" disabled={disabled} onChange={pick}>
        <option value="">{t('cannedPick')}</option>
        {replies.map((r, i) => <option value={String(i)}>{t(r.label)}</option>)}
      </select>
    </span>
  );
}

/** Ctrl/Cmd+Enter submits the textarea's form; Enter alone is a newline (replies are often several lines). */
export const submitOnCtrlEnter = (e: KeyboardEvent & { currentTarget: HTMLTextAreaElement }) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) e.currentTarget.form?.requestSubmit();
};

/** The typing signal: on while writing, off after a pause, on blur, on send and when done. */
function useTypingSignal(on: ComposerHandlers) {
  const state = useRef({ on: false, idle: undefined as ReturnType<typeof setTimeout> | undefined });
  const set = (value: boolean) => {
    clearTimeout(state.current.idle);
    if (state.current.on === value) return;
    state.current.on = value;
    on.typing(value);
  };
  const touch = () => {
    set(true);
    state.current.idle = setTimeout(() => set(false), TYPING_IDLE_MS);
  };
  return { set, touch };
}

export function Composer({ facts, text, setText, insert, inputRef, disabled, on }: ComposerProps) {
  const [note, setNote] = useState(false);
  const [armed, setArmed] = useState(false); // true after a Send that showed problems: the next Send goes through
  const [sending, setSending] = useState(false);
  const typing = useTypingSignal(on);
  // Notes never reach the shopper, so the AER rule does not apply to them.
  const problems = note ? [] : coach(text).problems;
  // Any edit or mode switch disarms "Send anyway".
  useEffect(() => setArmed(false), [text, note]);
  useEffect(() => void (disabled && typing.set(false)), [disabled]);

  const submit = (e: Event) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    if (problems.length > 0 && !armed) return setArmed(true);
    typing.set(false);
    setSending(true);
    void on.send(body, note ? 'note' : 'reply').then((ok) => {
      setSending(false);
      if (ok) setText('');
    });
  };

  const toggleNote = (e: { currentTarget: HTMLInputElement }) => {
    if (e.currentTarget.checked) typing.set(false);
    setNote(e.currentTarget.checked);
  };
  const input = (e: { currentTarget: HTMLTextAreaElement }) => {
    setText(e.currentTarget.value);
    if (!note) typing.touch(); // writing a note must not show the shopper "agent is typing"
  };
  return (
    <form class={note ? 'composer note-mode' : 'composer'} onSubmit={submit}>
      <div class="composer-tools">
        <CannedSelect facts={facts} insert={insert} disabled={disabled} />
        <span class="toggle">
          <input id="note-mode" type="checkbox" checked={note} disabled={disabled} onChange={toggleNote} />
          <label for="note-mode">{t('internalNote')}</label>
        </span>
      </div>
      <label for="reply">{t('reply')}</label>
      <textarea ref={inputRef} id="reply" rows={4} maxlength={2000} value={text} disabled={disabled} placeholder={note ? t('notePlaceholder') : ''}
        onInput={input} onKeyDown={submitOnCtrlEnter} onBlur={() => typing.set(false)} />
      <ul class="coach" aria-live="polite">{problems.map((p) => <li class={p.kind}>{problemText(p)}</li>)}</ul>
      <p class="confirm" role="alert">{armed ? t('aerConfirm') : ''}</p>
      <div class="composer-actions">
        <button type="submit" class="primary" disabled={disabled || sending}>{t(armed ? 'sendAnyway' : note ? 'addNote' : 'send')}</button>
        <button type="button" disabled={disabled} onClick={on.transfer}>{t('transfer')}</button>
        <button type="button" disabled={disabled} onClick={on.resolve}>{t('resolve')}</button>
      </div>
    </form>
  );
}

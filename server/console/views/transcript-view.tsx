/**
 * The whole transcript: customer, bot, agent and system messages by `seq`, with this agent's
 * internal notes interleaved by time and styled apart. Text renders as text, links as safe `<a>`
 * (widget/links.ts). The log follows new messages while the agent is at the end; an agent
 * reading back stays put and gets a "new messages" cue instead.
 *
 * @example
 *   <Transcript messages={conversation.messages} notes={notes} />
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { splitLinks } from '../../../widget/links';
import type { ChatMessage } from '../../protocol';
import { clockTime, t } from '../i18n';
import { timeline, type Note } from '../transcript-timeline';

/** Within this many pixels of the end the agent counts as following along. */
const NEAR_END_PX = 40;

const time = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : clockTime(d);
};

/** The assistant is named in the console's language; a person by their own name. */
const authorOf = (message: ChatMessage): string =>
  message.from === 'bot' ? t('assistantName') : (message.author?.name ?? t(`from_${message.from}`));

// Plain elements, not <li>: inside role="log" a list item would lose its list (axe: listitem).
function Bubble({ cls, author, at, text }: { cls: string; author: string; at: string; text: string }) {
  return (
    <div class={`msg ${cls}`}>
      <span class="meta">
        <strong>{author}</strong>
        <time datetime={at}>{time(at)}</time>
      </span>
      <p class="text">{splitLinks(text).map((part) => (part.href ? <a href={part.href} target="_blank" rel="noopener noreferrer">{part.text}</a> : part.text))}</p>
    </div>
  );
}

export function Transcript({ messages, notes }: { messages: readonly ChatMessage[]; notes: readonly Note[] }) {
  const log = useRef<HTMLDivElement>(null);
  const count = useRef(0);
  const [cue, setCue] = useState(false);
  const items = timeline(messages, notes);
  const atEnd = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX;
  // Read before this render changes the log: was the agent following along? (A new pane opens at the end.)
  const following = log.current ? atEnd(log.current) : true;
  const scrollToEnd = () => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
    setCue(false);
  };
  useLayoutEffect(() => {
    const grew = items.length > count.current;
    count.current = items.length;
    if (following) scrollToEnd();
    else if (grew) setCue(true);
  });
  return (
    <section class="transcript">
      <h2 id="transcript-title" class="sr">{t('transcript')}</h2>
      <div ref={log} class="log" role="log" aria-labelledby="transcript-title" tabindex={0} onScroll={(e) => atEnd(e.currentTarget) && setCue(false)}>
        {items.map((i) => (i.kind === 'note'
          ? <Bubble key={`n${i.note.id}`} cls="note" author={t('from_note')} at={i.note.at} text={i.note.text} />
          : <Bubble key={i.message.id} cls={i.message.from} author={authorOf(i.message)} at={i.message.at} text={i.message.text} />))}
      </div>
      <button type="button" class="cue" hidden={!cue} onClick={() => { scrollToEnd(); log.current?.focus(); }}>{t('newMessages')}</button>
    </section>
  );
}

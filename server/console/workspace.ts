/**
 * The signed-in console's controller: owns the socket, the live queue, the open conversation,
 * notes, drafts and the follow-up badge poll, and writes them into the store. Views never touch
 * the socket; this file never touches the DOM.
 *
 * @example
 *   const ws = startWorkspace(session, { expired });
 *   ws.claim('c_1'); ws.stop(); // closes the socket and the timers
 */
import type { ChatMessage, ConversationView, QueueEntry } from '../protocol';
import { alertCritical } from './alerts';
import { ApiError, getConversation, type Session } from './api';
import { connectAgent, type TimeoutAck } from './connection';
import { dueCount } from './followups-view-model';
import { t } from './i18n';
import { emailStatus, getFollowups } from './ops-api';
import { pagesFor, type PageName } from './pages';
import { applyQueueUpdate } from './queue-view-model';
import { getState, update } from './store';

export interface ComposerHandlers {
  /** Resolves true when the server accepted it (the draft is then cleared). */
  send(text: string, mode: 'reply' | 'note'): Promise<boolean>;
  typing(on: boolean): void;
  draft(text: string): void;
  transfer(): void;
  resolve(): void;
}

export interface Workspace {
  claim(conversationId: string): void;
  reopen(conversationId: string): void;
  /** Opens a page; a role without it (an agent and Intents) gets the Inbox. */
  openPage(page: PageName): void;
  /** From the Follow-ups page: back to the Inbox with that conversation open. */
  openConversation(conversationId: string): void;
  draftOf(conversationId: string): string;
  composer(conversationId: string): ComposerHandlers;
  /** Shows a failed REST call: a 401 ends the session, anything else becomes a notice. */
  fail(err: unknown): void;
  flash(text: string): void;
  setDue(count: number): void;
  stop(): void;
}

const NOTICE_MS = 6000;
/** A lost "stopped typing" (the shopper closed the tab) must not leave the line up for good. */
const TYPING_HINT_MS = 8000;
/** Follow-ups fall due by the clock, not by an event: look once a minute. */
const BADGE_POLL_MS = 60_000;

/** Random hex, via getRandomValues: `randomUUID` is missing on plain-http intranet hosts. */
const newClientId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export function startWorkspace(session: Session, on: { expired(): void }): Workspace {
  const token = session.token;
  const drafts = new Map<string, string>();
  const seenCritical = new Set<string>();
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  update({ session, online: false, queue: [], open: null, notes: new Map(), page: 'inbox', notice: '' });

  const conn = connectAgent(token, { onUnauthorized: () => on.expired(), onStatus: (online) => update({ online }) });

  function fail(err: unknown): void {
    if (err instanceof ApiError && err.status === 401) on.expired();
    else flash(err instanceof ApiError ? t('error', { message: err.message }) : t('networkError'));
  }
  function flash(notice: string): void {
    clearTimeout(noticeTimer);
    update({ notice });
    noticeTimer = setTimeout(() => update({ notice: '' }), NOTICE_MS);
  }
  const failed = (ack: { error: { message: string } } | TimeoutAck) =>
    flash('code' in ack.error && ack.error.code === 'timeout' ? t('timeout') : t('error', { message: ack.error.message }));

  const notesOf = (id: string) => getState().notes.get(id) ?? [];
  const setNotes = (id: string, list: ReturnType<typeof notesOf>) => update({ notes: new Map(getState().notes).set(id, list) });

  function show(conversation: ConversationView): void {
    const local = notesOf(conversation.id).filter((n) => !conversation.notes.some((s) => s.id === n.id));
    setNotes(conversation.id, [...conversation.notes, ...local]);
    if (getState().open?.id !== conversation.id) update({ shopperTyping: false });
    update({ open: conversation });
  }
  const isOpen = (id: string) => getState().open?.id === id;

  function addMessage(message: ChatMessage): void {
    const open = getState().open;
    if (!open || open.id !== message.conversationId || open.messages.some((m) => m.id === message.id)) return;
    show({ ...open, messages: [...open.messages, message] });
  }

  async function claim(conversationId: string): Promise<void> {
    const ack = await conn.claim(conversationId);
    if (ack.ok) show(ack.conversation);
    else if (ack.error.code === 'already_claimed') flash(t('alreadyClaimed'));
    else failed(ack);
  }
  const reopen = (conversationId: string) => void getConversation(token, conversationId).then(show, fail);

  function composer(conversationId: string): ComposerHandlers {
    return {
      draft: (text) => void drafts.set(conversationId, text),
      typing: (typing) => void conn.typing(conversationId, typing),
      async send(text, mode) {
        if (mode === 'note') {
          const ack = await conn.note(conversationId, text);
          if (!ack.ok) {
            failed(ack);
            return false;
          }
          // The server's `conversation` event may have brought the note before this ack did.
          const known = notesOf(conversationId);
          if (!known.some((n) => n.id === ack.note.id)) setNotes(conversationId, [...known, ack.note]);
          return true;
        }
        const ack = await conn.reply({ conversationId, clientId: newClientId(), text });
        if (!ack.ok) {
          failed(ack);
          return false;
        }
        addMessage(ack.message);
        return true;
      },
      transfer() {
        void conn.transfer(conversationId).then((ack) => {
          if (!ack.ok) return failed(ack);
          if (isOpen(conversationId)) update({ open: null });
        });
      },
      resolve() {
        void conn.resolve(conversationId).then((ack) => {
          const open = getState().open;
          if (!ack.ok) return failed(ack);
          if (open?.id === conversationId) show({ ...open, status: 'resolved' });
        });
      },
    };
  }

  // The whole queue on connect, then only changes (README: "Queue events").
  const onQueue = (queue: QueueEntry[]) => {
    for (const e of queue) {
      if (e.urgency !== 'critical' || e.status !== 'queued' || seenCritical.has(e.conversationId)) continue;
      seenCritical.add(e.conversationId);
      alertCritical(t('criticalTitle'), e.preview);
    }
    update({ queue });
  };
  conn.socket.on('queue', onQueue);
  conn.socket.on('queue:update', (change) => onQueue(applyQueueUpdate(getState().queue, change)));
  conn.socket.on('message', addMessage);
  conn.socket.on('conversation', (c) => isOpen(c.id) && show(c));
  conn.socket.on('typing', ({ conversationId, typing }) => {
    if (!isOpen(conversationId)) return;
    clearTimeout(typingTimer);
    update({ shopperTyping: typing });
    if (typing) typingTimer = setTimeout(() => update({ shopperTyping: false }), TYPING_HINT_MS);
  });

  emailStatus(token).then(({ enabled }) => update({ emailEnabled: enabled }), () => undefined);

  const setDue = (due: number) => update({ due });
  function pollBadge(): void {
    getFollowups(token).then(
      (list) => setDue(dueCount(list, Date.now())),
      // Only an ended session is worth interrupting the agent for; a missed poll retries in a minute.
      (err: unknown) => err instanceof ApiError && err.status === 401 && fail(err),
    );
  }
  pollBadge();
  const poll = setInterval(pollBadge, BADGE_POLL_MS);
  const openPage = (page: PageName) => update({ page: pagesFor(session.agent.role).includes(page) ? page : 'inbox' });

  return {
    claim: (id) => void claim(id).catch(fail), // a click cannot await: a failed claim shows the notice
    reopen,
    openPage,
    openConversation(id) {
      openPage('inbox');
      reopen(id);
    },
    draftOf: (id) => drafts.get(id) ?? '',
    composer,
    fail,
    flash,
    setDue,
    stop() {
      clearInterval(poll);
      clearTimeout(noticeTimer);
      clearTimeout(typingTimer);
      conn.close();
    },
  };
}

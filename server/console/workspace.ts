/**
 * The signed-in console: owns the socket, the live queue, the open conversation, local notes
 * and drafts, and wires them to the views. Views never touch the socket; this file never
 * builds markup beyond the two-column frame.
 *
 * @example
 *   const ws = startWorkspace(root, session, { signOut, expired });
 *   ws.stop(); // closes the socket and the timers
 */
import { el, setText } from '../../widget/dom';
import type { ChatMessage, ConversationView, QueueEntry } from '../protocol';
import { alertCritical } from './alerts';
import { ApiError, call, getConversation, type Session } from './api';
import { connectAgent, type TimeoutAck } from './connection';
import { t, type Lang } from './i18n';
import { createConversationView, emptyConversationView, type ConversationPane } from './views/conversation-view';
import { createPages } from './pages';
import { headerView } from './views/header-view';
import { applyQueueUpdate } from './queue-view-model';
import { createQueueView } from './views/queue-view';
import type { Note } from './views/transcript-view';

export interface Workspace {
  stop(): void;
}

export interface WorkspaceHandlers {
  signOut(): void;
  /** The server no longer accepts the token. */
  expired(): void;
  /** Stores the choice; the workspace then rebuilds itself in the new language. */
  changeLang(lang: Lang): void;
}

const NOTICE_MS = 6000;

/** Random hex, via getRandomValues: `randomUUID` is missing on plain-http intranet hosts. */
const newClientId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export function startWorkspace(root: HTMLElement, session: Session, on: WorkspaceHandlers): Workspace {
  const me = session.agent;
  let online = false;
  let queueEntries: QueueEntry[] = [];
  let open: ConversationView | null = null;
  const notes = new Map<string, Note[]>();
  /** Whether replies a shopper misses are emailed (SMTP_URL); the summary says so when not. */
  let emailEnabled: boolean | null = null;
  call<{ enabled: boolean }>('/api/email-status', { method: 'GET' }, session.token)
    .then((status) => {
      emailEnabled = status.enabled;
      if (open) renderPane();
    })
    .catch(() => undefined);
  const drafts = new Map<string, string>();
  const seenCritical = new Set<string>();
  const notice = el('p', { class: 'notice', role: 'status' });
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  let pane: ConversationPane | null = null;
  const right = el('div', { class: 'right' });
  // A click cannot await: a failed claim (an ack timeout) shows the notice instead of vanishing.
  const queueActions = { claim: (id: string) => void claim(id).catch(fail), open: (id: string) => void reopen(id) };
  let queueView = createQueueView(queueActions, me.languages ?? []);
  let header: HTMLElement = el('header');
  const pages = createPages({ token: session.token, role: me.role, fail, flash }, { openConversation: (id) => void reopen(id) });

  const conn = connectAgent(session.token, {
    onUnauthorized: () => on.expired(),
    onStatus: (value) => {
      online = value;
      renderHeader();
    },
  });

  /** A failed REST call: an ended session goes back to sign-in, anything else is a notice. */
  function fail(err: unknown): void {
    if (err instanceof ApiError && err.status === 401) on.expired();
    else flash(err instanceof ApiError ? t('error', { message: err.message }) : t('networkError'));
  }

  function flash(text: string): void {
    clearTimeout(noticeTimer);
    setText(notice, text);
    noticeTimer = setTimeout(() => setText(notice, ''), NOTICE_MS);
  }
  const failed = (ack: { error: { message: string } } | TimeoutAck) =>
    flash('code' in ack.error && ack.error.code === 'timeout' ? t('timeout') : t('error', { message: ack.error.message }));

  const notesOf = (id: string): Note[] => notes.get(id) ?? [];
  const renderQueue = () => queueView.render(queueEntries, me.id, open?.id ?? null);
  const renderPane = () => {
    pane = open ? createConversationView(open, notesOf(open.id), drafts.get(open.id) ?? '', composerHandlers(open.id), { agentName: me.name, emailEnabled }) : null;
    right.replaceChildren(pane?.element ?? emptyConversationView());
    pane?.attached();
  };

  function renderHeader(): void {
    const next = headerView({ agent: me, online }, { changeLang, signOut: on.signOut }, notice, pages.nav());
    header.replaceWith(next);
    header = next;
  }

  function changeLang(lang: Lang): void {
    on.changeLang(lang);
    build();
  }

  /** The whole frame, rebuilt on a language switch; the half-written reply survives in `drafts`. */
  function build(): void {
    queueView = createQueueView(queueActions, me.languages ?? []);
    root.replaceChildren(header, pages.mount(el('main', { class: 'workspace' }, [queueView.element, right])));
    renderHeader();
    renderQueue();
    renderPane();
  }

  function show(conversation: ConversationView): void {
    const local = notesOf(conversation.id).filter((n) => !conversation.notes.some((s) => s.id === n.id));
    notes.set(conversation.id, [...conversation.notes, ...local]);
    const same = open?.id === conversation.id;
    open = conversation;
    if (same && pane) pane.update(conversation, notesOf(conversation.id));
    else renderPane();
    renderQueue();
  }

  function addMessage(message: ChatMessage): void {
    if (!open || open.id !== message.conversationId || open.messages.some((m) => m.id === message.id)) return;
    show({ ...open, messages: [...open.messages, message] });
  }

  async function claim(conversationId: string): Promise<void> {
    const ack = await conn.claim(conversationId);
    if (ack.ok) show(ack.conversation);
    else if (ack.error.code === 'already_claimed') flash(t('alreadyClaimed'));
    else failed(ack);
  }

  async function reopen(conversationId: string): Promise<void> {
    try {
      show(await getConversation(session.token, conversationId));
    } catch (err) {
      fail(err);
    }
  }

  function composerHandlers(conversationId: string) {
    return {
      draft: (text: string) => void drafts.set(conversationId, text),
      typing: (typing: boolean) => void conn.typing(conversationId, typing),
      async send(text: string, mode: 'reply' | 'note'): Promise<boolean> {
        if (mode === 'note') {
          const ack = await conn.note(conversationId, text);
          if (!ack.ok) {
            failed(ack);
            return false;
          }
          notes.set(conversationId, [...notesOf(conversationId), ack.note]);
          if (open?.id === conversationId) show(open);
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
      async transfer() {
        const ack = await conn.transfer(conversationId);
        if (!ack.ok) return failed(ack);
        if (open?.id === conversationId) open = null;
        renderPane();
        renderQueue();
      },
      async resolve() {
        const ack = await conn.resolve(conversationId);
        if (!ack.ok) return failed(ack);
        if (open?.id === conversationId) show({ ...open, status: 'resolved' });
      },
    };
  }

  // The whole queue on connect, then only changes (README: "Queue events").
  const onQueue = (entries: QueueEntry[]) => {
    queueEntries = entries;
    for (const e of entries) {
      if (e.urgency !== 'critical' || e.status !== 'queued' || seenCritical.has(e.conversationId)) continue;
      seenCritical.add(e.conversationId);
      alertCritical(t('criticalTitle'), e.preview);
    }
    renderQueue();
  };
  conn.socket.on('queue', onQueue);
  conn.socket.on('queue:update', (update) => onQueue(applyQueueUpdate(queueEntries, update)));
  conn.socket.on('message', addMessage);
  conn.socket.on('conversation', (c) => {
    if (open?.id === c.id) show(c);
  });
  conn.socket.on('typing', ({ conversationId, typing }) => {
    if (open?.id === conversationId) pane?.shopperTyping(typing);
  });

  build();
  const ticker = setInterval(() => queueView.tick(Date.now()), 1000);
  return {
    stop() {
      clearInterval(ticker);
      clearTimeout(noticeTimer);
      pages.stop();
      conn.close();
    },
  };
}

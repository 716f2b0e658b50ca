/**
 * The DOM view inside the shadow root: launcher, panel, banners, message log, typing line,
 * rating and composer. It renders state and reports intents through handlers; it never talks
 * to the socket and writes text only through `textContent`.
 *
 * @example
 *   const view = createView(shadowRoot, { title: 'Chat with us', accent: '#0a7', onAccent: '#fff' }, handlers);
 *   store.subscribe((s) => view.render(s));
 */
import { el, setText, show } from './dom';
import { createMessageList } from './message-list';
import { createContactForm } from './contact-form';
import { createRating } from './rating';
import { STYLES } from './styles';
import { T, typingLine, unreadLine } from './strings';
import { connectionBanner, statusBanner, timeline } from './timeline';
import type { WidgetState } from './widget-state';

export interface ViewOptions {
  title: string;
  /** A validated CSS colour, or null for the default. */
  accent: string | null;
  /** Text colour on the accent (chosen for contrast). */
  onAccent: string;
}

export interface ViewHandlers {
  open(): void;
  close(): void;
  send(text: string): void;
  typing(on: boolean): void;
  rate(score: number): void;
  retry(clientId: string): void;
  contact(email: string): void;
  comment(text: string): void;
  earlier(): void;
}

/** How long after the last keystroke the agent stops seeing "typing…". */
const TYPING_IDLE_MS = 3000;

export function createView(shadow: ShadowRoot, options: ViewOptions, on: ViewHandlers): { render(s: WidgetState): void } {
  const launcher = el('button', { type: 'button', class: 'launcher', 'aria-label': T.openChat, 'aria-expanded': 'false', 'aria-controls': 'rd-panel' }, [chatIcon()]);
  const badge = el('span', { class: 'badge', 'aria-hidden': 'true', hidden: '' });
  launcher.append(badge);
  // The badge is a bare number; screen readers hear the count here instead, outside the
  // launcher so its accessible name stays exactly "Open chat" (SPEC §6).
  const unread = el('span', { class: 'sr', role: 'status' });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': T.closeChat }, '×');
  const subtitle = el('p', { class: 'sub' });
  const head = el('header', { class: 'head' }, [el('div', {}, [el('h2', { id: 'rd-title' }, options.title), subtitle]), close]);
  const offline = el('p', { class: 'banner offline', role: 'status' });
  const banner = el('p', { class: 'banner', role: 'status' });
  const list = createMessageList(on.retry);
  const earlier = el('button', { type: 'button', class: 'earlier', hidden: '' }, T.earlier);
  earlier.addEventListener('click', on.earlier);
  const typing = el('p', { class: 'typing' });
  const rating = createRating(on.rate, on.comment);
  const contact = createContactForm(on.contact);
  const composer = createComposer(on);
  const panel = el('section', { class: 'panel', id: 'rd-panel', role: 'dialog', 'aria-labelledby': 'rd-title', hidden: '' },
    [head, offline, banner, earlier, list.element, typing, contact.element, rating.element, composer.element]);
  const root = el('div', { class: 'root' }, [launcher, unread, panel]);
  if (options.accent) root.style.setProperty('--rd-accent', options.accent);
  root.style.setProperty('--rd-on-accent', options.onAccent);
  shadow.append(el('style', {}, STYLES), root);

  launcher.addEventListener('click', on.open);
  close.addEventListener('click', on.close);
  panel.addEventListener('keydown', (e) => e.key === 'Escape' && on.close());

  let wasOpen = false;
  return {
    render(s) {
      show(launcher, !s.open);
      show(panel, s.open);
      launcher.setAttribute('aria-expanded', String(s.open));
      setText(badge, s.unread > 9 ? '9+' : String(s.unread));
      show(badge, s.unread > 0);
      setText(unread, s.unread > 0 && !s.open ? unreadLine(s.unread) : '');
      setText(subtitle, s.agentName ?? (s.status === 'bot' ? T.bot : ''));
      setText(offline, connectionBanner(s));
      show(offline, offline.textContent !== '');
      setText(banner, statusBanner(s));
      show(banner, banner.textContent !== '');
      setText(typing, s.agentTyping ? typingLine(s.agentTyping) : '');
      show(earlier, s.earlier);
      list.render(timeline(s));
      rating.render(s);
      contact.render(s);
      // Opening shows the newest message (after a reload the log would start at the oldest).
      if (s.open && !wasOpen) list.scrollToEnd();
      // Move focus only on a change, so mounting never steals focus from the host page.
      if (s.open && !wasOpen) composer.focus();
      if (!s.open && wasOpen) launcher.focus();
      wasOpen = s.open;
    },
  };
}

function createComposer(on: ViewHandlers): { element: HTMLFormElement; focus(): void } {
  const input = el('textarea', { id: 'rd-input', 'aria-label': T.message, placeholder: T.placeholder, rows: '1', maxlength: '2000' });
  const send = el('button', { type: 'submit', class: 'send' }, T.send);
  const form = el('form', { class: 'composer' }, [el('label', { for: 'rd-input', class: 'sr' }, T.message), input, send]);
  let typingOn = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const stopTyping = () => {
    clearTimeout(idle);
    if (!typingOn) return;
    typingOn = false;
    on.typing(false);
  };
  const submit = () => {
    const text = input.value.trim();
    if (!text) return;
    on.send(text);
    input.value = '';
    input.style.height = '';
    stopTyping();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter is a newline; never send mid-composition (Chinese, Japanese IMEs).
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    submit();
  });
  input.addEventListener('input', () => {
    input.style.height = '';
    input.style.height = `${input.scrollHeight}px`;
    if (!typingOn) {
      typingOn = true;
      on.typing(true);
    }
    clearTimeout(idle);
    idle = setTimeout(stopTyping, TYPING_IDLE_MS);
  });
  input.addEventListener('blur', stopTyping);
  return { element: form, focus: () => input.focus() };
}

// A speech bubble, built with createElementNS: no markup strings anywhere in the widget.
function chatIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
  svg.append(path);
  return svg;
}

/**
 * The console's one store: a plain state object, `update()` to change it, and `useConsole()` for
 * the root component, which re-renders on every change (Preact diffs the rest). Controllers
 * (workspace.ts) write it; views read it and call handlers. No extra dependency.
 *
 * @example
 *   update({ notice: 'Saved' });
 *   const state = useConsole(); // inside the root component
 */
import { useEffect, useReducer } from 'preact/hooks';
import type { ConversationView, QueueEntry } from '../protocol';
import type { Session } from './api';
import { getLang, type Lang } from './i18n';
import type { PageName } from './pages';
import type { Note } from './transcript-timeline';

export interface ConsoleState {
  lang: Lang;
  /** Null on the login form. */
  session: Session | null;
  /** Shown on the login form (e.g. "Your session has ended"). */
  loginNotice: string;
  online: boolean;
  queue: QueueEntry[];
  open: ConversationView | null;
  /** This agent's notes per conversation (the server's plus ones added in this tab). */
  notes: ReadonlyMap<string, readonly Note[]>;
  /** Whether replies a shopper misses are emailed (SMTP_URL); null while unknown. */
  emailEnabled: boolean | null;
  /** The header's status line. */
  notice: string;
  shopperTyping: boolean;
  page: PageName;
  /** Pending follow-ups that are due, for the nav badge. */
  due: number;
}

const initial = (): ConsoleState => ({
  lang: getLang(),
  session: null,
  loginNotice: '',
  online: false,
  queue: [],
  open: null,
  notes: new Map(),
  emailEnabled: null,
  notice: '',
  shopperTyping: false,
  page: 'inbox',
  due: 0,
});

let state = initial();
const listeners = new Set<() => void>();

export const getState = (): ConsoleState => state;

export function update(patch: Partial<ConsoleState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** Back to a signed-out console in the current language. */
export function reset(loginNotice = ''): void {
  update({ ...initial(), lang: state.lang, loginNotice });
}

/** The state, re-rendering the calling component on every change. */
export function useConsole(): ConsoleState {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const listener = () => rerender(undefined);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return state;
}

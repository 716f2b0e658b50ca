/**
 * The console's REST calls (SPEC §5) and the session kept in sessionStorage: a token per tab,
 * gone when the tab closes, so a shared support-desk computer does not stay signed in.
 *
 * @example
 *   const session = await login('ana@shop.example', 'secret'); // throws ApiError on 401
 *   const conversation = await getConversation(session.token, 'c_123');
 */
import type { ConversationView, LoginRequest, LoginResponse as Session } from '../protocol';

/** The session is the login answer (`{token, agent}`), kept per tab. */
export type { Session };
export type { SignedInAgent as Agent } from '../protocol';

/**
 * A failed call; `message` is the server's own text when it sent one (e.g. a 401's reason);
 * `code` and `details` come from `{error:{code,message,details}}` (e.g. a 422's file/line list).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SESSION_KEY = 'relaydesk:console:session';

/** The server's error text from `{error:{message}}`, `{error:"…"}` or `{message}`; else the status text. */
async function errorFrom(res: Response): Promise<ApiError> {
  let message = res.statusText || `HTTP ${res.status}`;
  let code: string | undefined;
  let details: unknown;
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null) {
      const b = body as { error?: unknown; message?: unknown };
      const error = typeof b.error === 'object' && b.error !== null ? (b.error as { message?: unknown; code?: unknown; details?: unknown }) : null;
      const inner = error ? error.message : b.error;
      const text = typeof inner === 'string' ? inner : b.message;
      if (typeof text === 'string' && text) message = text;
      if (typeof error?.code === 'string') code = error.code;
      details = error?.details;
    }
  } catch {
    // Not JSON (a proxy's error page): keep the status text.
  }
  return new ApiError(res.status, message, code, details);
}

/** One JSON call with the Bearer token; throws ApiError on any non-2xx answer. */
export async function call<T>(path: string, init: RequestInit, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) throw await errorFrom(res);
  // A 204 (e.g. "mark done") has no body; every other answer is JSON.
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file behind the token (a plain link cannot send the Authorization header). */
export async function callBlob(path: string, token: string): Promise<Blob> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw await errorFrom(res);
  return res.blob();
}

export async function login(email: string, password: string): Promise<Session> {
  const session = await call<Session>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password } satisfies LoginRequest) });
  saveSession(session);
  return session;
}

/** The full transcript and triage of one conversation, e.g. to reopen one after a reload. */
export function getConversation(token: string, id: string): Promise<ConversationView> {
  return call<ConversationView>(`/api/conversations/${encodeURIComponent(id)}`, { method: 'GET' }, token);
}

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    const s = parsed as Partial<Session> | null;
    return s && typeof s.token === 'string' && typeof s.agent?.id === 'string' ? (s as Session) : null;
  } catch {
    return null;
  }
}

function saveSession(session: Session): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Storage blocked: the session lasts until this page reloads.
  }
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

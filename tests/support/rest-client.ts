/**
 * Small REST helpers for integration tests: JSON calls with a bearer token, and polling for a
 * condition with a deadline instead of sleeping a fixed time.
 */
import type { TriageResult } from '../../server/protocol.js';
import type { TestServer } from './start-test-server.js';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

/** Sends `body` as JSON (when given) with `Authorization: Bearer token`; parses the JSON answer. */
export async function api<T = unknown>(server: TestServer, token: string, method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** The triage of `text` through `POST /api/triage`, as an agent sees it. */
export async function classify(server: TestServer, token: string, text: string): Promise<{ intent: string; intents: Array<{ intent: string; matched: string[] }> }> {
  const { status, body } = await api<TriageResult>(server, token, 'POST', '/api/triage', { text });
  if (status !== 200) throw new Error(`triage answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Calls `check` until it returns true or `timeoutMs` passes; resolves with the elapsed ms, or -1 on timeout. */
export async function pollUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return -1;
}

/**
 * The offline outbox (pure): what the shopper typed that the server has not acknowledged yet,
 * keyed by `clientId`. Every function returns a new outbox and never touches the network.
 *
 * @example
 *   let box = enqueue([], newClientId(), 'Where is order 1001?', new Date().toISOString());
 *   box = markSending(box, box.map((e) => e.clientId)); // emitted once…
 *   box = acknowledge(box, box[0]!.clientId);            // …and gone when the server acks
 */

/** `queued` waits for a connection; `sending` is in flight; `failed` was refused for good. */
export type OutboxPhase = 'queued' | 'sending' | 'failed';

export interface OutboxEntry {
  clientId: string;
  text: string;
  /** ISO time the shopper pressed Send (kept so the list can show it in order). */
  at: string;
  phase: OutboxPhase;
  /** Why the server refused it, for `failed` entries. */
  error?: string;
  /** Sends that timed out or met a server fault; at `MAX_SEND_ATTEMPTS` the widget gives up on it. */
  attempts?: number;
}

/**
 * A message the server keeps failing on (timeout or `internal`) is retried this many times, then
 * marked failed so the messages typed after it move on (they were stuck behind it, across reloads).
 */
export const MAX_SEND_ATTEMPTS = 5;

export type Outbox = readonly OutboxEntry[];

/** The subset of `localStorage` the widget uses, so tests can pass a plain object. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * A random 128-bit id as 32 hex characters. `crypto.randomUUID` is missing on plain-http
 * storefronts (it needs a secure context); `getRandomValues` works everywhere.
 */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Adds a message to send; a clientId already present is ignored (a double click sends once). */
export function enqueue(box: Outbox, clientId: string, text: string, at: string): Outbox {
  if (box.some((e) => e.clientId === clientId)) return box;
  return [...box, { clientId, text, at, phase: 'queued' }];
}

/** The entries a flush should emit now: queued ones only, so nothing is in flight twice. */
export function dueForSending(box: Outbox): OutboxEntry[] {
  return box.filter((e) => e.phase === 'queued');
}

/** Marks entries as in flight. */
export function markSending(box: Outbox, clientIds: readonly string[]): Outbox {
  const ids = new Set(clientIds);
  return mapWhere(box, (e) => ids.has(e.clientId) && e.phase === 'queued', (e) => ({ ...e, phase: 'sending' }));
}

/** The server stored it: forget it. Unknown ids are a no-op, so a late duplicate ack is harmless. */
export function acknowledge(box: Outbox, clientId: string): Outbox {
  return box.some((e) => e.clientId === clientId) ? box.filter((e) => e.clientId !== clientId) : box;
}

/**
 * Puts in-flight entries back in the queue (one, or all when no id is given): the ack timed out
 * or the socket dropped. Resending the same clientId is safe because the server dedupes it.
 */
export function release(box: Outbox, clientId?: string): Outbox {
  return mapWhere(
    box,
    (e) => e.phase === 'sending' && (clientId === undefined || e.clientId === clientId),
    (e) => ({ ...e, phase: 'queued' }),
  );
}

/**
 * One failed attempt for an entry whose ack timed out or was `internal`: back in the queue, or
 * `failed` with `error` once it has failed `MAX_SEND_ATTEMPTS` times (the shopper may still Retry).
 * A dropped socket is not an attempt (`release` without an id), so going offline never gives up.
 */
export function attemptFailed(box: Outbox, clientId: string, error: string): Outbox {
  return mapWhere(
    box,
    (e) => e.phase === 'sending' && e.clientId === clientId,
    (e) => {
      const attempts = (e.attempts ?? 0) + 1;
      return attempts >= MAX_SEND_ATTEMPTS ? { ...e, phase: 'failed', error, attempts } : { ...e, phase: 'queued', attempts };
    },
  );
}

/** The server refused it for a reason a resend cannot fix (too long, invalid, closed). */
export function reject(box: Outbox, clientId: string, error: string): Outbox {
  return mapWhere(box, (e) => e.clientId === clientId, (e) => ({ ...e, phase: 'failed', error }));
}

/** The shopper asked to try a failed entry again. */
export function retry(box: Outbox, clientId: string): Outbox {
  return mapWhere(
    box,
    (e) => e.clientId === clientId && e.phase === 'failed',
    ({ error: _dropped, attempts: _reset, ...e }) => ({ ...e, phase: 'queued' }),
  );
}

/** Drops entries the server already holds (seen in a `session` or `message`), e.g. when an ack was lost. */
export function dropDelivered(box: Outbox, delivered: ReadonlySet<string>): Outbox {
  return box.some((e) => delivered.has(e.clientId)) ? box.filter((e) => !delivered.has(e.clientId)) : box;
}

/** Reads a persisted outbox; anything unreadable counts as empty (storage is shared with the host page). */
export function loadOutbox(storage: KeyValueStorage, key: string): Outbox {
  try {
    const raw: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isEntry).map(restore) : [];
  } catch {
    return [];
  }
}

/** Persists the outbox so a reload keeps what was typed offline; an empty outbox removes the key. */
export function saveOutbox(storage: KeyValueStorage, key: string, box: Outbox): void {
  try {
    if (box.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(box));
  } catch {
    // Quota or privacy mode: the outbox still lives in memory for this page view.
  }
}

function mapWhere(box: Outbox, match: (e: OutboxEntry) => boolean, change: (e: OutboxEntry) => OutboxEntry): Outbox {
  return box.some(match) ? box.map((e) => (match(e) ? change(e) : e)) : box;
}

function isEntry(v: unknown): v is OutboxEntry {
  const e = v as Partial<OutboxEntry> | null;
  return typeof e?.clientId === 'string' && typeof e.text === 'string' && typeof e.at === 'string';
}

// Whatever was in flight when the page closed never got its ack: send it again. The attempt
// count survives the reload, so a message the server keeps refusing cannot block it forever.
function restore(e: OutboxEntry): OutboxEntry {
  const attempts = typeof e.attempts === 'number' && e.attempts > 0 ? { attempts: Math.floor(e.attempts) } : {};
  return e.phase === 'failed'
    ? { clientId: e.clientId, text: e.text, at: e.at, phase: 'failed', error: String(e.error ?? '') }
    : { clientId: e.clientId, text: e.text, at: e.at, phase: 'queued', ...attempts };
}

/**
 * The queue's pure view model: sort order (urgency, then longest wait), the waiting-timer text
 * and SLA states. No DOM, no clock: callers pass `now`, so tests pin time exactly.
 *
 * @example
 *   const rows = sortQueue(entries);
 *   formatWaiting(65 * 60_000); // "1 h 5 min"
 *   slaStatus(rows[0], Date.now()); // 'ok' | 'due_soon' | 'overdue'
 */
import type { QueueEntry, QueueUpdatePayload, Urgency } from '../protocol';

const MINUTE = 60_000;

/**
 * The queue after a `queue:update`: changed entries replace those with the same id (or join),
 * removed ids leave. Sorting stays with `sortQueue`.
 *
 * @example applyQueueUpdate(entries, { changed: [entry], removed: ['c_9'] });
 */
export function applyQueueUpdate(entries: readonly QueueEntry[], update: QueueUpdatePayload): QueueEntry[] {
  const gone = new Set([...update.removed, ...update.changed.map((entry) => entry.conversationId)]);
  return [...entries.filter((entry) => !gone.has(entry.conversationId)), ...update.changed];
}

/** Lower rank sorts first. */
export const URGENCY_RANK: Readonly<Record<Urgency, number>> = { critical: 0, high: 1, normal: 2, low: 3 };

/**
 * First-response targets per urgency, in minutes. Honest defaults for a small cross-border team:
 * a safety case must be seen within minutes, a routine one within the hour.
 */
export const FIRST_RESPONSE_MINUTES: Readonly<Record<Urgency, number>> = { critical: 5, high: 15, normal: 60, low: 240 };

/** Complaints must be dealt with within two hours of reaching the queue (SPEC §7). */
export const COMPLAINT_WINDOW_MINUTES = 120;

/** A clock turns "due soon" once this share of its target has elapsed. */
export const DUE_SOON_SHARE = 0.8;

export type SlaStatus = 'ok' | 'due_soon' | 'overdue';
export type SlaKind = 'first_response' | 'complaint_window';

export interface SlaClock {
  kind: SlaKind;
  status: SlaStatus;
  /** Negative once overdue. */
  remainingMs: number;
}

/** Parses `waitingSince`; an unparsable time counts as "now" so a bad row never sorts first forever. */
export function waitingSinceMs(entry: Pick<QueueEntry, 'waitingSince'>, now: number): number {
  const t = Date.parse(entry.waitingSince);
  return Number.isNaN(t) ? now : t;
}

/** A new array: critical > high > normal > low, then the longest-waiting first. */
export function sortQueue<E extends Pick<QueueEntry, 'urgency' | 'waitingSince'>>(entries: readonly E[]): E[] {
  const at = (e: E) => {
    const t = Date.parse(e.waitingSince);
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  return [...entries].sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || at(a) - at(b));
}

export type LanguageFilter = 'mine' | 'all';

/**
 * The entries an agent sees: all, or only conversations in their languages ("pt-BR" counts as
 * pt). An agent with no languages set sees everything, so a new account never faces an empty queue.
 *
 * @example filterByLanguage(entries, ['zh', 'en'], 'mine')
 */
export function filterByLanguage<E extends Pick<QueueEntry, 'language'>>(entries: readonly E[], languages: readonly string[], filter: LanguageFilter): E[] {
  if (filter === 'all' || languages.length === 0) return [...entries];
  const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';
  const mine = new Set(languages.map(base));
  return entries.filter((entry) => mine.has(base(entry.language)));
}

/** Unit labels for `formatWaiting`, so the Chinese UI can say "1 小时 5 分钟". */
export interface WaitingUnits {
  h: string;
  min: string;
}

/** "0 min", "4 min", "1 h 5 min", "2 h". Whole minutes: seconds would only add noise to a queue. */
export function formatWaiting(ms: number, units: WaitingUnits = { h: 'h', min: 'min' }): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} ${units.min}`;
  return m === 0 ? `${h} ${units.h}` : `${h} ${units.h} ${m} ${units.min}`;
}

function clock(kind: SlaKind, targetMinutes: number, elapsedMs: number): SlaClock {
  const targetMs = targetMinutes * MINUTE;
  const remainingMs = targetMs - elapsedMs;
  const status: SlaStatus = remainingMs <= 0 ? 'overdue' : elapsedMs >= targetMs * DUE_SOON_SHARE ? 'due_soon' : 'ok';
  return { kind, status, remainingMs };
}

/**
 * The clocks running for one entry. The first-response clock runs only while nobody has the
 * conversation (`queued`, or `bot` shown in the queue); the complaint window keeps running after
 * a claim, until the conversation is resolved. Both count from `waitingSince`, the only start
 * time the queue carries.
 */
export function slaClocks(entry: QueueEntry, now: number): SlaClock[] {
  if (entry.status === 'resolved') return [];
  const elapsed = now - waitingSinceMs(entry, now);
  const clocks: SlaClock[] = [];
  if (entry.status !== 'assigned') clocks.push(clock('first_response', FIRST_RESPONSE_MINUTES[entry.urgency], elapsed));
  if (entry.intent === 'complaint') clocks.push(clock('complaint_window', COMPLAINT_WINDOW_MINUTES, elapsed));
  return clocks;
}

const SEVERITY: Readonly<Record<SlaStatus, number>> = { ok: 0, due_soon: 1, overdue: 2 };

/** The most pressing clock (overdue beats due soon; then the one with less time left), or null. */
export function worstClock(entry: QueueEntry, now: number): SlaClock | null {
  let worst: SlaClock | null = null;
  for (const c of slaClocks(entry, now)) {
    if (!worst || SEVERITY[c.status] > SEVERITY[worst.status] || (c.status === worst.status && c.remainingMs < worst.remainingMs)) worst = c;
  }
  return worst;
}

/** The entry's SLA state: the worst of its running clocks; 'ok' when none runs. */
export function slaStatus(entry: QueueEntry, now: number): SlaStatus {
  return worstClock(entry, now)?.status ?? 'ok';
}

/**
 * Owns the order of the human queue and the wait a shopper is told (pure): most urgent first
 * (critical > high > normal > low), then whoever has waited longest; the estimate is plain
 * arithmetic on the queue, never a promise.
 *
 * @example
 *   entries.sort(compareQueue);
 *   const position = queuePosition(entries, 'c-42'); // → 3
 *   estimateWaitSeconds(position, { agentsOnline: 2 }); // → 360 (3 × 240 s / 2 agents)
 */
import type { Urgency } from '../protocol.js';

/** What ordering needs of a queue entry; `QueueEntry` from the protocol fits. */
export interface QueueItem {
  urgency: Urgency;
  /** ISO 8601 time the conversation joined the queue. */
  waitingSince: string;
}

const URGENCY_RANK: Readonly<Record<Urgency, number>> = { critical: 0, high: 1, normal: 2, low: 3 };

/** Minutes an agent spends on one chat, on average, unless measured otherwise. */
export const DEFAULT_AVERAGE_HANDLE_SECONDS = 240;

/**
 * Sort comparator: urgency first, then the earlier `waitingSince`.
 *
 * @example [{ urgency: 'low', waitingSince: t0 }, { urgency: 'critical', waitingSince: t1 }].sort(compareQueue)[0].urgency // → 'critical'
 */
export function compareQueue(a: QueueItem, b: QueueItem): number {
  return compareQueueKeys(queueKey(a), queueKey(b));
}

/** An entry's place in the order, parsed once: hot loops compare keys, not ISO strings. */
export interface QueueKey {
  rank: number;
  time: number;
}

// Times parsed, not compared as text: "…T09:00:00Z" and "…T10:00:00+02:00" are in the wrong text order.
export function queueKey(item: QueueItem): QueueKey {
  return { rank: URGENCY_RANK[item.urgency], time: timeOf(item.waitingSince) };
}

/** The queue order on keys; two broken timestamps tie. */
export function compareQueueKeys(a: QueueKey, b: QueueKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.time === b.time ? 0 : a.time < b.time ? -1 : 1;
}

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time; // a broken timestamp waits last, never first
}

/**
 * The 1-based place of a conversation among the entries still waiting (status `queued`, or no
 * status), in queue order; undefined when it is not waiting.
 *
 * @example queuePosition([{ conversationId: 'a', urgency: 'high', waitingSince }], 'a') // → 1
 */
export function queuePosition<T extends QueueItem & { conversationId: string; status?: string }>(
  entries: readonly T[],
  conversationId: string,
): number | undefined {
  const waiting = entries.filter((entry) => entry.status === undefined || entry.status === 'queued');
  const index = [...waiting].sort(compareQueue).findIndex((entry) => entry.conversationId === conversationId);
  return index === -1 ? undefined : index + 1;
}

export interface WaitEstimateOptions {
  averageHandleSeconds?: number;
  agentsOnline: number;
}

/**
 * Seconds until a person likely answers: position × average handling time ÷ agents online
 * (at least one, so an empty shift gives a finite number rather than a false "no wait").
 *
 * @example estimateWaitSeconds(2, { agentsOnline: 0 }) // → 480
 */
export function estimateWaitSeconds(position: number, options: WaitEstimateOptions): number {
  const average = options.averageHandleSeconds ?? DEFAULT_AVERAGE_HANDLE_SECONDS;
  const agents = Math.max(Math.floor(options.agentsOnline), 1);
  return Math.ceil((Math.max(position, 0) * average) / agents);
}

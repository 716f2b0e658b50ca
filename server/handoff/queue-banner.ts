/**
 * Owns what a waiting shopper is told about the queue (pure, SPEC §5 `status`): while no one is
 * on duty, only when the team is back (`nextOpenAt`), never a minutes estimate that would end
 * before then; while on duty, the position and an estimate from how long recent shoppers
 * actually waited to be claimed (the default handling time until there are enough of them).
 *
 * @example
 *   queueBanner({ position: 3, now, hours, agentsOnline: 1, recentWaitsSeconds: [] });
 *   // on duty  → { status: 'queued', queuePosition: 3, estimatedWaitSeconds: 720 }
 *   // off duty → { status: 'queued', queuePosition: 3, nextOpenAt: '2026-11-30T08:00:00.000Z' }
 */
import type { BusinessHours } from '../config.js';
import type { StatusPayload } from '../protocol.js';
import { isOpen, nextOpening } from './business-hours.js';
import { estimateWaitSeconds } from './queue-order.js';

export interface QueueBannerInput {
  /** 1-based place among the waiting conversations. */
  position: number;
  now: Date;
  hours: BusinessHours;
  agentsOnline: number;
  /** Seconds between joining the queue and being claimed, for recent claims (any order). */
  recentWaitsSeconds: readonly number[];
}

/** Fewer measured waits than this and the median says more about luck than about the team. */
export const MIN_WAIT_SAMPLES = 3;
/** Only the newest waits count: the team of an hour ago is not the team now. */
export const MAX_WAIT_SAMPLES = 20;

export function queueBanner(input: QueueBannerInput): StatusPayload {
  const position = Math.max(1, Math.round(input.position));
  if (!isOpen(input.now, input.hours)) {
    // Off duty: any estimate shorter than the time until opening would be untrue (issue 12).
    return { status: 'queued', queuePosition: position, nextOpenAt: nextOpening(input.now, input.hours).toISOString() };
  }
  return { status: 'queued', queuePosition: position, estimatedWaitSeconds: honestWaitSeconds(position, input) };
}

/**
 * Position × the time one place in the queue took lately. The median recent wait is what the
 * shopper at the front waited, so one place costs that much; before enough claims were seen, the
 * default handling time shared by the agents online.
 *
 * @example honestWaitSeconds(2, { agentsOnline: 1, recentWaitsSeconds: [60, 90, 120] }) // → 180
 */
export function honestWaitSeconds(position: number, input: Pick<QueueBannerInput, 'agentsOnline' | 'recentWaitsSeconds'>): number {
  const samples = input.recentWaitsSeconds.filter((seconds) => Number.isFinite(seconds) && seconds >= 0).slice(-MAX_WAIT_SAMPLES);
  if (samples.length < MIN_WAIT_SAMPLES) return estimateWaitSeconds(position, { agentsOnline: input.agentsOnline });
  // "About 0 minutes" promises an instant answer: at least one minute per place.
  return Math.max(60, Math.ceil(median(samples))) * Math.max(1, position);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

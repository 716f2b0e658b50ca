/**
 * The follow-up loop's pure model: each pending follow-up's state at a given time (upcoming,
 * due, overdue), the lists in working order, and the header badge count.
 *
 * @example
 *   const { pending, done } = splitFollowups(list, Date.now());
 *   dueCount(list, Date.now()); // the number on the "Follow-ups" tab
 */
import type { Followup } from '../protocol';

export type FollowupState = 'upcoming' | 'due' | 'overdue' | 'done';

/**
 * A follow-up still open a full day after it fell due is overdue: the complaint was resolved,
 * but the promised check-in has been missed.
 */
export const OVERDUE_AFTER_MS = 86_400_000;

const at = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

export function followupState(f: Pick<Followup, 'done' | 'dueAt'>, now: number): FollowupState {
  if (f.done) return 'done';
  const due = at(f.dueAt);
  if (now < due) return 'upcoming';
  return now - due >= OVERDUE_AFTER_MS ? 'overdue' : 'due';
}

/** Pending ones oldest-due first (the most urgent on top); done ones most recent first. */
export function splitFollowups(list: readonly Followup[], now: number): {
  pending: Array<Followup & { state: FollowupState }>;
  done: Followup[];
} {
  const pending = list
    .filter((f) => !f.done)
    .sort((a, b) => at(a.dueAt) - at(b.dueAt))
    .map((f) => ({ ...f, state: followupState(f, now) }));
  const done = list.filter((f) => f.done).sort((a, b) => at(b.dueAt) - at(a.dueAt));
  return { pending, done };
}

/** Pending follow-ups whose time has come (due or overdue). */
export function dueCount(list: readonly Followup[], now: number): number {
  return list.filter((f) => {
    const s = followupState(f, now);
    return s === 'due' || s === 'overdue';
  }).length;
}

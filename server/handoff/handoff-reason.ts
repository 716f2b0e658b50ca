/**
 * Pure: the one primary reason of a hand-over, so every hand-over counts exactly once in
 * `relaydesk_handoffs_total{reason}` and in the report's `handoffsByReason` (their sums equal the
 * number of hand-overs). Triage gives several reasons (`intent:complaint`, `safety:fire`,
 * `sentiment:very_negative`); the label is the kind before the colon of the most serious one.
 *
 * @example primaryHandoffReason(['intent:complaint', 'sentiment:very_negative', 'safety:fire']) // → 'safety'
 */

/**
 * Most serious first: a safety incident outranks a legal threat, which outranks a plain request
 * for a person, and so on. `agent` is an agent taking a conversation straight from the bot.
 */
export const HANDOFF_REASON_KINDS = ['safety', 'threat', 'request', 'complaint', 'repeat', 'tone', 'sentiment', 'bot', 'payment', 'agent'] as const;

export type HandoffReasonKind = (typeof HANDOFF_REASON_KINDS)[number] | 'other';

/** The reason recorded when an agent claims a conversation that was still with the bot. */
export const AGENT_TOOK_OVER = 'agent:took_over';

/** Reasons that describe the message but never hand it over by themselves (see triage.ts). */
const DESCRIPTIVE = new Set(['sentiment:negative']);

export function primaryHandoffReason(reasons: readonly string[]): HandoffReasonKind {
  const kinds = new Set(
    reasons.filter((reason) => !reason.startsWith('intent:') && !DESCRIPTIVE.has(reason)).map((reason) => reason.split(':')[0] ?? reason),
  );
  return HANDOFF_REASON_KINDS.find((kind) => kinds.has(kind)) ?? 'other';
}

/** A complaint or safety case: resolving one schedules a follow-up reminder. */
export function isComplaintCase(intent: string | null, reasons: readonly string[]): boolean {
  return intent === 'complaint' || reasons.some((reason) => reason === 'intent:complaint' || reason.startsWith('complaint:') || reason.startsWith('safety:'));
}

/**
 * Pure: the Reports page numbers for the conversations opened in a period, from store records.
 * - `conversations`: opened in the period, with at least one shopper message.
 * - `solvedByBot` / `containment`: of those, settled as solved by the bot (bot-settler.ts).
 * - `handoffs` / `handoffRate` / `handoffsByReason`: of those, handed over to people at least
 *   once; by the primary reason of the first hand-over, so the reasons sum to `handoffs`.
 * - `firstResponseSeconds`: first hand-over → first agent reply, nearest-rank p50 and p90.
 * - `averageRating` / `ratings`: the ratings of those conversations.
 * - `topIntents` and `keywords`: over the shopper messages written in the period.
 * Shares and statistics are null when there is nothing to compute them from.
 *
 * @example summarizePeriod({ range, conversations, handoffs, outcomes, messages, intents }).containment // → 0.5
 */
import type { IntentFile } from '../intents/intent-file-schema.js';
import type { BotOutcome, ConversationRecord, CustomerMessageRecord, HandoffRecord, TimeRange } from '../store/store.js';
import { keywordHits, type KeywordHits } from './keyword-hits.js';

export interface PeriodData {
  range: TimeRange;
  conversations: readonly ConversationRecord[];
  handoffs: readonly HandoffRecord[];
  outcomes: ReadonlyMap<string, BotOutcome>;
  messages: readonly CustomerMessageRecord[];
  intents: readonly IntentFile[];
}

export interface ReportSummary {
  from: string;
  to: string;
  conversations: number;
  solvedByBot: number;
  containment: number | null;
  handoffs: number;
  handoffRate: number | null;
  handoffsByReason: Record<string, number>;
  firstResponseSeconds: { p50: number | null; p90: number | null };
  averageRating: number | null;
  ratings: number;
  topIntents: Array<{ intent: string; count: number }>;
  keywords: KeywordHits;
}

export function summarizePeriod(data: PeriodData): ReportSummary {
  const total = data.conversations.length;
  const firstHandoff = new Map<string, HandoffRecord>();
  for (const handoff of data.handoffs) if (!firstHandoff.has(handoff.conversationId)) firstHandoff.set(handoff.conversationId, handoff);
  const escalated = data.conversations.filter((conversation) => firstHandoff.has(conversation.id));
  const solvedByBot = data.conversations.filter((conversation) => data.outcomes.get(conversation.id) === 'solved').length;
  const handoffsByReason: Record<string, number> = {};
  for (const conversation of escalated) {
    const reason = firstHandoff.get(conversation.id)!.reason;
    handoffsByReason[reason] = (handoffsByReason[reason] ?? 0) + 1;
  }
  const waits = escalated
    .filter((conversation) => conversation.firstResponseAt !== null)
    .map((conversation) => seconds(firstHandoff.get(conversation.id)!.at, conversation.firstResponseAt!));
  const ratings = data.conversations.flatMap((conversation) => (conversation.rating === null ? [] : [conversation.rating]));
  return {
    from: data.range.from,
    to: data.range.to,
    conversations: total,
    solvedByBot,
    containment: share(solvedByBot, total),
    handoffs: escalated.length,
    handoffRate: share(escalated.length, total),
    handoffsByReason,
    firstResponseSeconds: { p50: percentile(waits, 0.5), p90: percentile(waits, 0.9) },
    averageRating: ratings.length === 0 ? null : round(ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length),
    ratings: ratings.length,
    topIntents: topIntents(data.messages),
    keywords: keywordHits(data.messages.map((message) => message.triage), data.intents),
  };
}

function topIntents(messages: readonly CustomerMessageRecord[]): Array<{ intent: string; count: number }> {
  const counts = new Map<string, number>();
  for (const message of messages) if (message.triage) counts.set(message.triage.intent, (counts.get(message.triage.intent) ?? 0) + 1);
  return [...counts].map(([intent, count]) => ({ intent, count })).sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent));
}

/** Nearest-rank percentile: always a value that occurred, which is what a person expects to read. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole);
}

function seconds(from: string, to: string): number {
  return round(Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000));
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

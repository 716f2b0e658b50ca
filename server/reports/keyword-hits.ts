/**
 * Pure: which keywords and phrases fired over a period (from the `matched` terms stored with
 * each shopper message's triage) and which terms of the current intent files never did, so ops
 * can see dead weight. Terms are compared by their label as written (an exact `=term` by `term`).
 * A word that shares its stem with another of the same intent ("refunded" beside "refund") is
 * matched under the first one, so it is listed as never firing: it is redundant.
 *
 * @example keywordHits(messages, sources.intents) // → { fired: [{ term: 'refund', intent: 'refund', count: 12 }], neverFired: [...] }
 */
import type { IntentFile } from '../intents/intent-file-schema.js';
import type { TriageResult } from '../protocol.js';

export interface KeywordHits {
  fired: Array<{ term: string; intent: string; count: number }>;
  neverFired: Array<{ term: string; intent: string }>;
}

const key = (intent: string, term: string) => `${intent}\u0000${term}`;

export function keywordHits(triages: ReadonlyArray<TriageResult | null>, intents: readonly IntentFile[]): KeywordHits {
  const counts = new Map<string, { term: string; intent: string; count: number }>();
  for (const triage of triages) {
    for (const scored of triage?.intents ?? []) {
      // A term counts once per message, however often the message repeats it.
      for (const term of new Set(scored.matched)) {
        const entry = counts.get(key(scored.intent, term)) ?? { term, intent: scored.intent, count: 0 };
        entry.count += 1;
        counts.set(key(scored.intent, term), entry);
      }
    }
  }
  const neverFired = new Map<string, { term: string; intent: string }>();
  for (const file of intents) {
    for (const terms of [...Object.values(file.keywords), ...Object.values(file.phrases)]) {
      for (const written of Object.keys(terms)) {
        const term = written.startsWith('=') ? written.slice(1) : written;
        if (!counts.has(key(file.intent, term))) neverFired.set(key(file.intent, term), { term, intent: file.intent });
      }
    }
  }
  return {
    fired: [...counts.values()].sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent) || a.term.localeCompare(b.term)),
    neverFired: [...neverFired.values()].sort((a, b) => a.intent.localeCompare(b.intent) || a.term.localeCompare(b.term)),
  };
}

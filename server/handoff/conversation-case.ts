/**
 * Owns the conversation-level view of a case (pure, SPEC §4): intent and urgency are the
 * strongest seen since the case opened (a later "hello?" does not turn a safety report into
 * `other`/`low`), reasons accumulate, and a shopper writing after resolution opens a NEW case:
 * the closed one is kept, with its resolution, in `botState.earlierCases` for the agent and the
 * ledger, and the new case starts clean but linked to it.
 *
 * @example
 *   const merged = mergeCaseTriage(conversation, triage('Bitte antworten Sie', history, set));
 *   // a safety case stays { intent: 'complaint', urgency: 'critical', reasons: ['safety:fire', …] }
 *   const patch = startNewCase(resolvedConversation, now); // status 'bot', earlier case archived
 */
import type { CaseSummary, IntentName, TriageResult, Urgency } from '../protocol.js';
import type { ConversationPatch, ConversationRecord } from '../store/store.js';

/** A closed case of a conversation, as it was when it was resolved; the protocol's shape, because the agent's summary carries it. */
export type CaseRecord = CaseSummary;


const URGENCY_RANK: Readonly<Record<Urgency, number>> = { low: 0, normal: 1, high: 2, critical: 3 };

/**
 * How much an intent says about a case: a complaint outweighs a refund, which outweighs a
 * question about delivery or payment; asking for a person or small talk says least. Equal
 * strength keeps what was seen first, so the case does not flip between two topics.
 */
const INTENT_STRENGTH: Readonly<Record<IntentName, number>> = { other: 0, human: 1, logistics: 2, payment: 2, refund: 3, complaint: 4 };

export type CaseTriage = Pick<ConversationRecord, 'intent' | 'urgency' | 'reasons'>;

/**
 * The case after one more triaged message: strongest intent, highest urgency, every reason.
 *
 * @example mergeCaseTriage({ intent: 'complaint', urgency: 'critical', reasons: ['safety:fire'] }, otherLow)
 *   // → { intent: 'complaint', urgency: 'critical', reasons: ['safety:fire', 'intent:other'] }
 */
export function mergeCaseTriage(current: CaseTriage, result: Pick<TriageResult, 'intent' | 'urgency' | 'reasons'>): CaseTriage {
  const intent = current.intent !== null && INTENT_STRENGTH[current.intent] >= INTENT_STRENGTH[result.intent] ? current.intent : result.intent;
  const urgency = current.urgency !== null && URGENCY_RANK[current.urgency] >= URGENCY_RANK[result.urgency] ? current.urgency : result.urgency;
  return { intent, urgency, reasons: [...new Set([...current.reasons, ...result.reasons])] };
}

/** The higher of two urgencies (null counts as lowest). */
export function higherUrgency(a: Urgency | null, b: Urgency): Urgency {
  return a !== null && URGENCY_RANK[a] > URGENCY_RANK[b] ? a : b;
}

/** The closed cases of a conversation, oldest first. */
export function earlierCasesOf(conversation: Pick<ConversationRecord, 'botState'>): CaseRecord[] {
  // The store checked the stored JSON against StoredBotState (store/rows.ts).
  return conversation.botState.earlierCases ?? [];
}

/** When the current case of the conversation opened. */
export function caseOpenedAt(conversation: Pick<ConversationRecord, 'botState' | 'createdAt'>): string {
  return conversation.botState.caseOpenedAt ?? conversation.createdAt;
}

/**
 * The patch that reopens a resolved conversation as a new case: the resolved case goes to
 * `earlierCases` with its resolution; status, triage and SLA fields start again. The rating stays
 * on the record (reports count a conversation's first rating once) and is copied to the case.
 *
 * @example await store.updateConversation(id, startNewCase(conversation, clock()));
 */
export function startNewCase(conversation: ConversationRecord, now: Date): ConversationPatch {
  const earlier = earlierCasesOf(conversation);
  const closed: CaseRecord = {
    number: earlier.length + 1,
    intent: conversation.intent,
    urgency: conversation.urgency,
    reasons: conversation.reasons,
    openedAt: caseOpenedAt(conversation),
    queuedAt: conversation.queuedAt,
    firstResponseAt: conversation.firstResponseAt,
    resolvedAt: conversation.resolvedAt,
    resolvedBy: conversation.assigneeName,
    rating: conversation.rating,
    ratingComment: conversation.ratingComment,
  };
  const botState = { ...conversation.botState, earlierCases: [...earlier, closed], caseOpenedAt: now.toISOString() };
  return {
    status: 'bot',
    assigneeId: null,
    assigneeName: null,
    resolvedAt: null,
    queuedAt: null,
    firstResponseAt: null,
    intent: null,
    urgency: null,
    reasons: [],
    botState,
    updatedAt: now.toISOString(),
  };
}

/**
 * Pure: the complaint ledger for the weekly review, one CSV row per escalated conversation
 * (handed over to people at least once) opened in the period. `contact` lists the email
 * addresses the shopper wrote (found by triage), else their locale and page; `resolution_note`
 * is the last internal note, else the last agent message.
 *
 * @example toCsv([LEDGER_HEADER, ...conversations.map((c) => ledgerRow(c, facts.get(c.id)))])
 */
import type { ConversationRecord, CustomerMessageRecord } from '../store/store.js';

/** The header, in order (contract). */
export const LEDGER_HEADER = ['conversation', 'contact', 'intent', 'reasons', 'opened', 'first_response', 'resolved', 'resolution_note', 'rating'] as const;

export interface LedgerFacts {
  customerMessages: readonly CustomerMessageRecord[];
  lastNote: string | undefined;
  lastAgentMessage: string | undefined;
}

export function ledgerRow(conversation: ConversationRecord, facts: LedgerFacts): Array<string | number | null> {
  return [
    conversation.id,
    contactOf(conversation, facts.customerMessages),
    conversation.intent ?? '',
    conversation.reasons.join(' '),
    conversation.createdAt,
    conversation.firstResponseAt,
    conversation.resolvedAt,
    facts.lastNote ?? facts.lastAgentMessage ?? '',
    conversation.rating,
  ];
}

function contactOf(conversation: ConversationRecord, messages: readonly CustomerMessageRecord[]): string {
  const emails = [...new Set(messages.flatMap((message) => message.triage?.entities.emails ?? []))];
  if (emails.length > 0) return emails.join(' ');
  return [conversation.locale && `locale ${conversation.locale}`, conversation.page && `page ${conversation.page}`].filter(Boolean).join('; ');
}

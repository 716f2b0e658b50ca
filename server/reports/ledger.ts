/**
 * Pure: the complaint ledger for the weekly review, one CSV row per escalated conversation
 * (handed over to people at least once) opened in the period. `contact` lists the email
 * addresses the shopper wrote (found by triage), else their locale and page; `resolution_note`
 * is the last internal note, else the last agent message.
 *
 * @example toCsv([LEDGER_HEADER, ...conversations.map((c) => ledgerRow(c, facts.get(c.id)))])
 */
import { caseOpenedAt, earlierCasesOf } from '../handoff/conversation-case.js';
import type { ConversationRecord, CustomerMessageRecord } from '../store/store.js';

/** The header, in order (contract). */
export const LEDGER_HEADER = ['conversation', 'contact', 'intent', 'reasons', 'opened', 'first_response', 'resolved', 'resolution_note', 'rating', 'case'] as const;

export interface LedgerFacts {
  customerMessages: readonly CustomerMessageRecord[];
  lastNote: string | undefined;
  lastAgentMessage: string | undefined;
}

/**
 * One row per escalated case of the conversation: a case closed before the shopper wrote again
 * keeps its own intent, reasons and resolution (handoff/conversation-case.ts); `case` numbers them.
 */
export function ledgerRows(conversation: ConversationRecord, facts: LedgerFacts): Array<Array<string | number | null>> {
  const earlier = earlierCasesOf(conversation);
  const contact = contactOf(conversation, facts.customerMessages);
  const closed = earlier
    .filter((closedCase) => closedCase.queuedAt !== null || closedCase.resolvedBy !== null)
    .map((closedCase) => [
      conversation.id,
      contact,
      closedCase.intent ?? '',
      closedCase.reasons.join(' '),
      closedCase.openedAt,
      closedCase.firstResponseAt,
      closedCase.resolvedAt,
      closedCase.resolvedBy ? `resolved by ${closedCase.resolvedBy}` : '',
      closedCase.rating,
      closedCase.number,
    ]);
  // The current case after a reopening is in the ledger only if it reached a person too.
  const currentEscalated = earlier.length === 0 || conversation.status !== 'bot' || conversation.queuedAt !== null;
  return currentEscalated ? [...closed, ledgerRow(conversation, facts)] : closed;
}

export function ledgerRow(conversation: ConversationRecord, facts: LedgerFacts): Array<string | number | null> {
  return [
    conversation.id,
    contactOf(conversation, facts.customerMessages),
    conversation.intent ?? '',
    conversation.reasons.join(' '),
    caseOpenedAt(conversation),
    conversation.firstResponseAt,
    conversation.resolvedAt,
    facts.lastNote ?? facts.lastAgentMessage ?? '',
    conversation.rating,
    earlierCasesOf(conversation).length + 1,
  ];
}

function contactOf(conversation: ConversationRecord, messages: readonly CustomerMessageRecord[]): string {
  // The address the shopper left in the widget first (SPEC §11), then any they typed in a message.
  const left = conversation.contactEmail ? [conversation.contactName ? `${conversation.contactName} <${conversation.contactEmail}>` : conversation.contactEmail] : [];
  const emails = [...new Set([...left, ...messages.flatMap((message) => message.triage?.entities.emails ?? [])])];
  if (emails.length > 0) return emails.join(' ');
  return [conversation.locale && `locale ${conversation.locale}`, conversation.page && `page ${conversation.page}`].filter(Boolean).join('; ');
}

/**
 * Owns what an agent sees of one conversation (the claim ack, the `conversation` event and
 * `GET /api/conversations/:id`): the whole transcript, the latest triage, each shopper message's
 * triage, internal notes, the handoff summary and who the shopper is. Reads only; never writes.
 *
 * @example const view = await loadConversationView(store, 'c_123'); // AppError('not_found') if unknown
 */
import { AppError } from '../errors.js';
import { identityOf } from '../identity/identity-sessions.js';
import { buildHandoffSummary } from '../handoff/handoff-summary.js';
import type { ConversationView, TriageResult } from '../protocol.js';
import type { ConversationRecord, Store } from '../store/store.js';

export const CONVERSATION_NOT_FOUND = 'No conversation with this id';

/**
 * Everything an agent needs to take over without asking the shopper to repeat anything.
 *
 * @example const { summary, messages } = await loadConversationView(store, id);
 */
export async function loadConversationView(store: Store, conversationId: string): Promise<ConversationView> {
  const conversation = await store.getConversation(conversationId);
  // An erased conversation keeps an anonymous row for reports; to agents it no longer exists.
  if (!conversation || (await store.isErased(conversationId))) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
  const [messages, notes, earlier, verified] = await Promise.all([
    store.listMessages(conversationId),
    store.listNotes(conversationId),
    earlierOf(store, conversation),
    identityOf(store, conversationId),
  ]);
  const customerMessages = messages.filter((message) => message.from === 'customer');
  const triages = await Promise.all(customerMessages.map((message) => store.getMessageTriage(message.id)));
  const byId = new Map<string, TriageResult>();
  customerMessages.forEach((message, i) => {
    const triage = triages[i];
    if (triage) byId.set(message.id, triage);
  });
  return {
    id: conversation.id,
    status: conversation.status,
    messages,
    triage: conversation.lastTriage,
    summary: buildHandoffSummary(conversation, messages, byId, earlier),
    customer: {
      locale: conversation.locale,
      page: conversation.page,
      language: conversation.language,
      earlierConversations: earlier.length,
      contact: conversation.contactEmail ? { email: conversation.contactEmail, name: conversation.contactName ?? null } : null,
      timeZone: typeof conversation.botState.timeZone === 'string' ? conversation.botState.timeZone : null,
      country: countryOf(conversation),
      earlier: earlier.map(({ id, createdAt, status, intent }) => ({ id, createdAt, status, intent })),
      verified: verified ?? null,
    },
    notes: notes.map(({ id, text, at, agentName }) => ({ id, text, at, agentName })),
    messageTriage: Object.fromEntries(byId),
    assignee: conversation.assigneeId ? { id: conversation.assigneeId, name: conversation.assigneeName ?? '' } : null,
  };
}

/** The same shopper's other conversations, started before this one. */
async function earlierOf(store: Store, conversation: ConversationRecord): Promise<ConversationRecord[]> {
  const all = await store.listConversations({ customerKey: conversation.customerKey });
  return all.filter((other) => other.id !== conversation.id && other.createdAt <= conversation.createdAt);
}

/** The shopper's country as well as it is known: the locale's region, else an order's destination. */
function countryOf(conversation: ConversationRecord): string | null {
  const region = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(conversation.locale ?? '')?.[1];
  if (region) return region.toUpperCase();
  for (const lookup of [...conversation.botState.lookups].reverse()) if (lookup.result === 'found') return lookup.order.country;
  return null;
}

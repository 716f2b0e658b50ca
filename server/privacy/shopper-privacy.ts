/**
 * Owns a shopper's privacy rights (SPEC §10): export every conversation and message of a shopper
 * (found by email or by one conversation id) as JSON, erase them (messages, notes, contact data,
 * rating comments; the anonymous counts stay for reports) with an audit entry, and the
 * `RETENTION_DAYS` sweep that erases conversations resolved longer ago.
 *
 * @example
 *   const data = await exportShopper(store, { email: 'lena@example.de' });
 *   const counts = await eraseShopper(store, { conversationId }, { actorId: ops.id, at }); // → { conversations: 1, messages: 7 }
 */
import { newId } from '../auth/tokens.js';
import type { ChatMessage } from '../protocol.js';
import type { Store } from '../store/store.js';

export type ShopperSelector = { email: string; conversationId?: undefined } | { conversationId: string; email?: undefined };

export interface ShopperExport {
  conversations: Array<{
    id: string;
    status: string;
    createdAt: string;
    resolvedAt: string | null;
    locale: string | null;
    language: string | null;
    page: string | null;
    rating: number | null;
    ratingComment: string | null;
    emails: Array<{ email: string; source: string; name: string | null }>;
    messages: ChatMessage[];
  }>;
}

/** The ids a selector names, without conversations already erased. */
async function conversationIdsOf(store: Store, selector: ShopperSelector): Promise<string[]> {
  const ids = selector.email !== undefined ? await store.conversationIdsByEmail(selector.email) : [selector.conversationId];
  const live: string[] = [];
  for (const id of ids) if ((await store.getConversation(id)) && !(await store.isErased(id))) live.push(id);
  return live;
}

export async function exportShopper(store: Store, selector: ShopperSelector): Promise<ShopperExport> {
  const conversations: ShopperExport['conversations'] = [];
  for (const id of await conversationIdsOf(store, selector)) {
    const conversation = await store.getConversation(id);
    if (!conversation) continue;
    const emails = await store.listShopperEmails(id);
    const contact = conversation.contactEmail;
    conversations.push({
      id,
      status: conversation.status,
      createdAt: conversation.createdAt,
      resolvedAt: conversation.resolvedAt,
      locale: conversation.locale,
      language: conversation.language,
      page: conversation.page,
      rating: conversation.rating,
      ratingComment: conversation.ratingComment,
      emails: [
        ...emails.map(({ email, source, name }) => ({ email, source, name })),
        ...(contact ? [{ email: contact, source: 'contact', name: conversation.contactName ?? null }] : []),
      ],
      messages: await store.listMessages(id),
    });
  }
  return { conversations };
}

export interface ErasureCounts {
  conversations: number;
  messages: number;
}

/** What the audit keeps of the subject: never the email itself (that would undo the erasure). */
function describeSubject(selector: ShopperSelector): string {
  if (selector.conversationId !== undefined) return `conversation ${selector.conversationId}`;
  const [name = '', domain = ''] = selector.email.split('@');
  return `email ${name.slice(0, 1)}…@${domain}`;
}

export async function eraseShopper(store: Store, selector: ShopperSelector, who: { actorId: string; at: string; action?: 'erase' | 'retention' }): Promise<ErasureCounts & { ids: string[] }> {
  const ids = await conversationIdsOf(store, selector);
  let messages = 0;
  for (const id of ids) messages += await store.eraseConversation(id, who.at);
  await store.addPrivacyAudit({ id: newId(), at: who.at, actorId: who.actorId, action: who.action ?? 'erase', subject: describeSubject(selector), conversations: ids.length, messages });
  return { conversations: ids.length, messages, ids };
}

/** Erases conversations resolved more than `days` ago; returns how many. Runs in batches. */
export async function sweepRetention(store: Store, days: number, now: Date): Promise<ErasureCounts> {
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  const total: ErasureCounts = { conversations: 0, messages: 0 };
  for (;;) {
    const ids = await store.conversationIdsResolvedBefore(before, 100);
    if (ids.length === 0) break;
    for (const id of ids) {
      total.messages += await store.eraseConversation(id, now.toISOString());
      total.conversations += 1;
    }
  }
  if (total.conversations > 0) {
    await store.addPrivacyAudit({ id: newId(), at: now.toISOString(), actorId: 'retention', action: 'retention', subject: `resolved before ${before}`, ...total });
  }
  return total;
}

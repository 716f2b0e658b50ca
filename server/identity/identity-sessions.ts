/**
 * Owns what a verified identity changes about a conversation: its customer key becomes the one
 * of the shop's customer id (`sub`), so every conversation of that customer is linked and the
 * agent sees the earlier ones; the identity's email is stored with the conversation (it unlocks
 * that customer's orders and finds the conversation for export and erasure).
 *
 * @example const conversation = await attachIdentity(store, session.conversation, identity, now);
 */
import { createHash } from 'node:crypto';
import type { ConversationRecord, Store } from '../store/store.js';
import type { ShopperIdentity } from './verify-identity.js';

/** The customer key of a verified shopper: a hash of `sub`, so the shop's ids are not spread around. */
export function identityCustomerKey(sub: string): string {
  return `identity:${createHash('sha256').update(sub).digest('hex').slice(0, 32)}`;
}

export async function attachIdentity(store: Store, conversation: ConversationRecord, identity: ShopperIdentity, at: string): Promise<ConversationRecord> {
  await store.addShopperEmail({ conversationId: conversation.id, email: identity.email, source: 'identity', sub: identity.sub, name: identity.name ?? null, at });
  const customerKey = identityCustomerKey(identity.sub);
  return conversation.customerKey === customerKey ? conversation : store.updateConversation(conversation.id, { customerKey });
}

/** The verified identity of a conversation, if the shop sent one (the latest wins). */
export async function identityOf(store: Store, conversationId: string): Promise<ShopperIdentity | undefined> {
  const emails = await store.listShopperEmails(conversationId);
  const record = emails.filter((entry) => entry.source === 'identity').at(-1);
  if (!record?.sub) return undefined;
  return { sub: record.sub, email: record.email, ...(record.name ? { name: record.name } : {}) };
}

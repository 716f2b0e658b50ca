/**
 * The follow-up loop: when an agent resolves a complaint or safety case, a reminder for that
 * agent falls due FOLLOW_UP_DELAY_HOURS later ("did the replacement arrive?"); the console lists
 * it until the agent marks it done. Agents see their own reminders, ops see everyone's.
 *
 * @example
 *   const followUps = createFollowUps({ store, clock, delayHours: 48 });
 *   await followUps.scheduleFor(resolvedConversation); // a reminder if it was a complaint case
 *   await followUps.list(agent); // [{ id, conversationId, dueAt, createdAt, done, intent, preview }]
 */
import type { AuthenticatedAgent } from '../auth/auth-service.js';
import { AppError } from '../errors.js';
import { isComplaintCase } from '../handoff/handoff-reason.js';
import type { ConversationRecord, FollowUpRecord, Store } from '../store/store.js';

export interface FollowUpsDeps {
  store: Store;
  clock: () => Date;
  delayHours: number;
}

/** One reminder as the console lists it. */
export interface FollowUpView {
  id: string;
  conversationId: string;
  agentId: string;
  dueAt: string;
  createdAt: string;
  done: boolean;
  doneAt: string | null;
  intent: string;
  /** The shopper's last message, shortened: enough to remember the case. */
  preview: string;
}

const PREVIEW_LENGTH = 140;
const HOUR_MS = 60 * 60 * 1000;
export const NO_SUCH_FOLLOW_UP = 'No follow-up with this id';
export const NOT_YOUR_FOLLOW_UP = 'This follow-up belongs to a colleague; only they or ops may close it';

export function createFollowUps(deps: FollowUpsDeps) {
  const { store } = deps;

  /** Schedules a reminder for a resolved complaint or safety case, unless one is still pending for it. */
  async function scheduleFor(conversation: ConversationRecord): Promise<FollowUpRecord | undefined> {
    if (!conversation.resolvedAt || !conversation.assigneeId) return undefined;
    if (!isComplaintCase(conversation.intent, conversation.reasons)) return undefined;
    const existing = await store.listFollowUps({ conversationId: conversation.id });
    if (existing.some((followUp) => followUp.doneAt === null)) return undefined;
    const dueAt = new Date(Date.parse(conversation.resolvedAt) + deps.delayHours * HOUR_MS).toISOString();
    return store.addFollowUp({ conversationId: conversation.id, agentId: conversation.assigneeId, dueAt, createdAt: deps.clock().toISOString() });
  }

  async function list(agent: AuthenticatedAgent): Promise<FollowUpView[]> {
    const records = await store.listFollowUps(agent.role === 'ops' ? {} : { agentId: agent.id });
    const ids = [...new Set(records.map((record) => record.conversationId))];
    const messages = await store.listCustomerMessages({ conversationIds: ids });
    const lastText = new Map(messages.map((message) => [message.conversationId, message.text]));
    const intents = new Map<string, string>();
    for (const id of ids) intents.set(id, (await store.getConversation(id))?.intent ?? 'other');
    return records.map((record) => ({
      id: record.id,
      conversationId: record.conversationId,
      agentId: record.agentId,
      dueAt: record.dueAt,
      createdAt: record.createdAt,
      done: record.doneAt !== null,
      doneAt: record.doneAt,
      intent: intents.get(record.conversationId) ?? 'other',
      preview: (lastText.get(record.conversationId) ?? '').slice(0, PREVIEW_LENGTH),
    }));
  }

  /** Marks a reminder done; marking it again is harmless. */
  async function markDone(agent: AuthenticatedAgent, id: string): Promise<{ ok: true; done: true }> {
    const record = await store.getFollowUp(id);
    if (!record) throw new AppError('not_found', NO_SUCH_FOLLOW_UP);
    if (record.agentId !== agent.id && agent.role !== 'ops') throw new AppError('forbidden', NOT_YOUR_FOLLOW_UP);
    await store.markFollowUpDone(id, deps.clock().toISOString());
    return { ok: true, done: true };
  }

  return { scheduleFor, list, markDone };
}

export type FollowUps = ReturnType<typeof createFollowUps>;

/**
 * Keeps everyone's view of the queue current: agents get the whole queue (`queue` event),
 * each waiting shopper gets their own position and an honest wait estimate (`status`), and a
 * shopper is told only when their position actually changed.
 *
 * @example const queue = createQueuePublisher(deps); await queue.publish();
 */
import { compareQueue, estimateWaitSeconds } from '../handoff/queue-order.js';
import type { QueueEntry, StatusPayload, Urgency } from '../protocol.js';
import type { ConversationRecord, Store } from '../store/store.js';

export interface QueuePublisher {
  /** Recomputes the queue and sends it out. */
  publish(): Promise<void>;
  /** Where a conversation of this urgency would stand if it joined the queue now. */
  estimateFor(urgency: Urgency): Promise<{ position: number; waitSeconds: number }>;
  /** The current queue, sorted: queued first by urgency and waiting time, then assigned. */
  entries(): Promise<QueueEntry[]>;
}

export interface QueuePublisherDeps {
  store: Store;
  clock: () => Date;
  agentsOnline: () => number;
  toAgents: (entries: QueueEntry[]) => void;
  toShopper: (conversationId: string, status: StatusPayload) => void;
}

const PREVIEW_LENGTH = 140;

export function createQueuePublisher(deps: QueuePublisherDeps): QueuePublisher {
  const lastSent = new Map<string, string>();

  async function entries(): Promise<QueueEntry[]> {
    const open = await deps.store.listConversations({ status: ['queued', 'assigned'] });
    const list = await Promise.all(open.map(toEntry));
    return list.sort((a, b) => (a.status === b.status ? compareQueue(a, b) : a.status === 'queued' ? -1 : 1));
  }

  async function toEntry(conversation: ConversationRecord): Promise<QueueEntry> {
    const messages = await deps.store.listMessages(conversation.id);
    const lastCustomer = messages.filter((message) => message.from === 'customer').at(-1);
    return {
      conversationId: conversation.id,
      status: conversation.status,
      urgency: conversation.urgency ?? 'normal',
      intent: conversation.intent ?? 'other',
      reasons: conversation.reasons,
      waitingSince: conversation.queuedAt ?? conversation.createdAt,
      preview: (lastCustomer?.text ?? '').slice(0, PREVIEW_LENGTH),
      language: conversation.language ?? 'en',
      ...(conversation.assigneeId ? { assignee: { id: conversation.assigneeId, name: conversation.assigneeName ?? '' } } : {}),
    };
  }

  async function publish(): Promise<void> {
    const list = await entries();
    deps.toAgents(list);
    const queued = list.filter((entry) => entry.status === 'queued');
    queued.forEach((entry, index) => {
      const status: StatusPayload = {
        status: 'queued',
        queuePosition: index + 1,
        estimatedWaitSeconds: estimateWaitSeconds(index + 1, { agentsOnline: deps.agentsOnline() }),
      };
      const key = JSON.stringify(status);
      if (lastSent.get(entry.conversationId) === key) return;
      lastSent.set(entry.conversationId, key);
      deps.toShopper(entry.conversationId, status);
    });
    for (const id of lastSent.keys()) if (!queued.some((entry) => entry.conversationId === id)) lastSent.delete(id);
  }

  async function estimateFor(urgency: Urgency): Promise<{ position: number; waitSeconds: number }> {
    const queued = (await entries()).filter((entry) => entry.status === 'queued');
    const probe = { urgency, waitingSince: deps.clock().toISOString() };
    const position = queued.filter((entry) => compareQueue(entry, probe) <= 0).length + 1;
    return { position, waitSeconds: estimateWaitSeconds(position, { agentsOnline: deps.agentsOnline() }) };
  }

  return { publish, estimateFor, entries };
}

/**
 * Keeps everyone's view of the queue current: agents get the whole queue (`queue` event),
 * each waiting shopper gets their own position and an honest wait estimate (`status`), and a
 * shopper is told only when their position actually changed.
 *
 * @example const queue = createQueuePublisher(deps); await queue.publish();
 */
import type { BusinessHours } from '../config.js';
import { honestWaitSeconds, MAX_WAIT_SAMPLES, queueBanner } from '../handoff/queue-banner.js';
import { compareQueue } from '../handoff/queue-order.js';
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
  /** Off duty, shoppers are told when the team is back instead of a wait (handoff/queue-banner.ts). */
  businessHours: BusinessHours;
}

const PREVIEW_LENGTH = 140;

export function createQueuePublisher(deps: QueuePublisherDeps): QueuePublisher {
  const lastSent = new Map<string, string>();
  /** When each conversation seen waiting joined the queue; a claim turns it into a measured wait. */
  const waiting = new Map<string, string>();
  const recentWaitsSeconds: number[] = [];

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
    measureClaims(list);
    const now = deps.clock();
    queued.forEach((entry, index) => {
      const status = queueBanner({ position: index + 1, now, hours: deps.businessHours, agentsOnline: deps.agentsOnline(), recentWaitsSeconds });
      const key = JSON.stringify(status);
      if (lastSent.get(entry.conversationId) === key) return;
      lastSent.set(entry.conversationId, key);
      deps.toShopper(entry.conversationId, status);
    });
    for (const id of lastSent.keys()) if (!queued.some((entry) => entry.conversationId === id)) lastSent.delete(id);
  }

  /** A conversation that waited and is now assigned was claimed: how long it waited is a sample. */
  function measureClaims(list: readonly QueueEntry[]): void {
    const now = deps.clock().getTime();
    for (const entry of list) {
      const since = waiting.get(entry.conversationId);
      if (entry.status === 'assigned' && since !== undefined) {
        const seconds = (now - Date.parse(since)) / 1000;
        if (Number.isFinite(seconds)) recentWaitsSeconds.push(seconds);
        if (recentWaitsSeconds.length > MAX_WAIT_SAMPLES) recentWaitsSeconds.shift();
      }
    }
    waiting.clear();
    for (const entry of list) if (entry.status === 'queued') waiting.set(entry.conversationId, entry.waitingSince);
  }

  async function estimateFor(urgency: Urgency): Promise<{ position: number; waitSeconds: number }> {
    const queued = (await entries()).filter((entry) => entry.status === 'queued');
    const probe = { urgency, waitingSince: deps.clock().toISOString() };
    const position = queued.filter((entry) => compareQueue(entry, probe) <= 0).length + 1;
    return { position, waitSeconds: honestWaitSeconds(position, { agentsOnline: deps.agentsOnline(), recentWaitsSeconds }) };
  }

  return { publish, estimateFor, entries };
}

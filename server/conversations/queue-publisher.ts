/**
 * Keeps everyone's view of the queue current from an in-memory view kept in step with the store.
 * Agents get the whole queue once (`queue` on connect) and then only what changed
 * (`queue:update {changed, removed}`); each waiting shopper gets their own position and an honest
 * wait estimate (`status`), only when it actually changed. A change re-reads just the conversations
 * it names (one indexed query, the preview is on the row); positions and estimates are computed in
 * memory, never by re-reading the queue per message.
 *
 * @example const queue = createQueuePublisher(deps); await queue.publish([conversationId]);
 */
import type { BusinessHours } from '../config.js';
import { honestWaitSeconds, MAX_WAIT_SAMPLES, queueBanner } from '../handoff/queue-banner.js';
import { compareQueue, compareQueueKeys, queueKey, type QueueKey } from '../handoff/queue-order.js';
import type { QueueEntry, QueueUpdatePayload, StatusPayload, Urgency } from '../protocol.js';
import type { ConversationRecord, Store } from '../store/store.js';

export interface QueuePublisher {
  /**
   * Re-reads the named conversations (all queued and assigned ones when omitted) and sends what
   * changed: agents the changed entries, shoppers their new positions.
   */
  publish(conversationIds?: string[]): Promise<void>;
  /**
   * Several nodes: re-reads conversations another node changed (and announced) into this node's
   * view, silently: that node already told agents and shoppers. Keeps positions and estimates here right.
   */
  sync(conversationIds?: string[]): Promise<void>;
  /** Re-sends shoppers' positions and estimates (the number of agents online changed); no store reads. */
  refreshEstimates(): Promise<void>;
  /** Where a conversation of this urgency would stand if it joined the queue now. */
  estimateFor(urgency: Urgency): Promise<QueueEstimate>;
  /** The same, without waiting: undefined until the queue has been read once at start. */
  estimateNow(urgency: Urgency): QueueEstimate | undefined;
  /** The current queue, sorted: queued first by urgency and waiting time, then assigned. */
  entries(): Promise<QueueEntry[]>;
}

export interface QueueEstimate {
  position: number;
  waitSeconds: number;
}

export interface QueuePublisherDeps {
  store: Pick<Store, 'listQueueConversations'>;
  clock: () => Date;
  agentsOnline: () => number;
  /** The changes since the last update, to every agent. */
  toAgents: (update: QueueUpdatePayload) => void;
  toShopper: (conversationId: string, status: StatusPayload) => void;
  /** Off duty, shoppers are told when the team is back instead of a wait (handoff/queue-banner.ts). */
  businessHours: BusinessHours;
  /** Several nodes: after a publish here, tells the other nodes which conversations changed (all when undefined). */
  announce?: (conversationIds: string[] | undefined) => void;
}

const inQueue = (conversation: ConversationRecord) => conversation.status === 'queued' || conversation.status === 'assigned';

export function toQueueEntry(conversation: ConversationRecord): QueueEntry {
  return {
    conversationId: conversation.id,
    status: conversation.status,
    urgency: conversation.urgency ?? 'normal',
    intent: conversation.intent ?? 'other',
    reasons: conversation.reasons,
    waitingSince: conversation.queuedAt ?? conversation.createdAt,
    preview: conversation.preview ?? '',
    language: conversation.language ?? 'en',
    ...(conversation.assigneeId ? { assignee: { id: conversation.assigneeId, name: conversation.assigneeName ?? '' } } : {}),
  };
}

const byQueueOrder = (a: QueueEntry, b: QueueEntry) => (a.status === b.status ? compareQueue(a, b) : a.status === 'queued' ? -1 : 1);

export function createQueuePublisher(deps: QueuePublisherDeps): QueuePublisher {
  const view = new Map<string, QueueEntry>();
  const lastSent = new Map<string, string>();
  /** Seconds between joining the queue and being claimed, for recent claims: the wait estimate's samples. */
  const recentWaitsSeconds: number[] = [];
  let loaded: Promise<void> | undefined;
  let ready = false;
  // Changes apply one after another, so two quick publishes never send entries out of order.
  let chain: Promise<void> = Promise.resolve();

  const load = () =>
    (loaded ??= deps.store.listQueueConversations().then((rows) => {
      for (const row of rows) setEntry(row.id, toQueueEntry(row));
      ready = true;
    }));

  // The waiting line in order, sorted again only after the view changed (every publish reads it);
  // each entry's key is parsed once, as a shopper's every bot turn asks where a newcomer would stand.
  const keys = new Map<string, QueueKey>();
  let sorted: { entries: QueueEntry[]; keys: QueueKey[] } | undefined;
  function queuedInOrder(): { entries: QueueEntry[]; keys: QueueKey[] } {
    if (sorted) return sorted;
    const waiting: Array<{ entry: QueueEntry; key: QueueKey }> = [];
    for (const [id, entry] of view) if (entry.status === 'queued') waiting.push({ entry, key: keys.get(id)! });
    waiting.sort((a, b) => compareQueueKeys(a.key, b.key));
    return (sorted = { entries: waiting.map((item) => item.entry), keys: waiting.map((item) => item.key) });
  }
  const queued = () => queuedInOrder().entries;
  function setEntry(id: string, entry: QueueEntry): void {
    view.set(id, entry);
    keys.set(id, queueKey(entry));
    sorted = undefined;
  }
  function deleteEntry(id: string): boolean {
    const deleted = view.delete(id);
    keys.delete(id);
    if (deleted) sorted = undefined;
    return deleted;
  }

  // A shopper's banner depends on their place and on what every banner shares (the minute, agents
  // online, recent waits): with those unchanged, only places from the first moved one need a banner.
  let toldOrder: string[] = [];
  let toldShared = '';

  function tellShoppers(everyone = false): void {
    const waiting = queued();
    const now = deps.clock();
    const agentsOnline = deps.agentsOnline();
    const shared = `${Math.floor(now.getTime() / 60_000)}|${agentsOnline}|${recentWaitsSeconds.length}|${recentWaitsSeconds.at(-1)}`;
    let from = 0;
    if (!everyone && shared === toldShared) {
      while (from < waiting.length && waiting[from]!.conversationId === toldOrder[from]) from += 1;
    }
    for (let index = from; index < waiting.length; index += 1) {
      const entry = waiting[index]!;
      const status = queueBanner({ position: index + 1, now, hours: deps.businessHours, agentsOnline, recentWaitsSeconds });
      const key = JSON.stringify(status);
      if (lastSent.get(entry.conversationId) === key) continue;
      lastSent.set(entry.conversationId, key);
      deps.toShopper(entry.conversationId, status);
    }
    toldOrder = waiting.map((entry) => entry.conversationId);
    toldShared = shared;
    if (lastSent.size > waiting.length) {
      const still = new Set(waiting.map((entry) => entry.conversationId));
      for (const id of lastSent.keys()) if (!still.has(id)) lastSent.delete(id);
    }
  }

  /** A conversation that waited and is now assigned was claimed: how long it waited is a sample. */
  function measureClaim(waited: QueueEntry): void {
    const seconds = (deps.clock().getTime() - Date.parse(waited.waitingSince)) / 1000;
    if (Number.isFinite(seconds)) recentWaitsSeconds.push(seconds);
    if (recentWaitsSeconds.length > MAX_WAIT_SAMPLES) recentWaitsSeconds.shift();
  }

  async function apply(conversationIds: string[] | undefined, silent = false): Promise<void> {
    await load();
    const rows = await deps.store.listQueueConversations(conversationIds);
    const changed: QueueEntry[] = [];
    const removed: string[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      if (!inQueue(row)) {
        if (deleteEntry(row.id)) removed.push(row.id);
        continue;
      }
      const entry = toQueueEntry(row);
      const before = view.get(row.id);
      if (before?.status === 'queued' && entry.status === 'assigned') measureClaim(before);
      if (JSON.stringify(before) === JSON.stringify(entry)) continue;
      setEntry(row.id, entry);
      changed.push(entry);
    }
    // A full read lists only what is in the queue; a named id that was not found is gone too.
    for (const id of conversationIds ?? [...view.keys()]) if (!seen.has(id) && deleteEntry(id)) removed.push(id);
    if (silent) return;
    if (changed.length > 0 || removed.length > 0) deps.toAgents({ changed: changed.sort(byQueueOrder), removed });
    tellShoppers();
    deps.announce?.(conversationIds);
  }

  function estimateNow(urgency: Urgency): QueueEstimate | undefined {
    if (!ready) {
      load().catch(() => undefined); // the next call has it; whoever awaits the read sees its error
      return undefined;
    }
    // A newcomer stands behind everyone of its urgency or higher who joined before now.
    const probe = queueKey({ urgency, waitingSince: deps.clock().toISOString() });
    const order = queuedInOrder().keys;
    let ahead = 0;
    let behind = order.length;
    while (ahead < behind) {
      const middle = (ahead + behind) >>> 1;
      if (compareQueueKeys(order[middle]!, probe) <= 0) ahead = middle + 1;
      else behind = middle;
    }
    const position = ahead + 1;
    return { position, waitSeconds: honestWaitSeconds(position, { agentsOnline: deps.agentsOnline(), recentWaitsSeconds }) };
  }

  function enqueue(conversationIds: string[] | undefined, silent: boolean): Promise<void> {
    const next = chain.then(() => apply(conversationIds, silent));
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    publish: (conversationIds) => enqueue(conversationIds, false),
    sync: (conversationIds) => enqueue(conversationIds, true),
    async refreshEstimates() {
      await load();
      tellShoppers(true);
    },
    async estimateFor(urgency) {
      await load();
      return estimateNow(urgency)!;
    },
    estimateNow,
    async entries() {
      await load();
      return [...view.values()].sort(byQueueOrder);
    },
  };
}

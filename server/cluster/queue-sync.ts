/**
 * Owns the agent queue across nodes: each node keeps an in-memory view of the queue (queue
 * publisher), so when one node changes conversations in it, it announces their ids on a Redis
 * channel and every other node re-reads just those into its own view. Positions and wait
 * estimates computed on any node then count every node's queue. The announcement carries ids
 * only; the data comes from the database.
 *
 * @example
 *   const queueSync = await startQueueSync({ redis, prefix, nodeId, logger });
 *   createApp({ …, queueChanges: queueSync });  // publisher calls announce(), app registers onRemote()
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { RedisConnection } from './redis-connection.js';

const Announcement = z.object({ node: z.string(), ids: z.array(z.string()).max(10_000).optional() });

export interface QueueChanges {
  /** Tells the other nodes these conversations changed in the queue (all of them when undefined). */
  announce(conversationIds: string[] | undefined): void;
  /** Where this node hears the other nodes' announcements. */
  onRemote(listener: (conversationIds: string[] | undefined) => void): void;
  close(): Promise<void>;
}

export async function startQueueSync(options: { redis: RedisConnection; prefix: string; nodeId: string; logger: Pick<Logger, 'warn' | 'error'> }): Promise<QueueChanges> {
  const { redis, nodeId } = options;
  const channel = `${options.prefix}:queue-changed`;
  const listeners: Array<(ids: string[] | undefined) => void> = [];
  const onMessage = (raw: string) => {
    let parsed;
    try {
      parsed = Announcement.safeParse(JSON.parse(raw));
    } catch {
      return;
    }
    if (!parsed.success || parsed.data.node === nodeId) return;
    for (const listener of listeners) listener(parsed.data.ids);
  };
  await redis.subscriber.subscribe(channel, onMessage);
  return {
    announce(conversationIds) {
      // While Redis is away the other nodes' views go stale; agents re-read the queue on reconnect.
      if (!redis.isUp()) return;
      redis.command.publish(channel, JSON.stringify({ node: nodeId, ids: conversationIds })).catch(() => 0);
    },
    onRemote: (listener) => void listeners.push(listener),
    async close() {
      await redis.subscriber.unsubscribe(channel, onMessage).catch(() => undefined);
    },
  };
}

/**
 * Owns socket.io across nodes: the `@socket.io/redis-adapter` (Redis pub/sub) over this node's
 * Redis connection, so `to(room).emit`, `socketsJoin` and `fetchSockets` reach the sockets of
 * every node. Chosen over the Redis streams adapter because the widget and the console already
 * recover from the database on every reconnect (`session` carries the transcript, `queue` the
 * whole queue), so connection-state recovery across a Redis blip buys nothing, and pub/sub keeps
 * nothing in Redis.
 *
 * The adapter fires PUBLISH without awaiting it; a publish that fails while Redis is away would
 * be an unhandled rejection, which ends a Node process. Its client therefore goes through a view
 * whose `publish` swallows the failure (the outage itself is logged once by redis-connection.ts).
 *
 * @example const io = new Server(httpServer, { adapter: createSocketAdapter(redis) });
 */
import { createAdapter } from '@socket.io/redis-adapter';
import type { RedisClient, RedisConnection } from './redis-connection.js';

/** The publishing client, with failed PUBLISHes dropped instead of rejected. */
function withQuietPublish(client: RedisClient): RedisClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'publish' || property === 'PUBLISH') {
        return (...args: unknown[]) => (target.publish as (...a: unknown[]) => Promise<number>)(...args).catch(() => 0);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The adapter constructor for socket.io's `adapter` option; channels start with `<prefix>:socket.io` (REDIS_KEY_PREFIX). */
export function createSocketAdapter(redis: RedisConnection, prefix: string) {
  return createAdapter(withQuietPublish(redis.command), redis.subscriber, { key: `${prefix}:socket.io`, requestsTimeout: 3_000 });
}

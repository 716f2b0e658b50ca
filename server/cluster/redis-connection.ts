/**
 * Owns the node's Redis connections (REDIS_URL): one for commands and publishing, one held in
 * subscriber mode (Redis requires its own connection for that), each failing fast at start and
 * reconnecting for ever once running. A Redis outage is logged once when it starts and once when
 * it ends, however many reconnect attempts fail in between (node-redis emits `error` for each).
 *
 * While Redis is away, commands fail at once instead of piling up in an offline queue: the node
 * keeps serving its own sockets, and events meant for other nodes during the gap are dropped
 * (clients catch up from the database on their next `session`, `queue` or `conversation`).
 *
 * @example
 *   const redis = await connectRedis({ url: config.redisUrl, logger });
 *   await redis.command.set('k', 'v'); redis.onReady(() => …); await redis.close();
 */
import { createClient } from 'redis';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof createClient>;

/** Redis could not be reached at start; `main.ts` prints it as one line naming REDIS_URL. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

export interface RedisConnection {
  /** Commands and PUBLISH. */
  command: RedisClient;
  /** SUBSCRIBE / PSUBSCRIBE only (the socket.io adapter and announcements). */
  subscriber: RedisClient;
  /** True while both connections are up. */
  isUp(): boolean;
  /** Called each time Redis comes back after an outage (e.g. to re-announce this node's state). */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

export interface RedisConnectionOptions {
  url: string;
  logger: Pick<Logger, 'warn' | 'info'>;
  /** Connect timeout at start and per reconnect attempt, in milliseconds. */
  connectTimeoutMs?: number;
}

/** Reconnect delay: 100 ms, 200 ms, … capped at 2 s, so a returning Redis is found within 2 s. */
const backoff = (retries: number) => Math.min(100 * (retries + 1), 2_000);

/**
 * Connects both clients; throws `RedisUnavailableError` (both closed) when Redis does not answer.
 *
 * @example const redis = await connectRedis({ url: 'redis://127.0.0.1:6379', logger });
 */
export async function connectRedis(options: RedisConnectionOptions): Promise<RedisConnection> {
  const { logger } = options;
  let started = false;
  let down = false;
  const reconnectListeners: Array<() => void> = [];
  const make = () =>
    createClient({
      url: options.url,
      disableOfflineQueue: true,
      // A silent network drop (no RST) is noticed within this interval.
      pingInterval: 5_000,
      socket: {
        connectTimeout: options.connectTimeoutMs ?? 5_000,
        // Before the first connection an error ends connect() (fail fast); afterwards, retry for ever.
        reconnectStrategy: (retries, cause) => (started ? backoff(retries) : cause),
      },
    });
  const command = make();
  const subscriber = make();
  const clients = [command, subscriber];
  const isUp = () => clients.every((client) => client.isReady);
  for (const client of clients) {
    client.on('error', (error: Error) => {
      if (!started || down) return;
      down = true;
      logger.warn({ err: { message: error.message } }, 'redis lost: this node serves its own sockets only until it returns');
    });
    client.on('ready', () => {
      if (!down || !isUp()) return;
      down = false;
      logger.info('redis is back: events reach the other nodes again');
      for (const listener of reconnectListeners) listener();
    });
  }
  try {
    await Promise.all(clients.map((client) => client.connect()));
  } catch (error) {
    await Promise.allSettled(clients.map(async (client) => client.destroy()));
    const message = error instanceof Error ? error.message || error.name : String(error);
    throw new RedisUnavailableError(`cannot connect: ${message}`, { cause: error });
  }
  started = true;
  return {
    command,
    subscriber,
    isUp,
    onReconnect: (listener) => void reconnectListeners.push(listener),
    async close() {
      await Promise.allSettled(clients.map(async (client) => (client.isOpen ? client.close() : client.destroy())));
    },
  };
}

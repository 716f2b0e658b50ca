/**
 * Owns "agents online" across nodes (wait estimates, SPEC §8): each node writes how many agent
 * sockets it holds into one Redis hash with a heartbeat every `intervalMs`, and reads everyone's.
 * A node that stops beating (killed) drops out after `staleMs`; a node that closes removes itself.
 * Reads are served from the last refresh plus this node's live count, so the queue publisher
 * never waits on Redis; while Redis is away each node counts its own agents only.
 *
 * @example
 *   const presence = startPresence({ redis, prefix, nodeId, logger });
 *   presence.track(() => io.of('/agent').sockets.size);
 *   presence.agentsOnline(); // this node's agents + the other live nodes'
 */
import type { Logger } from 'pino';
import type { RedisConnection } from './redis-connection.js';

export interface Presence {
  /** Where this node's own count comes from (set once the socket server exists). */
  track(localCount: () => number): void;
  /** Agent sockets on every live node. */
  agentsOnline(): number;
  /** Writes and reads now (tests; a change that should show at once). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export interface PresenceOptions {
  redis: RedisConnection;
  prefix: string;
  nodeId: string;
  logger: Pick<Logger, 'debug'>;
  intervalMs?: number;
  /** A node whose last beat is older than this is taken for dead. */
  staleMs?: number;
}

/** One hash field per node: `<count>@<beat time in ms>`. */
const encode = (count: number, at: number) => `${count}@${at}`;

export function startPresence(options: PresenceOptions): Presence {
  const { redis, nodeId } = options;
  const intervalMs = options.intervalMs ?? 2_000;
  const staleMs = options.staleMs ?? intervalMs * 3;
  const key = `${options.prefix}:agents-online`;
  let local: () => number = () => 0;
  let others = 0;

  async function refresh(): Promise<void> {
    if (!redis.isUp()) {
      others = 0; // alone until Redis returns: never count agents we cannot reach
      return;
    }
    const now = Date.now();
    await redis.command.hSet(key, nodeId, encode(local(), now));
    const fields = await redis.command.hGetAll(key);
    let sum = 0;
    const dead: string[] = [];
    for (const [node, value] of Object.entries(fields)) {
      if (node === nodeId) continue;
      const [count, at] = value.split('@').map(Number);
      if (!Number.isFinite(at) || now - (at ?? 0) > staleMs) dead.push(node);
      else sum += count ?? 0;
    }
    if (dead.length > 0) await redis.command.hDel(key, dead);
    others = sum;
  }

  const tick = () => refresh().catch((error: unknown) => options.logger.debug({ err: error }, 'presence refresh failed; retrying'));
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();

  return {
    track(localCount) {
      local = localCount;
      void tick();
    },
    agentsOnline: () => local() + others,
    refresh,
    async close() {
      clearInterval(timer);
      if (redis.isUp()) await redis.command.hDel(key, nodeId).catch(() => 0);
    },
  };
}

// "Agents online" across nodes (wait estimates): presence of two nodes on one real Redis adds up,
// a node that closes leaves at once, and one that stops beating (killed) drops out when stale.
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis, type RedisConnection } from '../../server/cluster/redis-connection.js';
import { startPresence, type Presence } from '../../server/cluster/presence.js';
import { requireRedis, TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis.js';

const quiet = { warn: () => {}, info: () => {}, debug: () => {} };
const redises: RedisConnection[] = [];
const presences: Presence[] = [];
afterEach(async () => {
  await Promise.all(presences.splice(0).map((presence) => presence.close()));
  await Promise.all(redises.splice(0).map((redis) => redis.close()));
});

async function node(prefix: string, nodeId: string, agents: number, options: { intervalMs?: number; staleMs?: number } = {}) {
  const redis = await connectRedis({ url: TEST_REDIS_URL, logger: quiet });
  redises.push(redis);
  const presence = startPresence({ redis, prefix, nodeId, logger: quiet, intervalMs: options.intervalMs ?? 60_000, staleMs: options.staleMs ?? 60_000 });
  presences.push(presence);
  let count = agents;
  presence.track(() => count);
  return { presence, set: (next: number) => void (count = next) };
}

describe.skipIf(!(await requireRedis()))('agent presence in Redis', () => {
  it('adds up the agents of every live node, and forgets a node that closes', async () => {
    const prefix = uniqueRedisPrefix();
    const a = await node(prefix, 'a', 2);
    const b = await node(prefix, 'b', 1);
    await a.presence.refresh();
    await b.presence.refresh();
    await a.presence.refresh();
    expect(a.presence.agentsOnline()).toBe(3);
    expect(b.presence.agentsOnline()).toBe(3);
    b.set(0); // this node's own count is live, not cached
    expect(b.presence.agentsOnline()).toBe(2);
    await b.presence.close();
    await a.presence.refresh();
    expect(a.presence.agentsOnline()).toBe(2);
  });

  it('drops a node that stopped beating once its last beat is stale', async () => {
    const prefix = uniqueRedisPrefix();
    const a = await node(prefix, 'a', 1, { staleMs: 300 });
    const dead = await node(prefix, 'dead', 4);
    await dead.presence.refresh();
    await a.presence.refresh();
    expect(a.presence.agentsOnline()).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 400)); // 'dead' never beats again (a killed process)
    await a.presence.refresh();
    expect(a.presence.agentsOnline()).toBe(1);
  });
});

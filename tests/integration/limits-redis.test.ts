// Limits shared across nodes (SPEC §10): two limiter sets on one real Redis (two nodes) count
// against the same budget, and a node whose Redis is gone keeps counting on its own instead of
// refusing every shopper (SPEC §8: keep serving).
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { connectRedis, type RedisConnection } from '../../server/cluster/redis-connection.js';
import { createLimiters, DEFAULT_LIMITS } from '../../server/limits/limiters.js';
import { requireRedis, TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis.js';

const SETTINGS = { ...DEFAULT_LIMITS, messagesPerConversationPer10s: 4, loginsPerAccountPerHour: 3 };
const quiet = { warn: () => {}, info: () => {} };
const opened: RedisConnection[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((redis) => redis.close()));
});

async function node(prefix: string) {
  const redis = await connectRedis({ url: TEST_REDIS_URL, logger: quiet });
  opened.push(redis);
  return createLimiters(SETTINGS, { redis: redis.command, prefix });
}

/** How many of `attempts` calls pass before `rate_limited`. */
async function passes(attempts: Array<() => Promise<unknown>>): Promise<number> {
  let passed = 0;
  for (const attempt of attempts) {
    try {
      await attempt();
      passed += 1;
    } catch (error) {
      expect(error).toMatchObject({ code: 'rate_limited' });
    }
  }
  return passed;
}

describe.skipIf(!(await requireRedis()))('limits in Redis', () => {
  it('counts one conversation’s messages on two nodes against one budget', async () => {
    const prefix = uniqueRedisPrefix();
    const [a, b] = [await node(prefix), await node(prefix)];
    const alternating = Array.from({ length: 8 }, (_, i) => () => (i % 2 ? a : b).message('conv-1'));
    expect(await passes(alternating)).toBe(4);
    // Another conversation has its own budget.
    await expect(a.message('conv-2')).resolves.toBeUndefined();
  });

  it('counts sign-ins per account across nodes', async () => {
    const prefix = uniqueRedisPrefix();
    const [a, b] = [await node(prefix), await node(prefix)];
    const attempts = Array.from({ length: 6 }, (_, i) => () => (i % 2 ? a : b).login(`10.0.0.${i}`, 'mia@shop.example'));
    expect(await passes(attempts)).toBe(3);
  });

  it('falls back to counting in this process when Redis is unreachable, instead of refusing everyone', async () => {
    const gone = createClient({ url: TEST_REDIS_URL, disableOfflineQueue: true, socket: { reconnectStrategy: false } });
    gone.on('error', () => {});
    await gone.connect();
    await gone.close(); // a closed client fails every command at once, as during an outage
    const limits = createLimiters(SETTINGS, { redis: gone, prefix: uniqueRedisPrefix() });
    expect(await passes(Array.from({ length: 6 }, () => () => limits.message('conv-1')))).toBe(4);
  });
});

/**
 * Redis for tests: where it is (`TEST_REDIS_URL`, default the local server), whether it answers,
 * a key prefix unique to this run (so other runs and helpers sharing the Redis never see our
 * channels), and the skip-or-fail rule of SPEC §2 (skip with a reason; under `REQUIRE_ALL=1` fail).
 *
 * @example describe.skipIf(!(await requireRedis()))('two nodes', () => { … REDIS_KEY_PREFIX: uniqueRedisPrefix() … });
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let probe: Promise<string | undefined> | undefined;

/** Undefined when Redis answers PING, else why not. */
export function redisProblem(): Promise<string | undefined> {
  probe ??= (async () => {
    const client = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message || error.name : String(error);
    } finally {
      await client.destroy();
    }
  })();
  return probe;
}

/** True when Redis answers; otherwise prints why tests are skipped, or throws under `REQUIRE_ALL=1`. */
export async function requireRedis(): Promise<boolean> {
  const problem = await redisProblem();
  if (problem === undefined) return true;
  const why = `Redis not reachable at TEST_REDIS_URL (${TEST_REDIS_URL}): ${problem}`;
  if (process.env.REQUIRE_ALL === '1') throw new Error(`${why}; REQUIRE_ALL=1 makes a skipped Redis test a failure (.ci/run starts it)`);
  console.warn(`${why}: Redis tests skipped`);
  return false;
}

/** A REDIS_KEY_PREFIX no other run uses. */
export function uniqueRedisPrefix(): string {
  return `relaydesk-test-${randomBytes(6).toString('hex')}`;
}

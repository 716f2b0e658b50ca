/**
 * A token bucket per socket or per key: `take()` is false when the caller is over its rate.
 * Time comes from a clock argument, so tests drive it without waiting.
 *
 * @example const limiter = createRateLimiter({ burst: 8, refillPerSecond: 0.5 }); if (!limiter.take()) reject();
 */
export interface RateLimit {
  burst: number;
  refillPerSecond: number;
}

export function createRateLimiter(limit: RateLimit, clock: () => number = Date.now) {
  let tokens = limit.burst;
  let last = clock();
  return {
    take(): boolean {
      const now = clock();
      tokens = Math.min(limit.burst, tokens + ((now - last) / 1000) * limit.refillPerSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

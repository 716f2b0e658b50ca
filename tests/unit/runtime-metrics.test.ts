// With `runtime` (what `relaydesk serve` turns on), /metrics also carries the process's own
// metrics; the load benchmark reads the event-loop delay of its run from two scrapes, which holds
// only because the delay histogram starts over at every scrape.
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../server/metrics/metrics.js';
import { parseExposition } from '../support/prometheus.js';

function sample(text: string, name: string): number {
  const value = parseExposition(text).get(name);
  if (value === undefined) throw new Error(`${name} is not in the exposition`);
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runtime metrics', () => {
  it('are left out unless asked for: a test process builds many apps, and these watch the whole process', async () => {
    const text = await createMetrics({ queueLength: async () => 0 }).render();
    expect(text).toContain('relaydesk_queue_length 0');
    expect(text).not.toContain('nodejs_');
  });

  it('report the longest event-loop delay since the previous scrape, and GC pauses by kind', async () => {
    const metrics = createMetrics({ queueLength: async () => 0, runtime: true });
    await metrics.render(); // the first scrape: what came before it is not counted again
    await sleep(50);
    const blockedUntil = performance.now() + 300;
    while (performance.now() < blockedUntil) {
      // a handler that keeps the loop for 300 ms
    }
    await sleep(50);
    const during = await metrics.render();
    expect(sample(during, 'nodejs_eventloop_lag_max_seconds')).toBeGreaterThanOrEqual(0.25);
    expect(during).toContain('# TYPE nodejs_gc_duration_seconds histogram');

    await sleep(100);
    const after = await metrics.render();
    expect(sample(after, 'nodejs_eventloop_lag_max_seconds')).toBeLessThan(0.25);
  });
});

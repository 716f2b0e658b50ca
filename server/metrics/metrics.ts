/**
 * Owns the Prometheus metrics of one app instance (prom-client, its own `Registry`: never the
 * global default one, so several servers in one test process never share or collide on counters).
 * Counters move on desk events (see desk-recorder.ts); the queue length is read at scrape time.
 *
 * What each metric counts, precisely:
 * - `relaydesk_messages_total{from}`: every stored message (not a duplicate retry), by sender.
 * - `relaydesk_conversations_total`: conversations in which the shopper wrote, at their first message.
 * - `relaydesk_conversations_solved_by_bot_total`: conversations that went idle for BOT_IDLE_MINUTES
 *   while still with the bot, never handed over, after at least one helpful bot answer; counted
 *   once, when the idle sweep settles them (bot-settler.ts).
 * - `relaydesk_handoffs_total{reason}`: every hand-over from the bot to people, once, under its
 *   primary reason (handoff-reason.ts); an agent taking a chat straight from the bot is `agent`.
 * - `relaydesk_first_response_seconds`: first hand-over → the first agent reply.
 * - `relaydesk_resolution_seconds`: first hand-over → resolved by an agent.
 * - `relaydesk_ratings`: the first 1–5 rating of each conversation (`_sum / _count` is the average).
 * - With `runtime`, prom-client's process metrics too: among them `nodejs_gc_duration_seconds{kind}`
 *   (every GC pause) and `nodejs_eventloop_lag_{p50,p90,p99,max}_seconds`, which cover the time
 *   since the previous scrape (the delay histogram starts over at each one).
 *
 * @example
 *   const metrics = createMetrics({ queueLength: async () => 3 });
 *   metrics.handoffs.inc({ reason: 'safety' });
 *   res.type(metrics.contentType).send(await metrics.render());
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsDeps {
  /** Conversations waiting in the queue now; read at every scrape. */
  queueLength: () => Promise<number>;
  /**
   * Also the process's own metrics (prom-client's defaults: CPU, memory, GC pauses by kind,
   * event-loop delay since the last scrape). They watch the whole process and are never stopped,
   * so only the app that serves the process turns them on (main.ts), not tests' many apps.
   */
  runtime?: boolean;
}

/** Seconds: from a quick pick-up to a day (a complaint left overnight). */
const FIRST_RESPONSE_BUCKETS = [15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 28800, 86400];
const RESOLUTION_BUCKETS = [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 259200, 604800];

export function createMetrics(deps: MetricsDeps) {
  const registry = new Registry();
  const registers = [registry];
  if (deps.runtime) collectDefaultMetrics({ register: registry });
  const metrics = {
    messages: new Counter({ name: 'relaydesk_messages_total', help: 'Stored messages by sender', labelNames: ['from'] as const, registers }),
    conversations: new Counter({ name: 'relaydesk_conversations_total', help: 'Conversations in which the shopper wrote', registers }),
    solvedByBot: new Counter({
      name: 'relaydesk_conversations_solved_by_bot_total',
      help: 'Conversations settled idle with the bot: never handed over, and the bot helped at least once',
      registers,
    }),
    handoffs: new Counter({ name: 'relaydesk_handoffs_total', help: 'Hand-overs from the bot to people, by primary reason', labelNames: ['reason'] as const, registers }),
    firstResponse: new Histogram({
      name: 'relaydesk_first_response_seconds',
      help: 'Seconds from the first hand-over to the first agent reply',
      buckets: FIRST_RESPONSE_BUCKETS,
      registers,
    }),
    resolution: new Histogram({
      name: 'relaydesk_resolution_seconds',
      help: 'Seconds from the first hand-over to the resolution',
      buckets: RESOLUTION_BUCKETS,
      registers,
    }),
    ratings: new Histogram({ name: 'relaydesk_ratings', help: 'Shopper ratings from 1 to 5 (first rating per conversation)', buckets: [1, 2, 3, 4, 5], registers }),
    intentReloads: new Counter({ name: 'relaydesk_intent_reloads_total', help: 'Intent set reloads by result (ok or rejected)', labelNames: ['result'] as const, registers }),
  };
  new Gauge({
    name: 'relaydesk_queue_length',
    help: 'Conversations waiting in the queue for an agent',
    registers,
    async collect() {
      this.set(await deps.queueLength());
    },
  });
  return {
    ...metrics,
    contentType: registry.contentType,
    /** The Prometheus text exposition of every metric. */
    render: () => registry.metrics(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

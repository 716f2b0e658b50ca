/**
 * Drives one server for `npm run bench:load` with socket.io-client: N widgets connect (each with
 * its own X-Forwarded-For, as behind a proxy), then shopper messages go out open-loop at a fixed
 * rate, round-robin over the widgets; latency is emit → the bot's `message`. Every wait is bounded.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { parseExposition } from '../../support/prometheus.js';
import { cpuSeconds, rssKb } from './proc-stats.js';

/**
 * Routine questions the bot answers itself (no handoff), asked in turn by each widget. Six, so no
 * intent comes up a third time before a widget's seventh message: triage reads a third question of
 * the same intent as the bot not helping (`repeat:same_question`) and hands the chat to a person.
 */
const QUESTIONS = [
  'how long does shipping to Germany take?',
  'what payment methods do you accept?',
  'what is your return policy?',
  'where is my order 1002',
  'can I pay with PayPal?',
  'how do I return an item?',
];

export interface CellOptions {
  widgets: number;
  rate: number;
  seconds: number;
  /** A message whose bot reply has not arrived this long after the last send counts as failed. */
  replyTimeoutMs: number;
  /** Read the server's runtime metrics (`GET /metrics`) just before and after the load: RelayDesk only. */
  runtimeMetrics?: boolean;
}

/** What the server's own metrics say of the load window: why its tail is what it is. */
export interface ServerRuntime {
  /** Event-loop delay over the window (`monitorEventLoopDelay`, reset by the first scrape). */
  loopP99Ms: number;
  loopMaxMs: number;
  /** GC pauses in the window by kind (minor = scavenge, major = mark-compact, incremental = marking steps). */
  gc: Array<{ kind: string; count: number; totalMs: number }>;
}

export interface CellResult {
  p50Ms: number;
  p99Ms: number;
  sent: number;
  failed: number;
  repliesPerSecond: number;
  cpuPercent: number;
  /** The server's main thread (its event loop) alone: near 100 % it is saturated. */
  mainThreadPercent: number;
  /** This driver process: it shares the machine's cores with the server it measures. */
  driverCpuPercent: number;
  /**
   * The driver's own event loop during the load: a reply is timed when the driver reads it, so a
   * stall here (its GC, with thousands of clients on its heap) lengthens the tail of whichever
   * server it happens to be measuring.
   */
  driverLoopMaxMs: number;
  driverGcMaxMs: number;
  rssPerIdleWidgetKb: number;
  /** p99 of the messages sent after the first two seconds (JIT and caches warm), NaN in shorter runs. */
  steadyP99Ms: number;
  /** Per second of the run, by when the message was sent: where in the run the slow replies were. */
  timeline: Array<{ second: number; p50Ms: number; p99Ms: number; maxMs: number }>;
  runtime?: ServerRuntime;
}

/** The server's `/metrics` samples, keyed by `name{labels}`. */
async function scrape(url: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return parseExposition(await response.text());
}

function runtimeBetween(before: Map<string, number>, after: Map<string, number>): ServerRuntime {
  const ms = (name: string) => (after.get(name) ?? NaN) * 1000;
  const gc = ['minor', 'major', 'incremental'].map((kind) => {
    const delta = (name: string) => (after.get(`${name}{kind="${kind}"}`) ?? 0) - (before.get(`${name}{kind="${kind}"}`) ?? 0);
    return { kind, count: delta('nodejs_gc_duration_seconds_count'), totalMs: delta('nodejs_gc_duration_seconds_sum') * 1000 };
  });
  return { loopP99Ms: ms('nodejs_eventloop_lag_p99_seconds'), loopMaxMs: ms('nodejs_eventloop_lag_max_seconds'), gc };
}

const CONNECT_BATCH = 250;
/** The driver's event-loop timer: its histogram records the whole interval, so the delay is the rest. */
const LOOP_RESOLUTION_MS = 5;
/** Seconds at the start of a run left out of `steadyP99Ms`. */
const WARM_SECONDS = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A distinct client address per widget (10.x.y.z), so per-IP limits see many shoppers. */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function connectWidget(url: string, i: number, timeoutMs: number): Promise<Socket> {
  const socket = io(`${url}/customer`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { 'x-forwarded-for': addressOf(i) },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`widget ${i}: no session within ${timeoutMs} ms`)), timeoutMs);
    socket.once('session', () => (clearTimeout(timer), resolve(socket)));
    socket.once('connect_error', (error) => (clearTimeout(timer), reject(error)));
  });
}

const quantile = (sorted: number[], q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);

export async function runCell(url: string, pid: number, options: CellOptions): Promise<CellResult> {
  const rssBefore = rssKb(pid);
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < options.widgets; i += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, options.widgets - i) }, (_, k) => connectWidget(url, i + k, 30_000));
      sockets.push(...(await Promise.all(batch)));
    }
    await sleep(1000); // let the server settle before reading its idle memory
    const rssPerIdleWidgetKb = (rssKb(pid) - rssBefore) / options.widgets;

    const latencies: number[] = [];
    const bySecond: number[][] = [];
    const waiting = sockets.map(() => [] as number[]); // per widget: send times still without a reply
    let failed = 0;
    sockets.forEach((socket, i) =>
      socket.on('message', (message: { from?: string }) => {
        if (message.from !== 'bot') return;
        const started = waiting[i]!.shift();
        if (started === undefined) return;
        const latency = performance.now() - started;
        latencies.push(latency);
        (bySecond[Math.floor((started - startedAt) / 1000)] ??= []).push(latency);
      }),
    );
    const total = Math.round(options.rate * options.seconds);
    // This scrape also starts the server's event-loop delay histogram over: the next one covers the load alone.
    const runtimeBefore = options.runtimeMetrics ? await scrape(url) : undefined;
    const cpuBefore = cpuSeconds(pid);
    const mainBefore = cpuSeconds(pid, true);
    const driverBefore = cpuSeconds(process.pid);
    const driverLoop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    let driverGcMaxMs = 0;
    const driverGc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) driverGcMaxMs = Math.max(driverGcMaxMs, entry.duration);
    });
    driverLoop.enable();
    driverGc.observe({ entryTypes: ['gc'] });
    const startedAt = performance.now();
    for (let sent = 0; sent < total; ) {
      // Open loop: as many messages as the clock says are due, whatever the server's pace.
      const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * options.rate) + 1);
      for (; sent < due; sent += 1) {
        const w = sent % sockets.length;
        const text = QUESTIONS[Math.floor(sent / sockets.length) % QUESTIONS.length]!;
        waiting[w]!.push(performance.now());
        sockets[w]!.emit('message', { clientId: `load-${sent}`, text }, (ack: { ok?: boolean }) => {
          if (ack?.ok !== true) failed += 1; // a refused message never gets its reply: counted once here
          if (ack?.ok !== true) waiting[w]!.pop();
        });
      }
      await sleep(2);
    }
    const deadline = performance.now() + options.replyTimeoutMs;
    while (latencies.length + failed < total && performance.now() < deadline) await sleep(20);
    const elapsed = (performance.now() - startedAt) / 1000;
    const cpuPercent = ((cpuSeconds(pid) - cpuBefore) / elapsed) * 100;
    const mainThreadPercent = ((cpuSeconds(pid, true) - mainBefore) / elapsed) * 100;
    const driverCpuPercent = ((cpuSeconds(process.pid) - driverBefore) / elapsed) * 100;
    driverLoop.disable();
    driverGc.disconnect();
    const runtime = runtimeBefore && runtimeBetween(runtimeBefore, await scrape(url));
    latencies.sort((a, b) => a - b);
    const timeline = [...bySecond.entries()]
      .filter(([, values]) => values !== undefined)
      .map(([second, values]) => {
        values.sort((a, b) => a - b);
        return { second, p50Ms: quantile(values, 0.5), p99Ms: quantile(values, 0.99), maxMs: values.at(-1)! };
      });
    const steady = bySecond.slice(WARM_SECONDS).flat().sort((a, b) => a - b);
    return {
      steadyP99Ms: options.seconds > WARM_SECONDS ? quantile(steady, 0.99) : NaN,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      sent: total,
      failed: total - latencies.length,
      repliesPerSecond: latencies.length / elapsed,
      cpuPercent,
      mainThreadPercent,
      driverCpuPercent,
      driverLoopMaxMs: Math.max(0, driverLoop.max / 1e6 - LOOP_RESOLUTION_MS),
      driverGcMaxMs,
      rssPerIdleWidgetKb,
      timeline,
      ...(runtime && { runtime }),
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

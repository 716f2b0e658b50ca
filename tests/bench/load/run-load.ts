/**
 * `npm run bench:load`: the same load against a bare socket.io floor (`floor-server.ts`) and
 * against RelayDesk (`relaydesk serve`, fresh DATA_DIR, SQLite with synchronous=FULL), each a fresh
 * child process, driven from this process (`load-driver.ts`), alternating floor → RelayDesk per
 * round. Prints p50/p99, failures, replies/s, server CPU (the whole process, and its main thread:
 * the event loop, which near 100 % queues every reply), RSS per idle widget, and the ratio.
 *
 *   npm run bench:load                                  # CI smoke: 300 widgets @ 150 msg/s, 4 s
 *   npm run bench:load -- --widgets 1000 --rate 500 --seconds 10
 *   npm run bench:load -- --full                        # the issue's three cells
 *   npm run bench:load -- --cpu-prof /tmp/prof          # RelayDesk runs under node --cpu-prof
 *   npm run bench:load -- --timeline                    # also p50/p99/max per second of the run
 *   DATABASE_URL=postgres://… npm run bench:load         # RelayDesk on PostgreSQL
 *   DATABASE_URL=… REDIS_URL=… npm run bench:load -- --nodes 2   # two nodes, the load split across them
 *
 * Exit 1 only on real failures (RelayDesk messages refused or unanswered, or a server that does
 * not start); with --strict also when a target is missed. Timing targets are reported, not enforced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCell, type CellOptions, type CellResult, type ServerRuntime } from './load-driver.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// RelayDesk runs with the node flags `npm start` gives it (bin/relaydesk.js says why).
const START_SCRIPT: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
const NODE_FLAGS = START_SCRIPT.split(' ').filter((word) => word.startsWith('--'));
const FULL_CELLS: Array<Pick<CellOptions, 'widgets' | 'rate'> & { p99LimitMs?: number }> = [
  { widgets: 10_000, rate: 2_000 },
  { widgets: 1_000, rate: 500 },
  { widgets: 10_000, rate: 3_000, p99LimitMs: 50 },
];

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

interface Running {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

function start(kind: 'floor' | 'relaydesk'): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-load-'));
  const profileAt = process.argv.indexOf('--cpu-prof');
  const profile = profileAt >= 0 && kind === 'relaydesk' ? ['--cpu-prof', '--cpu-prof-dir', process.argv[profileAt + 1] ?? 'cpu-profiles'] : [];
  const args = kind === 'floor' ? ['--import', 'tsx', join(ROOT, 'tests/bench/load/floor-server.ts')] : [...NODE_FLAGS, ...profile, join(ROOT, 'bin/relaydesk.js'), 'serve'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      BUSINESS_HOURS: 'Mon-Sun 00:00-24:00 UTC',
      // Each widget sends its own X-Forwarded-For: the per-IP limits see one shopper per widget.
      TRUST_PROXY: 'loopback',
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`${kind} did not start:\n${output}`))), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1] ?? /http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port === undefined) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({ url: `http://127.0.0.1:${port}`, child, stop });
    });
    void exited.then(() => reject(new Error(`${kind} exited before listening:\n${output}`)));
  });
}

async function measure(kind: 'floor' | 'relaydesk', options: CellOptions): Promise<CellResult> {
  const nodes = kind === 'relaydesk' ? flag('nodes', 1) : 1;
  if (nodes > 1) return measureNodes(nodes, options);
  const server = await start(kind);
  try {
    return await runCell(server.url, server.child.pid!, { ...options, runtimeMetrics: kind === 'relaydesk' });
  } finally {
    await server.stop();
  }
}

/**
 * `--nodes N` (with DATABASE_URL and REDIS_URL in the environment): N RelayDesk nodes on one
 * database and Redis, each driven with 1/N of the widgets and of the rate at once, as behind a
 * load balancer. Latencies are the worst node's, counts and throughput the sum, CPU the sum.
 */
async function measureNodes(nodes: number, options: CellOptions): Promise<CellResult> {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) throw new Error('--nodes needs DATABASE_URL and REDIS_URL in the environment');
  const servers: Running[] = [];
  try {
    for (let i = 0; i < nodes; i += 1) servers.push(await start('relaydesk'));
    const share = { ...options, widgets: Math.ceil(options.widgets / nodes), rate: options.rate / nodes };
    const results = await Promise.all(servers.map((server) => runCell(server.url, server.child.pid!, share)));
    const sum = (pick: (r: CellResult) => number) => results.reduce((total, r) => total + pick(r), 0);
    return {
      p50Ms: Math.max(...results.map((r) => r.p50Ms)),
      p99Ms: Math.max(...results.map((r) => r.p99Ms)),
      sent: sum((r) => r.sent),
      failed: sum((r) => r.failed),
      repliesPerSecond: sum((r) => r.repliesPerSecond),
      cpuPercent: sum((r) => r.cpuPercent),
      mainThreadPercent: Math.max(...results.map((r) => r.mainThreadPercent)), // the busiest node's event loop
      driverCpuPercent: results[0]!.driverCpuPercent, // one process drives every node: each cell reads the same figure
      driverLoopMaxMs: results[0]!.driverLoopMaxMs,
      driverGcMaxMs: results[0]!.driverGcMaxMs,
      rssPerIdleWidgetKb: sum((r) => r.rssPerIdleWidgetKb) / nodes,
      steadyP99Ms: Math.max(...results.map((r) => r.steadyP99Ms)),
      timeline: results[0]!.timeline, // the first node's: enough to see where in the run it was slow
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** `--timeline`: one line per server, `second: p50/p99/max` in ms, by when the message was sent. */
const timelineRow = (name: string, r: CellResult) =>
  `${name.padEnd(10)} ${r.timeline.map((s) => `${s.second}s ${fmt(s.p50Ms, 0)}/${fmt(s.p99Ms, 0)}/${fmt(s.maxMs, 0)}`).join('  ')}`;

/** RelayDesk's event loop and GC over the load window, from its `/metrics`: what its p99 is made of. */
const runtimeRow = (r: ServerRuntime) =>
  `relaydesk's event loop during the load: delay p99 ${fmt(r.loopP99Ms)} ms, max ${fmt(r.loopMaxMs)} ms; GC pauses ${r.gc
    .filter((g) => g.count > 0)
    .map((g) => `${g.kind} ${g.count}× ${fmt(g.totalMs / g.count)} ms`)
    .join(', ') || 'none'}`;

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const row = (name: string, r: CellResult) =>
  `${name.padEnd(10)} ${fmt(r.p50Ms).padStart(8)} ${fmt(r.p99Ms).padStart(8)} ${`${r.failed}/${r.sent}`.padStart(12)} ${fmt(r.repliesPerSecond, 0).padStart(10)} ${fmt(r.cpuPercent, 0).padStart(6)} ${fmt(r.mainThreadPercent, 0).padStart(7)} ${fmt(r.rssPerIdleWidgetKb).padStart(14)} ${fmt(r.driverCpuPercent, 0).padStart(9)}`;

async function main(): Promise<number> {
  const seconds = flag('seconds', process.argv.includes('--full') ? 10 : 4);
  const rounds = flag('rounds', 1);
  const cells = process.argv.includes('--full') ? FULL_CELLS : [{ widgets: flag('widgets', 300), rate: flag('rate', 150) }];
  const replyTimeoutMs = flag('reply-timeout-ms', 15_000);
  let realFailures = 0;
  let missed = 0;
  for (const cell of cells) {
    const options: CellOptions = { widgets: cell.widgets, rate: cell.rate, seconds, replyTimeoutMs };
    for (let round = 1; round <= rounds; round += 1) {
      const floor = await measure('floor', options);
      const relay = await measure('relaydesk', options);
      console.log(`\n${cell.widgets} widgets @ ${cell.rate} msg/s for ${seconds} s (round ${round}/${rounds}; shared machine: figures are noisy)`);
      console.log(`${''.padEnd(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(12)} ${'replies/s'.padStart(10)} ${'CPU %'.padStart(6)} ${'main %'.padStart(7)} ${'RSS KB/widget'.padStart(14)} ${'driver %'.padStart(9)}`);
      console.log(row('floor', floor));
      console.log(row('relaydesk', relay));
      if (seconds > 2) console.log(`p99 of messages sent after the first 2 s: floor ${fmt(floor.steadyP99Ms)} ms, relaydesk ${fmt(relay.steadyP99Ms)} ms`);
      if (relay.runtime) console.log(runtimeRow(relay.runtime));
      console.log(`the driver's own event loop (it times the replies): delay max ${fmt(floor.driverLoopMaxMs)} ms measuring the floor, ${fmt(relay.driverLoopMaxMs)} ms measuring relaydesk; its longest GC pause ${fmt(floor.driverGcMaxMs)} and ${fmt(relay.driverGcMaxMs)} ms`);
      if (process.argv.includes('--timeline')) {
        console.log('by second sent, p50/p99/max ms:');
        console.log(timelineRow('floor', floor));
        console.log(timelineRow('relaydesk', relay));
      }
      const target = cell.p99LimitMs ?? 2 * floor.p99Ms + 5;
      const met = relay.failed === 0 && relay.p99Ms <= target && (cell.widgets < 10_000 || relay.rssPerIdleWidgetKb <= 24);
      console.log(`ratio p99 ${fmt(relay.p99Ms / floor.p99Ms, 2)}×, p50 ${fmt(relay.p50Ms / floor.p50Ms, 2)}×; target p99 ≤ ${fmt(target)} ms, 0 failed${cell.widgets >= 10_000 ? ', ≤ 24 KB/widget' : ''}: ${met ? 'met' : 'NOT met'}`);
      realFailures += relay.failed;
      if (!met) missed += 1;
      if (floor.failed > 0) console.log(`warning: the floor itself lost ${floor.failed} replies: the driver or the machine is saturated`);
    }
  }
  if (realFailures > 0) return 1;
  return process.argv.includes('--strict') && missed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

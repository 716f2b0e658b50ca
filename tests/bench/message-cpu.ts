/**
 * CPU per shopper message on the server side, without sockets: N conversations each send M
 * routine questions through the conversation service (triage, one group-committed write, the bot
 * turn and its reply), on a real SQLite file. Each conversation reports its own time zone, as
 * shoppers worldwide do, so bot states differ between conversations as with real traffic (where
 * free text makes nearly every state new) instead of being one JSON text that all of them share.
 * Prints CPU µs per message (user + system of this process, so it moves less with other load than
 * wall time does), and the main thread's alone.
 *
 *   npm run bench:message -- [conversations=500] [rounds=4, at most 4]
 */
import { existsSync } from 'node:fs';
import { ensureBuilt } from '../../server/assets/ensure-built.js';
import { cpuSeconds } from './load/proc-stats.js';
import { startTestServer } from '../support/start-test-server.js';

const conversations = Number(process.argv[2] ?? 500);
const rounds = Math.min(Number(process.argv[3] ?? 4), 4);
// The first four of the load benchmark's routine questions (tests/bench/load/load-driver.ts): the bot answers them all.
const QUESTIONS = ['how long does shipping to Germany take?', 'what payment methods do you accept?', 'what is your return policy?', 'where is my order 1002'];

await ensureBuilt({ log: (line) => process.stderr.write(line) }); // the test server serves dist/
const server = await startTestServer({ env: { LOG_LEVEL: 'warn' } });
const service = server.app.service;
const TIME_ZONES = Intl.supportedValuesOf('timeZone');
async function open(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await service.openSession({ locale: 'en', timeZone: TIME_ZONES[i % TIME_ZONES.length] })).conversation.id);
  return ids;
}

// Each conversation asks each question once (a repeated question would rightly go to a person).
async function round(ids: string[], r: number): Promise<void> {
  await Promise.all(ids.map((id, i) => service.receiveCustomerMessage(id, { clientId: `r${r}-${i}`, text: QUESTIONS[(i + r) % QUESTIONS.length]! })));
  await service.idle();
}

const warm = await open(conversations);
for (let r = 0; r < QUESTIONS.length; r++) await round(warm, r); // JIT and caches
const ids = await open(conversations);
async function statuses(): Promise<string> {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const status = (await server.store.getConversation(id))?.status ?? '?';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}
// The main thread's own CPU (Linux): the whole process's adds the fsync and checkpoint threads.
const mainThread = () => (existsSync(`/proc/${process.pid}/task/${process.pid}/stat`) ? cpuSeconds(process.pid, true) : NaN);
const mainStarted = mainThread();
const started = process.cpuUsage();
const wall = performance.now();
for (let r = 0; r < rounds; r++) await round(ids, r);
const cpu = process.cpuUsage(started);
const mainCpuSeconds = mainThread() - mainStarted;
console.log('after the rounds:', await statuses());
const messages = conversations * rounds;
console.log(`${messages} messages: ${(((cpu.user + cpu.system) / messages)).toFixed(0)} CPU µs per message (user ${(cpu.user / messages).toFixed(0)}, system ${(cpu.system / messages).toFixed(0)}), wall ${((performance.now() - wall) * 1000 / messages).toFixed(0)} µs; main thread ${((mainCpuSeconds * 1e6) / messages).toFixed(0)} µs (10 ms ticks)`);
await server.close();
process.exit(0);

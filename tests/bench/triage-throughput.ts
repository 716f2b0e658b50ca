/**
 * Full-triage throughput, single thread: every message of the dev set (../shared/data/dev when
 * present, also from a worktree: see dev-data.ts; else intents/examples.jsonl) through `triage()`, after a warm-up pass that fills the
 * stem cache as a running server's would be. Prints messages per second.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileIntents } from '../../server/intents/compile-intents.js';
import { readIntentDir } from '../../server/intents/load-intents.js';
import { parseLabelledRows } from '../../server/eval/run-evaluation.js';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { findDevDir } from './dev-data.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEV_DIR = findDevDir(ROOT);

function loadTexts(): { texts: string[]; source: string } {
  if (DEV_DIR) {
    const files = readdirSync(DEV_DIR).filter((name) => name.endsWith('.jsonl'));
    const texts = files.flatMap((name) => parseLabelledRows(readFileSync(join(DEV_DIR, name), 'utf8'), name).map((row) => row.text));
    return { texts, source: `../shared/data/dev (${files.length} files)` };
  }
  const rows = parseLabelledRows(readFileSync(join(ROOT, 'intents', 'examples.jsonl'), 'utf8'));
  return { texts: rows.map((row) => row.text), source: 'intents/examples.jsonl' };
}

/**
 * Messages per second of wall time, and per second of this process's CPU time: on a shared
 * machine the wall figure drops with other load, the CPU figure much less.
 */
export function benchTriage(): { messagesPerSecond: number; messagesPerCpuSecond: number; messages: number; source: string } {
  const set = compileIntents(readIntentDir(join(ROOT, 'intents')));
  const { texts, source } = loadTexts();
  for (const text of texts) triage(text, NO_HISTORY, set); // warm-up: JIT and stem cache
  const rounds = 3;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let round = 0; round < rounds; round++) for (const text of texts) triage(text, NO_HISTORY, set);
  const cpu = process.cpuUsage(cpuStarted);
  const seconds = (performance.now() - started) / 1000;
  const messages = texts.length * rounds;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { messagesPerSecond: Math.round(messages / seconds), messagesPerCpuSecond: Math.round(messages / cpuSeconds), messages, source };
}

/**
 * Japanese and Chinese throughput (segmentation, substring terms): the ja/zh rows of
 * intents/examples.jsonl, repeated, after a warm-up. Target ≥ 20,000 messages/s.
 */
export function benchTriageCjk(): { messagesPerSecond: number; messagesPerCpuSecond: number; messages: number } {
  const set = compileIntents(readIntentDir(join(ROOT, 'intents')));
  const rows = parseLabelledRows(readFileSync(join(ROOT, 'intents', 'examples.jsonl'), 'utf8'));
  const texts = rows.filter((row) => row.lang === 'ja' || row.lang === 'zh').map((row) => row.text);
  for (const text of texts) triage(text, NO_HISTORY, set);
  const rounds = 200;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let round = 0; round < rounds; round++) for (const text of texts) triage(text, NO_HISTORY, set);
  const cpu = process.cpuUsage(cpuStarted);
  const messages = texts.length * rounds;
  return {
    messagesPerSecond: Math.round(messages / ((performance.now() - started) / 1000)),
    messagesPerCpuSecond: Math.round(messages / ((cpu.user + cpu.system) / 1e6)),
    messages,
  };
}

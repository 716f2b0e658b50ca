/**
 * Reads a process's CPU time and resident memory from /proc (Linux), for `npm run bench:load`:
 * the servers are separate processes, so their own numbers must come from outside.
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * User + system CPU seconds the process has used so far, or with `mainThread` only its main thread
 * (the event loop: its thread id is the process id). The process's figure adds libuv's pool
 * (fsyncs), V8's GC helpers and worker threads; the main thread's tells how near the node is to
 * saturation, where the p99 stops measuring the code and starts measuring the queue.
 */
export function cpuSeconds(pid: number, mainThread = false): number {
  const stat = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident set size in KB. */
export function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

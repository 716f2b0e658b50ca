/**
 * CI's check of the triage engine on public labelled data (../shared/data/dev, see its README):
 * runs `relaydesk eval --json --half check` on each file and compares with the floors. Only the
 * `check` half counts: keywords are tuned by looking at the `tune` half, so the floors measure
 * rows nobody tuned on (the split is fixed by a hash of each row's text: server/eval/dev-split.ts).
 * Writes `{passed, failed}` to the file named by argv[2]; exits 1 when a floor is missed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEV = join('..', 'shared', 'data', 'dev');
type Report = { intent?: { macroF1: number }; negative?: { f1: number }; handoff?: { recall: number } };
const FLOORS: Array<{ file: string; metric: string; floor: number; read: (r: Report) => number | undefined }> = [
  { file: 'bitext-cs-8k.jsonl', metric: 'intent macro-F1', floor: 0.92, read: (r) => r.intent?.macroF1 },
  { file: 'airline-tweets-dev.jsonl', metric: 'negative F1', floor: 0.72, read: (r) => r.negative?.f1 },
  { file: 'complaints-tweets-dev.jsonl', metric: 'negative F1', floor: 0.6, read: (r) => r.negative?.f1 },
  // Issue 13's target for incident reports; the check half gives 0.957.
  { file: 'cpsc-safety-dev.jsonl', metric: 'handoff recall', floor: 0.95, read: (r) => r.handoff?.recall },
];

let passed = 0;
let failed = 0;
for (const { file, metric, floor, read } of FLOORS) {
  const path = join(DEV, file);
  if (!existsSync(path)) {
    console.log(`FAIL ${file}: missing (CI expects ../shared/data/dev beside the project)`);
    failed++;
    continue;
  }
  const output = execFileSync(process.execPath, ['bin/relaydesk.js', 'eval', path, '--json', '--half', 'check'], { encoding: 'utf8' });
  const value = read(JSON.parse(output.trim().split('\n').at(-1)!) as Report);
  const ok = value !== undefined && value >= floor;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file} (check half): ${metric} ${value?.toFixed(3)} (floor ${floor})`);
  if (ok) passed++;
  else failed++;
}
writeFileSync(process.argv[2]!, JSON.stringify({ passed, failed }));
process.exitCode = failed > 0 ? 1 : 0;

/**
 * The `relaydesk` command line (SPEC §2): `serve`, `classify "text"`, `eval FILE.jsonl [--json]`
 * and `check-intents`. Argument parsing and printing only; the work lives in triage/ and eval/.
 * Intents are read from `--intents DIR`, else `INTENTS_DIR`, else `./intents`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileIntents, type IntentSet } from './intents/compile-intents.js';
import { IntentLoadError, readIntentDir } from './intents/load-intents.js';
import { parseLabelledRows, runEvaluation, RowParseError } from './eval/run-evaluation.js';
import { formatReport } from './eval/format-report.js';
import { DEV_HALVES, rowsOfHalf, type DevHalf } from './eval/dev-split.js';
import { findTermLeaks, formatLeak } from './eval/term-leaks.js';
import { NO_HISTORY, triage } from './triage/triage.js';

const USAGE = `usage: relaydesk <command>
  serve                       start the server (same as npm start)
  classify "text"             print the triage JSON of one message
  eval FILE.jsonl [--json] [--half tune|check]
                              evaluate intents/ on labelled rows (or one fixed half of them)
  check-intents [--leaks [FILE.jsonl ...]]
                              validate every file under the intents folder; --leaks also warns
                              about terms found in two or fewer labelled rows (default rows:
                              intents/examples.jsonl and ../shared/data/dev/*.jsonl)
options: --intents DIR (default: $INTENTS_DIR or ./intents)`;

interface Args {
  command: string | undefined;
  positional: string[];
  json: boolean;
  leaks: boolean;
  half: DevHalf | undefined;
  intentsDir: string;
}

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Args {
  const positional: string[] = [];
  let json = false;
  let leaks = false;
  let half: string | undefined;
  let intentsDir = env.INTENTS_DIR || './intents';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--leaks') leaks = true;
    else if (arg === '--half') half = argv[++i];
    else if (arg === '--intents') intentsDir = argv[++i] ?? intentsDir;
    else positional.push(arg);
  }
  const validHalf = DEV_HALVES.find((name) => name === half);
  if (half !== undefined && !validHalf) throw new UsageError(`--half takes ${DEV_HALVES.join(' or ')}, not "${half}"`);
  return { command: positional.shift(), positional, json, leaks, half: validHalf, intentsDir };
}

function loadSet(dir: string): IntentSet {
  return compileIntents(readIntentDir(dir));
}

async function run(args: Args): Promise<number> {
  switch (args.command) {
    case 'classify': {
      const text = args.positional.join(' ');
      if (!text.trim()) return fail('classify needs the message text: relaydesk classify "where is my order 1001"');
      process.stdout.write(`${JSON.stringify(triage(text, NO_HISTORY, loadSet(args.intentsDir)))}\n`);
      return 0;
    }
    case 'eval': {
      const file = args.positional[0];
      if (!file) return fail('eval needs a JSON Lines file: relaydesk eval intents/examples.jsonl [--json]');
      const all = parseLabelledRows(readFileSync(file, 'utf8'), file);
      const rows = args.half ? rowsOfHalf(all, args.half) : all;
      const { report } = runEvaluation(rows, loadSet(args.intentsDir));
      process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReport(report));
      return 0;
    }
    case 'check-intents': {
      const set = loadSet(args.intentsDir);
      process.stdout.write(`${args.intentsDir}: ${set.intents.size} intents, ${set.termCount} terms, all valid\n`);
      if (args.leaks) printLeaks(set, args);
      return 0;
    }
    case 'serve': {
      const { main } = await import('./main.js');
      await main();
      return -1; // keeps running
    }
    default:
      return fail(USAGE);
  }
}

class UsageError extends Error {}

/** Warnings only: a leak is a smell for ops to judge, not an invalid file. */
function printLeaks(set: IntentSet, args: Args): void {
  const files = args.positional.length > 0 ? args.positional : defaultLabelledFiles(args.intentsDir);
  const sources = files.map((file) => ({ source: file, rows: parseLabelledRows(readFileSync(file, 'utf8'), file) }));
  const leaks = findTermLeaks(set, sources);
  for (const leak of leaks) process.stdout.write(`${formatLeak(leak)}\n`);
  const rows = sources.reduce((sum, source) => sum + source.rows.length, 0);
  process.stdout.write(`${leaks.length} terms occur in two or fewer of ${rows} labelled rows (${files.join(', ')})\n`);
}

function defaultLabelledFiles(intentsDir: string): string[] {
  const files = [join(intentsDir, 'examples.jsonl')].filter((file) => existsSync(file));
  const devDir = join('..', 'shared', 'data', 'dev');
  if (existsSync(devDir)) files.push(...readdirSync(devDir).filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(devDir, name)));
  return files;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

try {
  const code = await run(parseArgs(process.argv.slice(2), process.env));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  if (error instanceof IntentLoadError || error instanceof RowParseError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  } else throw error;
}

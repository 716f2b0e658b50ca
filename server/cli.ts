/**
 * The `relaydesk` command line (SPEC §2): `serve`, `classify "text"`, `eval FILE.jsonl [--json]`
 * and `check-intents`. Argument parsing and printing only; the work lives in triage/ and eval/.
 * Intents are read from `--intents DIR`, else `INTENTS_DIR`, else `./intents`.
 */
import { readFileSync } from 'node:fs';
import { compileIntents, type IntentSet } from './intents/compile-intents.js';
import { IntentLoadError, readIntentDir } from './intents/load-intents.js';
import { parseLabelledRows, runEvaluation, RowParseError } from './eval/run-evaluation.js';
import { formatReport } from './eval/format-report.js';
import { NO_HISTORY, triage } from './triage/triage.js';

const USAGE = `usage: relaydesk <command>
  serve                       start the server (same as npm start)
  classify "text"             print the triage JSON of one message
  eval FILE.jsonl [--json]    evaluate intents/ on labelled rows
  check-intents               validate every file under the intents folder
options: --intents DIR (default: $INTENTS_DIR or ./intents)`;

interface Args {
  command: string | undefined;
  positional: string[];
  json: boolean;
  intentsDir: string;
}

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Args {
  const positional: string[] = [];
  let json = false;
  let intentsDir = env.INTENTS_DIR || './intents';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--intents') intentsDir = argv[++i] ?? intentsDir;
    else positional.push(arg);
  }
  return { command: positional.shift(), positional, json, intentsDir };
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
      const rows = parseLabelledRows(readFileSync(file, 'utf8'), file);
      const { report } = runEvaluation(rows, loadSet(args.intentsDir));
      process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReport(report));
      return 0;
    }
    case 'check-intents': {
      const set = loadSet(args.intentsDir);
      process.stdout.write(`${args.intentsDir}: ${set.intents.size} intents, ${set.termCount} terms, all valid\n`);
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

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

try {
  const code = await run(parseArgs(process.argv.slice(2), process.env));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  if (error instanceof IntentLoadError || error instanceof RowParseError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  } else throw error;
}

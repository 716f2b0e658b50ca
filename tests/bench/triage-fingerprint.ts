/**
 * A fingerprint of triage's full output (every field of every result) over the dev set and
 * intents/examples.jsonl, for speed work that must not change a single result:
 * `node --import tsx tests/bench/triage-fingerprint.ts` before and after, then compare the hashes.
 * Runs every text twice (cold, then warm caches) and the examples also with their row's locale.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileIntents } from '../../server/intents/compile-intents.js';
import { readIntentDir } from '../../server/intents/load-intents.js';
import { parseLabelledRows } from '../../server/eval/run-evaluation.js';
import { NO_HISTORY, triage, type TriageOptions } from '../../server/triage/triage.js';
import { findDevDir } from './dev-data.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEV_DIR = findDevDir(ROOT);

interface Case {
  text: string;
  options: TriageOptions;
}

function loadCases(): Case[] {
  const cases: Case[] = [];
  if (DEV_DIR) {
    for (const name of readdirSync(DEV_DIR).filter((file) => file.endsWith('.jsonl')).sort()) {
      for (const row of parseLabelledRows(readFileSync(join(DEV_DIR, name), 'utf8'), name)) cases.push({ text: row.text, options: {} });
    }
  }
  for (const row of parseLabelledRows(readFileSync(join(ROOT, 'intents', 'examples.jsonl'), 'utf8'))) {
    cases.push({ text: row.text, options: {} });
    if (row.lang) cases.push({ text: row.text, options: { locale: row.lang } });
  }
  return cases;
}

const set = compileIntents(readIntentDir(join(ROOT, 'intents')));
const cases = loadCases();
for (const pass of ['cold', 'warm']) {
  const hash = createHash('sha256');
  for (const { text, options } of cases) hash.update(JSON.stringify(triage(text, NO_HISTORY, set, options))).update('\n');
  console.log(`${pass}: ${hash.digest('hex')} (${cases.length} results)`);
}

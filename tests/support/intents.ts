// The project's real intent set, compiled once per test file, and a helper to build small ones.
import { fileURLToPath } from 'node:url';
import { compileIntents, type IntentSet } from '../../server/intents/compile-intents.js';
import { parseIntentFiles, readIntentDir } from '../../server/intents/load-intents.js';
import { INTENT_NAMES } from '../../server/protocol.js';

export const INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));

let projectSet: IntentSet | undefined;

export function projectIntents(): IntentSet {
  projectSet ??= compileIntents(readIntentDir(INTENTS_DIR));
  return projectSet;
}

/** An intent set from inline YAML bodies; intents not given get an empty file. */
export function intentSetFrom(files: Record<string, string>): IntentSet {
  const defaults: Record<string, string> = {
    'safety.yaml': 'categories: {}\n',
    'sentiment.yaml': 'terms: {}\n',
  };
  for (const name of INTENT_NAMES) defaults[`${name}.yaml`] = `intent: ${name}\n`;
  const merged = { ...defaults, ...files };
  return compileIntents(parseIntentFiles(Object.entries(merged).map(([name, text]) => ({ name, text }))));
}

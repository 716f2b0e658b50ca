/**
 * The live intent set of a running server: reads `INTENTS_DIR`, watches it, and on a change
 * compiles a whole new set and swaps the reference. An invalid edit is rejected with its
 * file:line errors and the last valid set keeps serving (SPEC §3).
 *
 * @example const intents = createIntentSource(config.intentsDir, logger); triage(text, history, intents.current());
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import { compileIntents, type IntentSet, type IntentSources } from './compile-intents.js';
import { IntentLoadError, parseIntentFiles, readIntentTexts, type IntentFileError, type IntentFileText } from './load-intents.js';

export interface IntentSource {
  current(): IntentSet;
  /** The validated files behind `current()` (what the console's Intents page shows). */
  sources(): IntentSources;
  /** The errors of the last rejected edit, until a valid set loads again. */
  lastErrors(): readonly IntentFileError[];
  /** Re-reads the folder now; true when a new set was installed. */
  reload(): boolean;
  /** Called after every successful reload. */
  onReload(listener: (set: IntentSet) => void): void;
  /** Called after every rejected reload, with its errors. */
  onReject(listener: (errors: readonly IntentFileError[]) => void): void;
  close(): void;
}

/** Editors write a file in several steps (truncate, write, rename): wait for the last one. */
const DEBOUNCE_MS = 150;

/** Loads the folder (throws IntentLoadError when it is invalid at start) and watches it. */
export function createIntentSource(dir: string, logger: Logger, options: { watch?: boolean } = {}): IntentSource {
  let texts = readIntentTexts(dir);
  let sources = parseIntentFiles(texts, dir);
  let set = compileIntents(sources);
  let errors: readonly IntentFileError[] = [];
  const listeners: Array<(set: IntentSet) => void> = [];
  const rejectListeners: Array<(errors: readonly IntentFileError[]) => void> = [];
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const reload = (): boolean => {
    const read = readIntentTexts(dir);
    try {
      const parsed = parseIntentFiles(read, dir);
      set = compileIntents(parsed);
      sources = parsed;
      errors = [];
      logger.info({ dir }, 'intents reloaded');
      for (const listener of listeners) listener(set);
      return true;
    } catch (error) {
      if (!(error instanceof IntentLoadError)) throw error;
      errors = error.errors;
      logger.warn({ dir, errors: error.message }, 'intent edit rejected; the previous set keeps serving');
      for (const listener of rejectListeners) listener(errors);
      return false;
    } finally {
      texts = read;
    }
  };

  /** A watcher event for a file that did not change (a temporary file, a second event of one save) is no reload. */
  const reloadIfChanged = () => {
    try {
      if (!sameTexts(readIntentTexts(dir), texts)) reload();
    } catch (error) {
      logger.warn({ err: error, dir }, 'cannot read the intents folder');
    }
  };

  if (options.watch !== false) {
    watcher = watch(dir, () => {
      clearTimeout(timer);
      timer = setTimeout(reloadIfChanged, DEBOUNCE_MS);
    });
    watcher.on('error', (error) => logger.warn({ err: error, dir }, 'cannot watch the intents folder'));
  }

  return {
    current: () => set,
    sources: () => sources,
    lastErrors: () => errors,
    reload,
    onReload: (listener) => void listeners.push(listener),
    onReject: (listener) => void rejectListeners.push(listener),
    close: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

function sameTexts(a: readonly IntentFileText[], b: readonly IntentFileText[]): boolean {
  return a.length === b.length && a.every((file, i) => file.name === b[i]?.name && file.text === b[i]?.text);
}

/**
 * The live intent set of a running server: reads `INTENTS_DIR`, watches it, and on a change
 * compiles a whole new set and swaps the reference. An invalid edit is rejected with its
 * file:line errors and the last valid set keeps serving (SPEC §3).
 *
 * @example const intents = createIntentSource(config.intentsDir, logger); triage(text, history, intents.current());
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import { compileIntents, type IntentSet } from './compile-intents.js';
import { IntentLoadError, readIntentDir, type IntentFileError } from './load-intents.js';

export interface IntentSource {
  current(): IntentSet;
  /** The errors of the last rejected edit, until a valid set loads again. */
  lastErrors(): readonly IntentFileError[];
  /** Re-reads the folder now; true when a new set was installed. */
  reload(): boolean;
  /** Called after every successful reload. */
  onReload(listener: (set: IntentSet) => void): void;
  close(): void;
}

/** Editors write a file in several steps (truncate, write, rename): wait for the last one. */
const DEBOUNCE_MS = 150;

/** Loads the folder (throws IntentLoadError when it is invalid at start) and watches it. */
export function createIntentSource(dir: string, logger: Logger, options: { watch?: boolean } = {}): IntentSource {
  let set = compileIntents(readIntentDir(dir));
  let errors: readonly IntentFileError[] = [];
  const listeners: Array<(set: IntentSet) => void> = [];
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const reload = (): boolean => {
    try {
      set = compileIntents(readIntentDir(dir));
      errors = [];
      logger.info({ dir }, 'intents reloaded');
      for (const listener of listeners) listener(set);
      return true;
    } catch (error) {
      if (!(error instanceof IntentLoadError)) throw error;
      errors = error.errors;
      logger.warn({ dir, errors: error.message }, 'intent edit rejected; the previous set keeps serving');
      return false;
    }
  };

  if (options.watch !== false) {
    watcher = watch(dir, () => {
      clearTimeout(timer);
      timer = setTimeout(reload, DEBOUNCE_MS);
    });
    watcher.on('error', (error) => logger.warn({ err: error, dir }, 'cannot watch the intents folder'));
  }

  return {
    current: () => set,
    lastErrors: () => errors,
    reload,
    onReload: (listener) => void listeners.push(listener),
    close: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

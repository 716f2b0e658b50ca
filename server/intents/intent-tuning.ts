/**
 * Ops tuning of the intent files from the console: list them, preview an edit against
 * `examples.jsonl`, save it (validated first, written atomically, recorded with who, when and
 * what in `intent_versions`, then live at once), list the history and restore any version.
 * A candidate is always validated as part of the whole folder, exactly as the live set loads.
 *
 * @example
 *   const tuning = createIntentTuning({ dir: config.intentsDir, intents, store, clock, logger });
 *   await tuning.save('refund', { patch: { keywords: { en: { refund: 4 } } } }, { id, name: 'Olga' });
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { parse } from 'yaml';
import { AppError } from '../errors.js';
import { compareIntentSets, type SetComparison } from '../eval/compare-sets.js';
import type { LabelledRow } from '../eval/evaluate.js';
import { parseLabelledRows, RowParseError } from '../eval/run-evaluation.js';
import { INTENT_NAMES } from '../protocol.js';
import type { IntentVersionRecord, Store } from '../store/store.js';
import { compileIntents } from './compile-intents.js';
import { applyIntentPatch, summarizeIntentChange, type IntentPatch } from './intent-editor.js';
import { IntentFile } from './intent-file-schema.js';
import type { IntentSource } from './intent-source.js';
import { IntentLoadError, parseIntentFiles, readIntentTexts, type IntentFileText } from './load-intents.js';

/** The whole new text, or a patch of the fields ops edit. */
export type IntentChange = { yaml: string } | { patch: IntentPatch };

export interface VersionSummary {
  id: string;
  at: string;
  author: string;
  summary: string;
}

export interface IntentTuningDeps {
  dir: string;
  intents: Pick<IntentSource, 'current' | 'sources' | 'lastErrors' | 'reload'>;
  store: Store;
  clock: () => Date;
  logger: Logger;
  /** Called after a console save is live here (several nodes: tells the others, server/cluster/intent-sync.ts). */
  onSaved?: (intent: string, versionId: string) => void;
}

export const EXAMPLES_FILE = 'examples.jsonl';
/** The author of a text found on disk: edited by hand, or there before the first console edit. */
export const ON_DISK = 'file on disk';
export const NO_SUCH_INTENT = `No such intent; the intents are ${INTENT_NAMES.join(', ')}`;
export const NO_SUCH_VERSION = 'No version with this id for this intent';
export const INVALID_EDIT = 'The edited intent file does not validate; nothing was saved';

const toSummary = (version: IntentVersionRecord): VersionSummary => ({ id: version.id, at: version.at, author: version.authorName, summary: version.summary });

export function createIntentTuning(deps: IntentTuningDeps) {
  const { dir, intents, store } = deps;
  // One save at a time: versions and the file on disk must change in the same order.
  let saving: Promise<unknown> = Promise.resolve();

  /** The labelled rows; a broken line is the ops' to fix, so it answers 422 naming file and line. */
  function examples(): LabelledRow[] {
    const file = join(dir, EXAMPLES_FILE);
    if (!existsSync(file)) return [];
    try {
      return parseLabelledRows(readFileSync(file, 'utf8'), `${dir}/${EXAMPLES_FILE}`);
    } catch (error) {
      if (!(error instanceof RowParseError)) throw error;
      const line = Number(/:(\d+): /.exec(error.message)?.[1]) || undefined;
      throw new AppError('invalid_intents', error.message, { details: [{ file: `${dir}/${EXAMPLES_FILE}`, line, path: '', message: error.message }], cause: error });
    }
  }

  function countExamples(): number {
    try {
      return examples().length;
    } catch {
      return 0; // the page still lists the intents; Preview then names the broken line
    }
  }

  function list() {
    const texts = readIntentTexts(dir);
    const live = intents.sources().intents;
    return {
      intents: INTENT_NAMES.map((name) => {
        const file = fileOf(texts, name);
        return { name, file: `${dir}/${file.name}`, yaml: file.text, data: live.find((intent) => intent.intent === name) };
      }),
      errors: intents.lastErrors(),
      examplesCount: countExamples(),
    };
  }

  /** Validates the folder with the changed file in it; throws `invalid_intents` with file, line and field. */
  function candidate(name: string, change: IntentChange) {
    if (!(INTENT_NAMES as readonly string[]).includes(name)) throw new AppError('not_found', NO_SUCH_INTENT);
    const texts = readIntentTexts(dir);
    const previous = fileOf(texts, name);
    const text = 'yaml' in change ? change.yaml : patched(previous, change.patch);
    const files = [...texts.filter((file) => file.name !== previous.name), { name: previous.name, text }];
    try {
      const sources = parseIntentFiles(files, dir);
      return { fileName: previous.name, previousText: previous.text, text, set: compileIntents(sources) };
    } catch (error) {
      if (error instanceof IntentLoadError) throw new AppError('invalid_intents', INVALID_EDIT, { details: error.errors, cause: error });
      throw error;
    }
  }

  function patched(previous: IntentFileText, patch: IntentPatch): string {
    try {
      return applyIntentPatch(previous.text, patch);
    } catch (error) {
      const details = [{ file: `${dir}/${previous.name}`, path: '', message: 'the file on disk has YAML errors: fix it or send the whole text as yaml' }];
      throw new AppError('invalid_intents', INVALID_EDIT, { details, cause: error });
    }
  }

  function preview(name: string, change: IntentChange): SetComparison {
    return compareIntentSets(examples(), intents.current(), candidate(name, change).set);
  }

  function save(name: string, change: IntentChange, author: { id: string; name: string }, note?: string): Promise<{ ok: true; version: VersionSummary }> {
    const run = saving.then(() => saveNow(name, change, author, note));
    saving = run.catch(() => undefined);
    return run;
  }

  async function saveNow(name: string, change: IntentChange, author: { id: string; name: string }, note?: string) {
    const next = candidate(name, change);
    const at = deps.clock().toISOString();
    const [latest] = await store.listIntentVersions(name);
    let base = latest;
    // The audit log starts from what was on disk: the first console edit, or after a hand edit, records it first.
    if (!latest || latest.yaml !== next.previousText) {
      const summary = latest ? `edited on disk: ${summarizeIntentChange(dataOf(latest.yaml), dataOf(next.previousText))}` : 'the file as it was before the first console edit';
      base = await store.addIntentVersion({ intent: name, yaml: next.previousText, authorId: null, authorName: ON_DISK, at, summary });
    }
    if (next.text === next.previousText && base) return { ok: true as const, version: toSummary(base) };
    const what = summarizeIntentChange(dataOf(next.previousText), dataOf(next.text));
    const version = await store.addIntentVersion({ intent: name, yaml: next.text, authorId: author.id, authorName: author.name, at, summary: note ? `${note}: ${what}` : what });
    writeAtomically(join(dir, next.fileName), next.text);
    // Live now, not when the watcher notices; the watcher then sees identical texts and does nothing.
    if (!intents.reload()) deps.logger.error({ intent: name }, 'a validated intent edit did not load; another file changed meanwhile');
    deps.logger.info({ intent: name, author: author.id, summary: version.summary }, 'intent file saved from the console');
    deps.onSaved?.(name, version.id);
    return { ok: true as const, version: toSummary(version) };
  }

  async function history(name: string): Promise<VersionSummary[]> {
    if (!(INTENT_NAMES as readonly string[]).includes(name)) throw new AppError('not_found', NO_SUCH_INTENT);
    return (await store.listIntentVersions(name)).map(toSummary);
  }

  async function restore(name: string, versionId: string, author: { id: string; name: string }) {
    const version = await store.getIntentVersion(versionId);
    if (!version || version.intent !== name) throw new AppError('not_found', NO_SUCH_VERSION);
    return save(name, { yaml: version.yaml }, author, `restored the version of ${version.at} by ${version.authorName}`);
  }

  return { list, preview, save, history, restore };
}

export type IntentTuning = ReturnType<typeof createIntentTuning>;

/** The file of an intent (`.yaml` or `.yml`); a missing one is an empty `name.yaml`, which validation then names. */
function fileOf(texts: readonly IntentFileText[], name: string): IntentFileText {
  return texts.find((file) => file.name === `${name}.yaml` || file.name === `${name}.yml`) ?? { name: `${name}.yaml`, text: '' };
}

/** The parsed file for a change summary, or undefined when that text does not validate. */
function dataOf(text: string): IntentFile | undefined {
  try {
    const parsed = IntentFile.safeParse(parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Temp file + rename in the same folder: the watcher and a crash never see half a file. */
function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${randomUUID()}.tmp`);
  writeFileSync(temp, text, 'utf8');
  renameSync(temp, file);
}

/**
 * The Intents page (ops role): owns the loaded intent files, the unsaved edits per intent, the
 * evaluation per intent, and the Run evaluation → Save → History flow. A banner shows the last
 * rejected hot-reload edit. Save stays disabled until the very edits on screen were evaluated.
 *
 * @example
 *   <IntentsPage ctx={ctx} memory={memory} />
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useReducer, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { t } from '../i18n';
import { fileErrorsOf } from '../intents-eval-view-model';
import { buildPatch, canonical, canSave, changedFields, editorFromData, type EditorState } from '../intents-view-model';
import type { IntentsResponse, IntentVersion, PreviewResponse } from '../../protocol';
import { getIntents, intentHistory, previewIntent, restoreIntent, saveIntent } from '../ops-api';
import { Editor } from './intents-editor';
import { Evaluation } from './intents-eval';
import { History } from './intents-history';
import { TryBox } from './intents-try';
import { FileErrors, intentLabel, localTime, muted, Section, type OpsContext } from './ops-common';

/**
 * What the page remembers while closed (the workspace keeps it): unsaved edits and the
 * evaluation per intent, so switching files, pages or languages loses neither.
 */
export interface IntentsMemory {
  selected: string | null;
  drafts: Map<string, EditorState>;
  evaluations: Map<string, { key: string; preview: PreviewResponse }>;
}

export const intentsMemory = (): IntentsMemory => ({ selected: null, drafts: new Map(), evaluations: new Map() });

export function IntentsPage({ ctx, memory }: { ctx: OpsContext; memory: IntentsMemory }) {
  const [loaded, setLoaded] = useState<IntentsResponse | null>(null);
  const [selected, setSelected] = useState(memory.selected);
  const [history, setHistory] = useState<readonly IntentVersion[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ComponentChildren>(null);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const changed = () => bump(undefined);
  const { drafts, evaluations } = memory;

  const file = loaded?.intents.find((i) => i.name === selected) ?? null;
  const data = file?.data;
  const state = file && data ? (drafts.get(file.name) ?? editorFromData(data)) : null;
  if (file && state) drafts.set(file.name, state);
  const built = state ? buildPatch(state) : null;
  const changes = built && data ? changedFields(built.patch, data) : null;
  const problems = built?.problems ?? [];
  const evaluation = selected ? evaluations.get(selected) : undefined;
  const dirty = !!changes && Object.keys(changes).length > 0;
  const canRun = !busy && dirty && problems.length === 0;
  const saveOk = !busy && !!changes && canSave(changes, problems, evaluation?.key ?? null);
  const hint = !changes ? '' : problems.length ? t('problemsCount', { count: problems.length }) : !dirty ? t('noChanges') : saveOk ? '' : t('saveHint');
  const stale = !!evaluation && !!changes && evaluation.key !== canonical(changes);

  function select(name: string): void {
    memory.selected = name;
    setSelected(name);
    setOutcome(null);
    setHistory(null);
    intentHistory(ctx.token, name)
      .then((versions) => memory.selected === name && setHistory(versions))
      .catch(ctx.fail);
  }

  async function load(): Promise<void> {
    const next = await getIntents(ctx.token);
    setLoaded(next);
    const keep = next.intents.some((i) => i.name === memory.selected) ? memory.selected : (next.intents[0]?.name ?? null);
    if (keep) select(keep);
  }
  useEffect(() => void load().catch(ctx.fail), []);

  /** Runs one request with the buttons disabled; a 422 lists each problem as "file:line path: message". */
  async function run(work: () => Promise<ComponentChildren>): Promise<void> {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 422) return ctx.fail(err);
      const errors = fileErrorsOf(err.details);
      setOutcome([<p class="error">{t('rejectedEdit')}</p>, errors.length ? <FileErrors errors={errors} /> : <p>{err.message}</p>]);
    } finally {
      setBusy(false);
    }
  }

  /** After a save or restore the file on disk is the truth: drop the edits and reload. */
  async function reloadAfter(name: string): Promise<void> {
    drafts.delete(name);
    evaluations.delete(name);
    await load();
  }

  const evaluate = (name: string, patch: NonNullable<typeof changes>) =>
    void run(async () => {
      const preview = await previewIntent(ctx.token, name, { patch });
      evaluations.set(name, { key: canonical(patch), preview });
      return null;
    });
  const save = (name: string, patch: NonNullable<typeof changes>) =>
    void run(async () => {
      const { version } = await saveIntent(ctx.token, name, { patch });
      await reloadAfter(name);
      return <p class="ok">{t('savedVersion', { summary: version.summary, author: version.author, at: localTime(version.at) })}</p>;
    });
  const restore = (version: IntentVersion) => {
    const name = selected;
    if (!name) return;
    void run(async () => {
      await restoreIntent(ctx.token, name, version.id);
      await reloadAfter(name);
      ctx.flash(t('restored', { at: localTime(version.at) }));
      return null;
    });
  };

  return (
    <main class="page intents">
      <h1>{t('intentsTitle')}</h1>
      <div class="banner" role="alert" hidden={!loaded?.errors.length}>
        <p>{t('intentsRejected')}</p>
        <FileErrors errors={loaded?.errors ?? []} />
      </div>
      <TryBox ctx={ctx} />
      <Section title={t('pickIntent')}>
        <div class="pick">
          <label for="intent-pick" class="sr">{t('pickIntent')}</label>
          <select id="intent-pick" value={selected ?? ''} onChange={(e) => select(e.currentTarget.value)}>
            {loaded?.intents.map((i) => <option value={i.name}>{`${intentLabel(i.name)} — ${i.file}`}</option>)}
          </select>
          <span class="unsaved" hidden={!dirty}>{t('unsaved')}</span>
          <p class="muted">{loaded ? t('examplesCount', { count: loaded.examplesCount }) : ''}</p>
        </div>
        {/* Keyed by intent: switching files starts its inputs afresh. */}
        <div>{state && built ? <Editor key={selected} state={state} problems={problems} changed={changed} /> : muted(t('loading'))}</div>
        <div class="actions">
          <button type="button" disabled={!canRun} onClick={() => selected && changes && evaluate(selected, changes)}>{t('runEvaluation')}</button>
          <button type="button" class="primary" disabled={!saveOk} onClick={() => selected && changes && save(selected, changes)}>{t('save')}</button>
        </div>
        <p class="hint" role="status">{hint}</p>
        <div class="outcome" aria-live="polite">{outcome}</div>
      </Section>
      <div>{evaluation && <Evaluation preview={evaluation.preview} stale={stale} />}</div>
      <div>{history && <History key={selected} versions={history} restore={restore} />}</div>
    </main>
  );
}

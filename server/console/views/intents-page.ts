/**
 * The Intents page (ops role): owns the loaded intent files, the unsaved edits per intent, the
 * evaluation per intent, and the Run evaluation → Save → History flow. A banner shows the last
 * rejected hot-reload edit. Save stays disabled until the very edits on screen were evaluated.
 *
 * @example
 *   const page = createIntentsPage(ctx); host.replaceChildren(page.element); page.show();
 */
import { el, setText, show } from '../../../widget/dom';
import { ApiError } from '../api';
import { t } from '../i18n';
import { fileErrorsOf } from '../intents-eval-view-model';
import { buildPatch, canonical, canSave, changedFields, editorFromData, type EditorState } from '../intents-view-model';
import { getIntents, intentHistory, previewIntent, restoreIntent, saveIntent, type IntentsResponse, type IntentVersion, type PreviewResponse } from '../ops-api';
import { createEditor, type EditorView } from './intents-editor';
import { evalView } from './intents-eval';
import { historyView } from './intents-history';
import { createTryBox } from './intents-try';
import { fileErrorList, intentLabel, localTime, section, type OpsContext, type Page } from './ops-common';

/**
 * What the page remembers across rebuilds (a language switch renders it anew): unsaved edits and
 * the evaluation per intent, so switching files or languages loses neither.
 */
export interface IntentsMemory {
  selected: string | null;
  drafts: Map<string, EditorState>;
  evaluations: Map<string, { key: string; preview: PreviewResponse }>;
}

export const intentsMemory = (): IntentsMemory => ({ selected: null, drafts: new Map(), evaluations: new Map() });

export function createIntentsPage(ctx: OpsContext, memory: IntentsMemory = intentsMemory()): Page {
  let loaded: IntentsResponse | null = null;
  let selected = memory.selected;
  let editor: EditorView | null = null;
  let busy = false;
  let shownStale: boolean | null = null;
  const { drafts, evaluations } = memory;

  const banner = el('div', { class: 'banner', role: 'alert' });
  const meta = el('p', { class: 'muted' });
  const picker = el('select', { id: 'intent-pick' });
  const unsaved = el('span', { class: 'unsaved' }, t('unsaved'));
  const editorHost = el('div');
  const runButton = el('button', { type: 'button' }, t('runEvaluation'));
  const saveButton = el('button', { type: 'button', class: 'primary' }, t('save'));
  const status = el('p', { class: 'hint', role: 'status' });
  const outcome = el('div', { class: 'outcome', 'aria-live': 'polite' });
  const evalHost = el('div');
  const historyHost = el('div');
  const element = el('main', { class: 'page intents' }, [
    el('h1', {}, t('intentsTitle')),
    banner,
    createTryBox(ctx),
    section(t('pickIntent'), [
      el('div', { class: 'pick' }, [el('label', { for: 'intent-pick', class: 'sr' }, t('pickIntent')), picker, unsaved, meta]),
      editorHost,
      el('div', { class: 'actions' }, [runButton, saveButton]),
      status,
      outcome,
    ]),
    evalHost,
    historyHost,
  ]);

  const file = () => loaded?.intents.find((i) => i.name === selected) ?? null;
  const stateOf = (name: string, data: NonNullable<ReturnType<typeof file>>['data']) => {
    const state = drafts.get(name) ?? editorFromData(data);
    drafts.set(name, state);
    return state;
  };
  function edits() {
    const f = file();
    if (!f || !selected) return null;
    const { patch, problems } = buildPatch(stateOf(selected, f.data));
    return { changes: changedFields(patch, f.data), problems };
  }

  function refresh(): void {
    const e = edits();
    const evaluation = selected ? evaluations.get(selected) : undefined;
    const dirty = !!e && Object.keys(e.changes).length > 0;
    editor?.mark(e?.problems ?? []);
    show(unsaved, dirty);
    runButton.disabled = busy || !e || !dirty || e.problems.length > 0;
    saveButton.disabled = busy || !e || !canSave(e.changes, e.problems, evaluation?.key ?? null);
    const hint = !e ? '' : e.problems.length ? t('problemsCount', { count: e.problems.length }) : !dirty ? t('noChanges') : saveButton.disabled ? t('saveHint') : '';
    setText(status, hint);
    const stale = !!evaluation && !!e && evaluation.key !== canonical(e.changes);
    if (evaluation && stale !== shownStale) evalHost.replaceChildren(evalView(evaluation.preview, stale));
    shownStale = evaluation ? stale : null;
    if (!evaluation) evalHost.replaceChildren();
  }

  function renderEditor(): void {
    const f = file();
    editor = f && selected ? createEditor(stateOf(selected, f.data), { changed: refresh, restructure: renderEditor }) : null;
    editorHost.replaceChildren(editor?.element ?? el('p', { class: 'muted' }, t('loading')));
    refresh();
  }

  function select(name: string): void {
    selected = memory.selected = name;
    picker.value = name;
    shownStale = null;
    outcome.replaceChildren();
    renderEditor();
    historyHost.replaceChildren();
    intentHistory(ctx.token, name)
      .then((versions) => selected === name && historyHost.replaceChildren(historyView(versions, { restore })))
      .catch(ctx.fail);
  }

  async function load(): Promise<void> {
    loaded = await getIntents(ctx.token);
    show(banner, loaded.errors.length > 0);
    banner.replaceChildren(el('p', {}, t('intentsRejected')), fileErrorList(loaded.errors));
    setText(meta, t('examplesCount', { count: loaded.examplesCount }));
    picker.replaceChildren(...loaded.intents.map((i) => el('option', { value: i.name }, `${intentLabel(i.name)} — ${i.file}`)));
    const keep = loaded.intents.some((i) => i.name === selected) ? selected : (loaded.intents[0]?.name ?? null);
    if (keep) select(keep);
  }

  /** A 422 lists each problem as "file:line path: message"; anything else goes to the workspace. */
  function rejected(err: unknown): void {
    if (!(err instanceof ApiError) || err.status !== 422) return ctx.fail(err);
    const errors = fileErrorsOf(err.details);
    outcome.replaceChildren(el('p', { class: 'error' }, t('rejectedEdit')), errors.length ? fileErrorList(errors) : el('p', {}, err.message));
  }

  /** Runs one request with the buttons disabled; failures are shown by `rejected`. */
  async function run(work: () => Promise<void>): Promise<void> {
    busy = true;
    refresh();
    outcome.replaceChildren();
    try {
      await work();
    } catch (err) {
      rejected(err);
    } finally {
      busy = false;
      refresh();
    }
  }

  runButton.addEventListener('click', () => {
    const name = selected;
    const e = edits();
    if (!name || !e) return;
    void run(async () => {
      const preview = await previewIntent(ctx.token, name, { patch: e.changes });
      evaluations.set(name, { key: canonical(e.changes), preview });
      shownStale = null;
    });
  });

  saveButton.addEventListener('click', () => {
    const name = selected;
    const e = edits();
    if (!name || !e) return;
    void run(async () => {
      const { version } = await saveIntent(ctx.token, name, { patch: e.changes });
      drafts.delete(name);
      evaluations.delete(name);
      await load();
      outcome.replaceChildren(el('p', { class: 'ok' }, t('savedVersion', { summary: version.summary, author: version.author, at: localTime(version.at) })));
    });
  });

  function restore(version: IntentVersion): void {
    const name = selected;
    if (!name) return;
    void run(async () => {
      await restoreIntent(ctx.token, name, version.id);
      drafts.delete(name);
      evaluations.delete(name);
      await load();
      ctx.flash(t('restored', { at: localTime(version.at) }));
    });
  }

  picker.addEventListener('change', () => select(picker.value));
  show(banner, false);
  renderEditor();
  return { element, show: () => void load().catch(ctx.fail) };
}

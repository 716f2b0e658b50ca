/**
 * The intent editor: priority and negation, keyword and phrase tables (language, term, weight;
 * add and remove rows), exclusions, and the AER reply templates per language and situation.
 * Inputs write straight into the `EditorState` rows; `changed()` fires on every keystroke,
 * `restructure()` after a row is added or removed (the page then renders the editor again).
 *
 * @example
 *   const editor = createEditor(state, { changed: refresh, restructure: render });
 *   editor.mark(buildPatch(state).problems);
 */
import { el, setText } from '../../../widget/dom';
import { t, type StringKey } from '../i18n';
import { blankTermRow, type EditorState, type ExcludeRow, type ProblemCode, type RowProblem, type Section, type TermRow } from '../intents-view-model';
import { table } from './ops-common';

export interface EditorHandlers {
  changed(): void;
  restructure(): void;
}

export interface EditorView {
  element: HTMLElement;
  /** Flags the rows with problems (aria-invalid plus a message) and clears the rest. */
  mark(problems: readonly RowProblem[]): void;
}

type Field = 'lang' | 'term' | 'weight';
/** Per section and row: the inputs to flag and where the message goes. */
type Marks = Map<string, { inputs: Partial<Record<Field, HTMLElement>> & { all: HTMLElement[] }; message: HTMLElement }>;
const markKey = (section: Section, index: number) => `${section}:${index}`;
/** The input a problem is about; the others in the row stay unflagged. */
const FIELD_OF: Readonly<Record<ProblemCode, Field | 'all'>> = {
  weight_not_number: 'weight',
  weight_range: 'weight',
  lang_invalid: 'lang',
  duplicate: 'term',
  reply_incomplete: 'all',
  priority_invalid: 'all',
};

function bound(value: string, label: string, write: (v: string) => void, on: EditorHandlers, attrs: Record<string, string> = {}): HTMLInputElement {
  const input = el('input', { type: 'text', 'aria-label': label, ...attrs });
  input.value = value;
  input.addEventListener('input', () => {
    write(input.value);
    on.changed();
  });
  return input;
}

function removeButton(rows: unknown[], index: number, term: string, on: EditorHandlers): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', 'aria-label': t('removeRowNamed', { term: term || String(index + 1) }) }, t('removeRow'));
  button.addEventListener('click', () => {
    rows.splice(index, 1);
    on.restructure();
  });
  return button;
}

function addButton(add: () => void, on: EditorHandlers): HTMLButtonElement {
  const button = el('button', { type: 'button' }, t('addRow'));
  button.addEventListener('click', () => {
    add();
    on.restructure();
  });
  return button;
}

function rowCells(section: Section, rows: Array<TermRow | ExcludeRow>, index: number, marks: Marks, on: EditorHandlers): Node[] {
  const row = rows[index]!;
  const n = String(index + 1);
  const lang = bound(row.lang, `${t('colLang')} ${n}`, (v) => (row.lang = v), on, { size: '3', class: 'lang-input' });
  const term = bound(row.term, `${t('colTerm')} ${n}`, (v) => (row.term = v), on, { maxlength: '80' });
  const message = el('span', { class: 'row-problem', role: 'status' });
  const cells: Node[] = [lang, el('span', {}, [term, message])];
  const inputs: Partial<Record<Field, HTMLElement>> & { all: HTMLElement[] } = { lang, term, all: [lang, term] };
  if ('weight' in row) {
    const weight = bound(row.weight, `${t('colWeight')} ${n}`, (v) => (row.weight = v), on, { size: '5', inputmode: 'decimal' });
    cells.push(weight);
    inputs.weight = weight;
    inputs.all.push(weight);
  }
  marks.set(markKey(section, index), { inputs, message });
  return [...cells, removeButton(rows, index, row.term, on)];
}

function termTable(section: 'keywords' | 'phrases', title: StringKey, rows: TermRow[], marks: Marks, on: EditorHandlers): HTMLElement {
  const body = rows.map((_, i) => rowCells(section, rows, i, marks, on));
  return el('fieldset', { class: 'terms' }, [
    el('legend', {}, t(title)),
    table([t('colLang'), t('colTerm'), t('colWeight'), ''], body, 'grid edit'),
    addButton(() => rows.push(blankTermRow(rows)), on),
  ]);
}

function excludeTable(rows: ExcludeRow[], marks: Marks, on: EditorHandlers): HTMLElement {
  const body = rows.map((_, i) => rowCells('exclude', rows, i, marks, on));
  return el('fieldset', { class: 'terms' }, [
    el('legend', {}, t('excludeTable')),
    table([t('colLang'), t('colTerm'), ''], body, 'grid edit'),
    addButton(() => rows.push({ lang: rows[rows.length - 1]?.lang ?? 'en', term: '' }), on),
  ]);
}

function repliesView(state: EditorState, marks: Marks, on: EditorHandlers): HTMLElement {
  const blocks = state.replies.map((row, index) => {
    const message = el('p', { class: 'row-problem', role: 'status' });
    const parts = (['acknowledge', 'empathize', 'reassure'] as const).map((part) => {
      const id = `tpl-${index}-${part}`;
      const area = el('textarea', { id, rows: '2' });
      area.value = row[part];
      area.addEventListener('input', () => {
        row[part] = area.value;
        on.changed();
      });
      return { area, nodes: [el('label', { for: id }, t(`tpl_${part}`)), area] };
    });
    marks.set(markKey('replies', index), { inputs: { all: parts.map((p) => p.area) }, message });
    return el('fieldset', { class: 'reply' }, [el('legend', {}, `${row.lang} · ${row.situation}`), ...parts.flatMap((p) => p.nodes), message]);
  });
  return el('details', { class: 'replies' }, [el('summary', {}, `${t('repliesTitle')} (${state.replies.length})`), ...blocks]);
}

function settingsView(state: EditorState, marks: Marks, on: EditorHandlers): HTMLElement {
  const priority = bound(state.priority, t('priority'), (v) => (state.priority = v), on, { id: 'intent-priority', size: '4', inputmode: 'numeric' });
  const negatable = el('input', { type: 'checkbox', id: 'intent-negatable' });
  negatable.checked = state.negatable;
  negatable.addEventListener('change', () => {
    state.negatable = negatable.checked;
    on.changed();
  });
  const message = el('span', { class: 'row-problem', role: 'status' });
  marks.set(markKey('priority', 0), { inputs: { all: [priority] }, message });
  return el('div', { class: 'settings' }, [
    el('label', { for: 'intent-priority' }, t('priority')),
    priority,
    message,
    el('span', { class: 'toggle' }, [negatable, el('label', { for: 'intent-negatable' }, t('negatable'))]),
  ]);
}

export function createEditor(state: EditorState, on: EditorHandlers): EditorView {
  const marks: Marks = new Map();
  const element = el('div', { class: 'editor' }, [
    settingsView(state, marks, on),
    termTable('keywords', 'keywordsTable', state.keywords, marks, on),
    termTable('phrases', 'phrasesTable', state.phrases, marks, on),
    excludeTable(state.exclude, marks, on),
    repliesView(state, marks, on),
  ]);
  return {
    element,
    mark(problems) {
      for (const { inputs, message } of marks.values()) {
        for (const input of inputs.all) input.removeAttribute('aria-invalid');
        setText(message, '');
      }
      for (const p of problems) {
        const mark = marks.get(markKey(p.section, p.index));
        if (!mark) continue;
        const field = FIELD_OF[p.code];
        for (const input of field === 'all' ? mark.inputs.all : [mark.inputs[field] ?? mark.inputs.all[0]]) input?.setAttribute('aria-invalid', 'true');
        setText(mark.message, t(`problem_${p.code}`));
      }
    },
  };
}

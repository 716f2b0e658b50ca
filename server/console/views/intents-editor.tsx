/**
 * The intent editor: priority and negation, keyword and phrase tables (language, term, weight;
 * add and remove rows), exclusions, and the AER reply templates per language and situation.
 * Inputs write straight into the `EditorState` rows and call `changed()`; rows with problems are
 * flagged (aria-invalid on the input at fault, plus a message).
 *
 * @example
 *   <Editor state={state} problems={buildPatch(state).problems} changed={rerender} />
 */
import { t, type StringKey } from '../i18n';
import { blankTermRow, type EditorState, type ExcludeRow, type ProblemCode, type RowProblem, type Section, type TermRow } from '../intents-view-model';
import { Table } from './ops-common';

interface EditorProps {
  state: EditorState;
  problems: readonly RowProblem[];
  /** After any edit, row added or row removed. */
  changed(): void;
}

type Field = 'lang' | 'term' | 'weight';
/** The input a problem is about; the others in the row stay unflagged. */
const FIELD_OF: Readonly<Record<ProblemCode, Field | 'all'>> = {
  weight_not_number: 'weight',
  weight_range: 'weight',
  lang_invalid: 'lang',
  duplicate: 'term',
  reply_incomplete: 'all',
  priority_invalid: 'all',
};

/** The problem of one row, if any, and whether a given input is the one at fault. */
function rowProblem(problems: readonly RowProblem[], section: Section, index: number) {
  const p = problems.find((x) => x.section === section && x.index === index);
  const field = p ? FIELD_OF[p.code] : null;
  return { message: p ? t(`problem_${p.code}`) : '', invalid: (f?: Field) => (field === 'all' || (f !== undefined && field === f) ? ('true' as const) : undefined) };
}

interface BoundProps {
  value: string;
  label: string;
  write(value: string): void;
  changed(): void;
  invalid: 'true' | undefined;
  id?: string;
  size?: number;
  cls?: string;
  maxlength?: number;
  inputmode?: string;
}

function Bound({ value, label, write, changed, invalid, id, size, cls, maxlength, inputmode }: BoundProps) {
  const input = then(changed, (e: { currentTarget: HTMLInputElement }) => write(e.currentTarget.value));
  return <input type="text" id={id} aria-label={label} aria-invalid={invalid} size={size} class={cls} maxlength={maxlength} inputmode={inputmode} value={value} onInput={input} />;
}

/** An event handler that applies the edit, then tells the page. */
function then<E>(changed: () => void, edit: (e: E) => void): (e: E) => void {
  return (e) => {
    edit(e);
    changed();
  };
}

function rowCells({ section, rows, index, problems, changed }: { section: Section; rows: Array<TermRow | ExcludeRow>; index: number } & Omit<EditorProps, 'state'>) {
  const row = rows[index]!;
  const n = String(index + 1);
  const p = rowProblem(problems, section, index);
  const bound = (field: Field, label: StringKey, extra: Partial<BoundProps>) => (
    <Bound value={(row as TermRow)[field]} label={`${t(label)} ${n}`} write={(v) => ((row as TermRow)[field] = v)} changed={changed} invalid={p.invalid(field)} {...extra} />
  );
  return [
    bound('lang', 'colLang', { size: 3, cls: 'lang-input' }),
    <span>
      {bound('term', 'colTerm', { maxlength: 80 })}
      <span class="row-problem" role="status">{p.message}</span>
    </span>,
    'weight' in row ? bound('weight', 'colWeight', { size: 5, inputmode: 'decimal' }) : null,
    <button type="button" class="link" aria-label={t('removeRowNamed', { term: row.term || n })} onClick={then(changed, () => rows.splice(index, 1))}>{t('removeRow')}</button>,
  ].filter((cell) => cell !== null);
}

function TermTable(props: { section: 'keywords' | 'phrases' | 'exclude'; title: StringKey; rows: Array<TermRow | ExcludeRow>; add(): void } & Omit<EditorProps, 'state'>) {
  const headers = [t('colLang'), t('colTerm'), ...(props.section === 'exclude' ? [] : [t('colWeight')]), ''];
  return (
    <fieldset class="terms">
      <legend>{t(props.title)}</legend>
      <Table headers={headers} rows={props.rows.map((_, i) => rowCells({ ...props, index: i }))} cls="grid edit" />
      <button type="button" onClick={then(props.changed, props.add)}>{t('addRow')}</button>
    </fieldset>
  );
}

function Replies({ state, problems, changed }: EditorProps) {
  return (
    <details class="replies">
      <summary>{`${t('repliesTitle')} (${state.replies.length})`}</summary>
      {state.replies.map((row, index) => {
        const p = rowProblem(problems, 'replies', index);
        return (
          <fieldset class="reply">
            <legend>{`${row.lang} · ${row.situation}`}</legend>
            {(['acknowledge', 'empathize', 'reassure'] as const).map((part) => [
              <label for={`tpl-${index}-${part}`}>{t(`tpl_${part}`)}</label>,
              <textarea id={`tpl-${index}-${part}`} rows={2} aria-invalid={p.invalid()} value={row[part]} onInput={then(changed, (e) => (row[part] = e.currentTarget.value))} />,
            ])}
            <p class="row-problem" role="status">{p.message}</p>
          </fieldset>
        );
      })}
    </details>
  );
}

function Settings({ state, problems, changed }: EditorProps) {
  const p = rowProblem(problems, 'priority', 0);
  return (
    <div class="settings">
      <label for="intent-priority">{t('priority')}</label>
      <Bound id="intent-priority" value={state.priority} label={t('priority')} write={(v) => (state.priority = v)} changed={changed} invalid={p.invalid()}
        size={4} inputmode="numeric" />
      <span class="row-problem" role="status">{p.message}</span>
      <span class="toggle">
        <input type="checkbox" id="intent-negatable" checked={state.negatable} onChange={then(changed, (e) => (state.negatable = e.currentTarget.checked))} />
        <label for="intent-negatable">{t('negatable')}</label>
      </span>
    </div>
  );
}

export function Editor(props: EditorProps) {
  const { state } = props;
  const lastLang = (rows: readonly { lang: string }[]) => rows[rows.length - 1]?.lang ?? 'en';
  return (
    <div class="editor">
      <Settings {...props} />
      <TermTable {...props} section="keywords" title="keywordsTable" rows={state.keywords} add={() => state.keywords.push(blankTermRow(state.keywords))} />
      <TermTable {...props} section="phrases" title="phrasesTable" rows={state.phrases} add={() => state.phrases.push(blankTermRow(state.phrases))} />
      <TermTable {...props} section="exclude" title="excludeTable" rows={state.exclude} add={() => state.exclude.push({ lang: lastLang(state.exclude), term: '' })} />
      <Replies {...props} />
    </div>
  );
}

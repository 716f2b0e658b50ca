/**
 * The Intents editor's pure model: an intent file's data as editable rows (raw input text, so a
 * half-typed weight survives), the rows back to a PUT/preview patch with row-level problems, and
 * the rule that Save needs an evaluation of exactly the current edits. No DOM, no fetch.
 *
 * @example
 *   const state = editorFromData(data);
 *   state.keywords[0].weight = '2,5';
 *   const { patch, problems } = buildPatch(state); // patch.keywords.en.refund === 2.5
 *   changedFields(patch, data); // only the sections that differ from the file
 */
import type { IntentData, IntentPatch, Replies, TermLists, WeightedTerms } from '../protocol';

export interface TermRow {
  lang: string;
  term: string;
  /** As typed; parsed by `parseWeight`. */
  weight: string;
}
export interface ExcludeRow {
  lang: string;
  term: string;
}
export interface ReplyRow {
  lang: string;
  situation: string;
  acknowledge: string;
  empathize: string;
  reassure: string;
}

export interface EditorState {
  name: string;
  priority: string;
  negatable: boolean;
  keywords: TermRow[];
  phrases: TermRow[];
  exclude: ExcludeRow[];
  replies: ReplyRow[];
}

export type Section = 'keywords' | 'phrases' | 'exclude' | 'replies' | 'priority';
export type ProblemCode = 'weight_not_number' | 'weight_range' | 'lang_invalid' | 'duplicate' | 'reply_incomplete' | 'priority_invalid';
export interface RowProblem {
  section: Section;
  /** Row index within its section (0 for priority). */
  index: number;
  code: ProblemCode;
}

/** The same bounds as the server's intent-file schema, so most mistakes show before a round trip. */
export const WEIGHT_MIN = -10;
export const WEIGHT_MAX = 10;
const LANG = /^[a-z]{2}$/;
const TEMPLATE_PARTS = ['acknowledge', 'empathize', 'reassure'] as const;

export function editorFromData(data: IntentData): EditorState {
  const weighted = (terms: WeightedTerms): TermRow[] =>
    Object.entries(terms).flatMap(([lang, map]) => Object.entries(map).map(([term, w]) => ({ lang, term, weight: String(w) })));
  return {
    name: data.intent,
    priority: String(data.priority),
    negatable: data.negatable,
    keywords: weighted(data.keywords),
    phrases: weighted(data.phrases),
    exclude: Object.entries(data.exclude).flatMap(([lang, terms]) => terms.map((term) => ({ lang, term }))),
    replies: Object.entries(data.replies).flatMap(([lang, bySituation]) =>
      Object.entries(bySituation).map(([situation, tpl]) => ({ lang, situation, ...tpl })),
    ),
  };
}

/** "2.5", " 3 ", "-1" and "2,5" (a decimal comma, common in zh/de/fr locales) → number; else null. */
export function parseWeight(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

const norm = (s: string) => s.trim().toLowerCase();

function weightedPatch(rows: readonly TermRow[], section: 'keywords' | 'phrases', problems: RowProblem[]): WeightedTerms {
  const out: WeightedTerms = {};
  rows.forEach((row, index) => {
    const term = row.term.trim();
    if (!term) return; // an empty row is a row the ops person has not filled in yet, not an error
    const lang = norm(row.lang);
    const weight = parseWeight(row.weight);
    if (!LANG.test(lang)) problems.push({ section, index, code: 'lang_invalid' });
    else if (weight === null) problems.push({ section, index, code: 'weight_not_number' });
    else if (weight < WEIGHT_MIN || weight > WEIGHT_MAX) problems.push({ section, index, code: 'weight_range' });
    else if (Object.keys(out[lang] ?? {}).some((t) => norm(t) === norm(term))) problems.push({ section, index, code: 'duplicate' });
    else (out[lang] ??= {})[term] = weight;
  });
  return out;
}

function excludePatch(rows: readonly ExcludeRow[], problems: RowProblem[]): TermLists {
  const out: TermLists = {};
  rows.forEach((row, index) => {
    const term = row.term.trim();
    if (!term) return;
    const lang = norm(row.lang);
    if (!LANG.test(lang)) problems.push({ section: 'exclude', index, code: 'lang_invalid' });
    else if ((out[lang] ?? []).some((t) => norm(t) === norm(term))) problems.push({ section: 'exclude', index, code: 'duplicate' });
    else (out[lang] ??= []).push(term);
  });
  return out;
}

function repliesPatch(rows: readonly ReplyRow[], problems: RowProblem[]): Replies {
  const out: Replies = {};
  rows.forEach((row, index) => {
    // Every situation the bot uses needs all three AER parts (SPEC §4); a blank one is a mistake.
    if (TEMPLATE_PARTS.some((part) => !row[part].trim())) problems.push({ section: 'replies', index, code: 'reply_incomplete' });
    const [acknowledge, empathize, reassure] = TEMPLATE_PARTS.map((part) => row[part].trim()) as [string, string, string];
    (out[row.lang] ??= {})[row.situation] = { acknowledge, empathize, reassure };
  });
  return out;
}

/**
 * The full patch for the rows, plus what is wrong with them. Sections are sent whole, so a
 * removed row is a term that disappears from the file; a bad row is left out and reported.
 */
export function buildPatch(state: EditorState): { patch: Required<IntentPatch>; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const priority = Number(state.priority.trim());
  if (state.priority.trim() === '' || !Number.isInteger(priority) || priority < 0 || priority > 100) {
    problems.push({ section: 'priority', index: 0, code: 'priority_invalid' });
  }
  const patch = {
    keywords: weightedPatch(state.keywords, 'keywords', problems),
    phrases: weightedPatch(state.phrases, 'phrases', problems),
    exclude: excludePatch(state.exclude, problems),
    replies: repliesPatch(state.replies, problems),
    priority,
    negatable: state.negatable,
  };
  return { patch, problems };
}

/** JSON with sorted object keys: two edits with the same content compare equal whatever the row order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Only the sections that differ from the file: the server rewrites just those, so comments in
 * untouched sections stay exactly as ops wrote them. Empty when nothing changed.
 */
export function changedFields(patch: Required<IntentPatch>, original: IntentData): IntentPatch {
  const out: IntentPatch = {};
  for (const key of Object.keys(patch) as Array<keyof IntentPatch>) {
    if (canonical(patch[key]) !== canonical(original[key])) Object.assign(out, { [key]: patch[key] });
  }
  return out;
}

/** Save is allowed once the very edits on screen were evaluated, are valid, and change something. */
export function canSave(changes: IntentPatch, problems: readonly RowProblem[], evaluatedKey: string | null): boolean {
  return problems.length === 0 && Object.keys(changes).length > 0 && evaluatedKey === canonical(changes);
}

/** A blank row for "Add", in the language of the last row (ops usually add to the language they edit). */
export function blankTermRow(rows: readonly { lang: string }[]): TermRow {
  return { lang: rows[rows.length - 1]?.lang ?? 'en', term: '', weight: '1' };
}

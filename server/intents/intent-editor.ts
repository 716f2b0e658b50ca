/**
 * Pure: edits an intent file's YAML text the way a careful person would, and says what changed.
 * `applyIntentPatch` changes only the nodes whose values differ, in the parsed YAML Document, so
 * the comments ops wrote (on the file, on a language, beside a keyword) survive a console edit.
 * `summarizeIntentChange` writes the one line the audit log shows.
 *
 * @example
 *   applyIntentPatch(text, { keywords: { en: { refund: 4, refundo: 2 } } }); // → the new YAML text
 *   summarizeIntentChange(before, after); // → 'keywords.en: +refundo, -reimburse, refund 3.5→4'
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { IntentFile } from './intent-file-schema.js';

/** The parts of an intent file ops edit from the console. A key set to a map replaces that map. */
export interface IntentPatch {
  keywords?: unknown;
  phrases?: unknown;
  exclude?: unknown;
  replies?: unknown;
  priority?: unknown;
  negatable?: unknown;
}

export const PATCH_KEYS = ['keywords', 'phrases', 'exclude', 'replies', 'priority', 'negatable'] as const;

/**
 * The YAML text with `patch` applied; fields it does not name keep their text byte for byte.
 * Values are not validated here: the result goes through the intent schema like any file.
 */
export function applyIntentPatch(text: string, patch: IntentPatch): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`cannot patch a file with YAML errors: ${doc.errors[0]?.message ?? ''}`);
  // An empty file has no contents yet: `doc.set` then creates the top-level map.
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error('an intent file is a map of fields at its top level');
  for (const key of PATCH_KEYS) {
    if (patch[key] === undefined) continue;
    const existing = doc.get(key, true) as Node | undefined;
    const next = syncNode(doc, existing, patch[key]);
    if (next !== existing) doc.set(key, next);
  }
  // lineWidth 0: never re-fold long reply templates that the edit did not touch.
  return doc.toString({ lineWidth: 0 });
}

/**
 * The node for `value`, reusing `node` (and so its comments) wherever the shape allows: a map
 * keeps the entries that remain and updates them in place; a list keeps items by value.
 */
function syncNode(doc: Document, node: Node | undefined, value: unknown): Node {
  if (isPlainObject(value) && isMap(node) && !(node.flow && node.items.length === 0)) {
    const wanted = new Set(Object.keys(value));
    node.items = node.items.filter((pair) => wanted.has(String(isScalar(pair.key) ? pair.key.value : pair.key)));
    for (const [key, inner] of Object.entries(value)) {
      const current = node.get(key, true) as Node | undefined;
      const next = syncNode(doc, current, inner);
      if (next !== current) node.set(key, next);
    }
    return node;
  }
  if (Array.isArray(value) && isSeq(node) && !(node.flow && node.items.length === 0)) {
    const byValue = new Map(node.items.filter(isScalar).map((item) => [item.value, item]));
    node.items = value.map((item) => (isPrimitive(item) && byValue.get(item)) || doc.createNode(item));
    return node;
  }
  if (isScalar(node) && isPrimitive(value)) {
    if (node.value !== value) node.value = value;
    return node;
  }
  return doc.createNode(value) as Node;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

type Data = Pick<IntentFile, 'priority' | 'negatable' | 'keywords' | 'phrases' | 'exclude' | 'replies' | 'description'>;

/**
 * One line naming every change between two versions of an intent file, such as
 * `keywords.en: +refundo, -reimburse, refund 3.5→4; priority 40→45`; `no changes` if none.
 */
export function summarizeIntentChange(before: Data | undefined, after: Data | undefined): string {
  if (!before || !after) return before ? 'replaced with a file that does not validate' : 'replaced a file that did not validate';
  const parts: string[] = [];
  for (const field of ['keywords', 'phrases'] as const) parts.push(...weightedChanges(field, before[field], after[field]));
  parts.push(...listChanges('exclude', before.exclude, after.exclude));
  for (const language of union(Object.keys(before.replies), Object.keys(after.replies))) {
    const old = before.replies[language] ?? {};
    const now = after.replies[language] ?? {};
    const changed = union(Object.keys(old), Object.keys(now)).filter((situation) => JSON.stringify(old[situation]) !== JSON.stringify(now[situation]));
    if (changed.length > 0) parts.push(`replies.${language}: ${changed.join(', ')}`);
  }
  if (before.priority !== after.priority) parts.push(`priority ${before.priority}→${after.priority}`);
  if (before.negatable !== after.negatable) parts.push(`negatable ${before.negatable}→${after.negatable}`);
  if (before.description !== after.description) parts.push('description');
  return parts.length > 0 ? parts.join('; ') : 'no changes';
}

function weightedChanges(field: string, before: Record<string, Record<string, number>>, after: Record<string, Record<string, number>>): string[] {
  const out: string[] = [];
  for (const language of union(Object.keys(before), Object.keys(after))) {
    const old = before[language] ?? {};
    const now = after[language] ?? {};
    const items: string[] = [];
    for (const term of Object.keys(now)) if (!(term in old)) items.push(`+${term}`);
    for (const term of Object.keys(old)) if (!(term in now)) items.push(`-${term}`);
    for (const term of Object.keys(now)) if (term in old && old[term] !== now[term]) items.push(`${term} ${old[term]}→${now[term]}`);
    if (items.length > 0) out.push(`${field}.${language}: ${items.join(', ')}`);
  }
  return out;
}

function listChanges(field: string, before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const language of union(Object.keys(before), Object.keys(after))) {
    const old = new Set(before[language] ?? []);
    const now = new Set(after[language] ?? []);
    const items = [...[...now].filter((term) => !old.has(term)).map((term) => `+${term}`), ...[...old].filter((term) => !now.has(term)).map((term) => `-${term}`)];
    if (items.length > 0) out.push(`${field}.${language}: ${items.join(', ')}`);
  }
  return out;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Small pieces shared by the ops pages (Intents, Reports, Follow-ups): the context they get from
 * the workspace, plain tables, translated intent names, local times and intent-file error lists.
 *
 * @example
 *   table([t('colReason'), t('colCount')], rows.map((r) => [r.reason, String(r.count)]));
 */
import { el } from '../../../widget/dom';
import { DICTIONARIES, dateTime, t, type StringKey } from '../i18n';
import { formatFileError } from '../intents-eval-view-model';
import type { IntentFileError } from '../ops-api';

/** What an ops page needs from the workspace. */
export interface OpsContext {
  token: string;
  role: string;
  /** Shows a failed call: a 401 ends the session, anything else becomes a notice. */
  fail(err: unknown): void;
  /** A short notice in the header. */
  flash(text: string): void;
}

/** A page below the header; `show()` runs each time it is opened, to fetch fresh data. */
export interface Page {
  element: HTMLElement;
  show(): void;
}

/** "Refund" for a known intent; an unknown name from the server shows as it is. */
export function intentLabel(name: string): string {
  const key = `intent_${name}`;
  return key in DICTIONARIES.en ? t(key as StringKey) : name;
}

/** A table with a header row; cells are text or nodes (never markup). */
export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | Node>>, cls = 'grid'): HTMLTableElement {
  const cell = (tag: 'td' | 'th', c: string | Node) => (typeof c === 'string' ? el(tag, {}, c) : el(tag, {}, [c]));
  return el('table', { class: cls }, [
    el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))]),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => cell('td', c))))),
  ]);
}

/** A date and time in the agent's locale; an unparsable value shows as sent. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime(d);
}

/** Intent-file errors, one "file:line path: message" per line, in a monospace list. */
export function fileErrorList(errors: readonly IntentFileError[]): HTMLElement {
  return el('ul', { class: 'file-errors' }, errors.map((e) => el('li', {}, [el('code', {}, formatFileError(e))])));
}

/** A section with a heading, for the page's parts. */
export function section(title: string, children: Node[], cls = 'panel'): HTMLElement {
  return el('section', { class: cls }, [el('h2', {}, title), ...children]);
}

/**
 * Small pieces shared by the ops pages (Intents, Reports, Follow-ups): the context they get from
 * the workspace, plain tables, translated intent names, local times, intent-file error lists and
 * a titled section.
 *
 * @example
 *   <Table headers={[t('colReason'), t('colCount')]} rows={rows.map((r) => [r.reason, String(r.count)])} />
 */
import type { ComponentChildren } from 'preact';
import { DICTIONARIES, dateTime, t, type StringKey } from '../i18n';
import { formatFileError } from '../intents-eval-view-model';
import type { IntentFileError } from '../../protocol';

/** What an ops page needs from the workspace. */
export interface OpsContext {
  token: string;
  role: string;
  /** Shows a failed call: a 401 ends the session, anything else becomes a notice. */
  fail(err: unknown): void;
  /** A short notice in the header. */
  flash(text: string): void;
}

/** "Refund" for a known intent; an unknown name from the server shows as it is. */
export function intentLabel(name: string): string {
  const key = `intent_${name}`;
  return key in DICTIONARIES.en ? t(key as StringKey) : name;
}

/** A table with a header row; cells are text or components (never markup). */
export function Table({ headers, rows, cls = 'grid' }: { headers: readonly string[]; rows: ReadonlyArray<readonly ComponentChildren[]>; cls?: string }) {
  return (
    <table class={cls}>
      <thead>
        <tr>
          {headers.map((h) => <th scope="col">{h}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {r.map((c) => <td>{c}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A date and time in the agent's locale; an unparsable value shows as sent. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime(d);
}

/** Intent-file errors, one "file:line path: message" per line, in a monospace list. */
export function FileErrors({ errors }: { errors: readonly IntentFileError[] }) {
  return (
    <ul class="file-errors">
      {errors.map((e) => (
        <li>
          <code>{formatFileError(e)}</code>
        </li>
      ))}
    </ul>
  );
}

/** A section with a heading, for the page's parts. */
export function Section({ title, cls = 'panel', children }: { title: string; cls?: string; children?: ComponentChildren }) {
  return (
    <section class={cls}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A greyed line: "No data", "Loading…". */
export const muted = (text: string) => <p class="muted">{text}</p>;

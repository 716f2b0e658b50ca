/**
 * The ops pages' REST calls and their response types (intents tuning, reports, follow-ups), as
 * agreed with the backend. Evaluation types come from `server/eval/evaluate.ts` as TYPES only,
 * so the bundle never pulls zod.
 *
 * @example
 *   const { intents, errors } = await getIntents(token);
 *   const preview = await previewIntent(token, 'refund', { patch: { keywords } });
 */
import type { EvalReport } from '../eval/evaluate';
import type { TriageResult } from '../protocol';
import { call, callBlob } from './api';

export type { EvalReport };

export type WeightedTerms = Record<string, Record<string, number>>;
export type TermLists = Record<string, string[]>;
export interface AerTemplate {
  acknowledge: string;
  empathize: string;
  reassure: string;
}
export type Replies = Record<string, Record<string, AerTemplate>>;

/** One intent file as parsed by the server. */
export interface IntentData {
  intent: string;
  priority: number;
  negatable: boolean;
  keywords: WeightedTerms;
  phrases: WeightedTerms;
  exclude: TermLists;
  replies: Replies;
}

/** Where an intent file is wrong; also the shape of a 422's `details`. */
export interface IntentFileError {
  file: string;
  line?: number;
  column?: number;
  path?: string | Array<string | number>;
  message: string;
}

export interface IntentsResponse {
  intents: Array<{ name: string; file: string; yaml: string; data: IntentData }>;
  /** The last rejected hot-reload edit, if any. */
  errors: IntentFileError[];
  examplesCount: number;
}

export interface IntentPatch {
  keywords?: WeightedTerms;
  phrases?: WeightedTerms;
  exclude?: TermLists;
  replies?: Replies;
  priority?: number;
  negatable?: boolean;
}
export type IntentChange = { patch: IntentPatch } | { yaml: string };

export interface IntentVersion {
  id: string;
  at: string;
  author: string;
  summary: string;
}

export interface Flip {
  text: string;
  expected: string;
  from: string;
  to: string;
}

export interface PreviewResponse {
  current: EvalReport;
  candidate: EvalReport;
  flips: Flip[];
}

// The server's own type, imported as a type only: no second hand-written copy of the payload.
import type { ReportSummary } from '../reports/report-summary';
export type { ReportSummary };

export interface Followup {
  id: string;
  conversationId: string;
  dueAt: string;
  createdAt: string;
  done: boolean;
  intent: string;
  preview: string;
}

const enc = encodeURIComponent;
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const GET: RequestInit = { method: 'GET' };

export const triageText = (token: string, text: string) => call<TriageResult>('/api/triage', post({ text }), token);

export const getIntents = (token: string) => call<IntentsResponse>('/api/intents', GET, token);

/** Throws ApiError 422 `invalid_intents` with `details: IntentFileError[]` when the edit is invalid. */
export const saveIntent = (token: string, name: string, change: IntentChange) =>
  call<{ ok: true; version: IntentVersion }>(`/api/intents/${enc(name)}`, { method: 'PUT', body: JSON.stringify(change) }, token);

export const previewIntent = (token: string, name: string, change: IntentChange) =>
  call<PreviewResponse>(`/api/intents/${enc(name)}/preview`, post(change), token);

export const intentHistory = (token: string, name: string) => call<IntentVersion[]>(`/api/intents/${enc(name)}/history`, GET, token);

export const restoreIntent = (token: string, name: string, versionId: string) =>
  call<unknown>(`/api/intents/${enc(name)}/restore`, post({ versionId }), token);

const range = (from: string, to: string) => `from=${enc(from)}&to=${enc(to)}`;

export const reportSummary = (token: string, from: string, to: string) =>
  call<ReportSummary>(`/api/reports/summary?${range(from, to)}`, GET, token);

export const ledgerPath = (from: string, to: string) => `/api/reports/ledger.csv?${range(from, to)}`;
export const ledgerCsv = (token: string, from: string, to: string) => callBlob(ledgerPath(from, to), token);

export const getFollowups = (token: string) => call<Followup[]>('/api/followups', GET, token);
export const markFollowupDone = (token: string, id: string) => call<unknown>(`/api/followups/${enc(id)}/done`, post({}), token);

export const emailStatus = (token: string) => call<{ enabled: boolean }>('/api/email-status', GET, token);

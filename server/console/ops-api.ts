/**
 * The ops pages' REST calls (intents tuning, reports, follow-ups, email status). Request and
 * response types are the protocol's (server/protocol-rest.ts), imported as TYPES only, so the
 * bundle never pulls zod and nothing is restated here.
 *
 * @example
 *   const { intents, errors } = await getIntents(token);
 *   const preview = await previewIntent(token, 'refund', { patch: { keywords } });
 */
import type {
  EmailStatus,
  Followup,
  IntentChange,
  IntentsResponse,
  IntentVersion,
  PreviewResponse,
  ReportSummary,
  RestoreRequest,
  SaveIntentResponse,
  TriageResult,
} from '../protocol';
import { call, callBlob } from './api';

const enc = encodeURIComponent;
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const GET: RequestInit = { method: 'GET' };

export const triageText = (token: string, text: string) => call<TriageResult>('/api/triage', post({ text }), token);

export const emailStatus = (token: string) => call<EmailStatus>('/api/email-status', GET, token);

export const getIntents = (token: string) => call<IntentsResponse>('/api/intents', GET, token);

/** Throws ApiError 422 `invalid_intents` with `details: IntentFileError[]` when the edit is invalid. */
export const saveIntent = (token: string, name: string, change: IntentChange) =>
  call<SaveIntentResponse>(`/api/intents/${enc(name)}`, { method: 'PUT', body: JSON.stringify(change) }, token);

export const previewIntent = (token: string, name: string, change: IntentChange) =>
  call<PreviewResponse>(`/api/intents/${enc(name)}/preview`, post(change), token);

export const intentHistory = (token: string, name: string) => call<IntentVersion[]>(`/api/intents/${enc(name)}/history`, GET, token);

export const restoreIntent = (token: string, name: string, versionId: string) =>
  call<SaveIntentResponse>(`/api/intents/${enc(name)}/restore`, post({ versionId } satisfies RestoreRequest), token);

const range = (from: string, to: string) => `from=${enc(from)}&to=${enc(to)}`;

export const reportSummary = (token: string, from: string, to: string) =>
  call<ReportSummary>(`/api/reports/summary?${range(from, to)}`, GET, token);

export const ledgerPath = (from: string, to: string) => `/api/reports/ledger.csv?${range(from, to)}`;
export const ledgerCsv = (token: string, from: string, to: string) => callBlob(ledgerPath(from, to), token);

export const getFollowups = (token: string) => call<Followup[]>('/api/followups', GET, token);
export const markFollowupDone = (token: string, id: string) => call<unknown>(`/api/followups/${enc(id)}/done`, post({}), token);

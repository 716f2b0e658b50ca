/**
 * Reporting and follow-up routes: `GET /metrics` (Prometheus text, no auth: aggregate counts
 * only), `GET /api/reports/summary` and `GET /api/reports/ledger.csv` over `?from=ISO&to=ISO`
 * (default: the last 7 days), `GET /api/followups` and `POST /api/followups/:id/done` (agent or ops).
 *
 * @example app.use(createReportRouter({ auth, reports, followUps, metrics, settle, clock, logger }));
 */
import express, { type Request, type Router } from 'express';
import type { Logger } from 'pino';
import type { AuthService } from '../auth/auth-service.js';
import { AppError } from '../errors.js';
import type { FollowUps } from '../followups/follow-ups.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Reports } from '../reports/reports.js';
import type { TimeRange } from '../store/store.js';
import type { Followup, ReportSummary } from '../protocol.js';
import { jsonErrors, requireRole, route } from './rest-route.js';

export interface ReportRouterDeps {
  auth: Pick<AuthService, 'authenticate'>;
  reports: Reports;
  followUps: FollowUps;
  metrics: Metrics;
  /** Settles idle bot conversations so a scrape reads current containment. */
  settle: () => Promise<unknown>;
  clock: () => Date;
  logger: Logger;
}

const DEFAULT_PERIOD_MS = 7 * 24 * 60 * 60 * 1000;

/** `from`/`to` as ISO times; a half-open range, the last 7 days when not given. */
export function periodOf(req: Request, now: Date): TimeRange {
  const read = (name: 'from' | 'to', fallback: Date): Date => {
    const raw = req.query[name];
    if (raw === undefined || raw === '') return fallback;
    const time = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(time)) throw new AppError('invalid_payload', `${name}: expected an ISO 8601 time such as 2025-01-06T00:00:00Z`, { details: { path: name } });
    return new Date(time);
  };
  const to = read('to', now);
  const from = read('from', new Date(to.getTime() - DEFAULT_PERIOD_MS));
  if (from >= to) throw new AppError('invalid_payload', 'from: must be before to', { details: { path: 'from' } });
  return { from: from.toISOString(), to: to.toISOString() };
}

export function createReportRouter(deps: ReportRouterDeps): Router {
  const { auth } = deps;
  const router = express.Router();

  router.get('/metrics', (_req, res, next) => {
    // A scrape only reads: idle conversations are settled by the sweep's timer (bot-settler.ts).
    deps.metrics
      .render()
      .then((text) => res.type(deps.metrics.contentType).send(text), next);
  });

  router.get('/api/reports/summary', route(async (req): Promise<ReportSummary> => {
    await requireRole(req, auth, 'agent');
    return deps.reports.summary(periodOf(req, deps.clock()));
  }));

  router.get('/api/reports/ledger.csv', async (req, res, next) => {
    try {
      await requireRole(req, auth, 'agent');
      const period = periodOf(req, deps.clock());
      const csv = await deps.reports.ledgerCsv(period);
      const name = `relaydesk-ledger-${period.from.slice(0, 10)}-${period.to.slice(0, 10)}.csv`;
      // RFC 4180 registers text/csv; header=present tells readers the first record names the fields.
      res.type('text/csv; charset=utf-8; header=present').attachment(name).send(csv);
    } catch (error) {
      next(error);
    }
  });

  router.get('/api/followups', route(async (req): Promise<Followup[]> => deps.followUps.list(await requireRole(req, auth, 'agent'))));

  router.post('/api/followups/:id/done', route(async (req) => {
    const agent = await requireRole(req, auth, 'agent');
    return deps.followUps.markDone(agent, String(req.params.id));
  }));

  router.use(jsonErrors(deps.logger));
  return router;
}

/**
 * REST and static routes (SPEC §2, §5): the demo storefront, `/widget.js`, `/healthz`, and the
 * JSON API. Every JSON error goes through `toHttpError`, so no internals leak. Later issues add
 * their routers here (auth, conversations, intents, reports).
 *
 * @example app.use(createHttpRoutes({ logger, widget, health }));
 */
import express, { type ErrorRequestHandler, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { fileURLToPath } from 'node:url';
import { AppError, toHttpError } from '../errors.js';

const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

export interface WidgetAsset {
  code: string;
  gzip: Buffer;
  brotli: Buffer;
}

export interface HttpRoutesDeps {
  logger: Logger;
  /** The built widget; a promise so the server can listen while esbuild finishes. */
  widget: () => Promise<WidgetAsset>;
  health: () => Promise<{ ok: boolean; [key: string]: unknown }>;
  /** Extra routers mounted before the 404 handler (agent API, console, ops). */
  routers?: Router[];
}

export function createHttpApp(deps: HttpRoutesDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      // The widget is embedded on shops' own domains: its script must load cross-origin.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      contentSecurityPolicy: { directives: { 'connect-src': ["'self'", 'ws:', 'wss:'] } },
    }),
  );
  app.use(express.json({ limit: '64kb' }));

  app.get('/', (_req, res) => res.sendFile('storefront.html', { root: DEMO_DIR }));
  app.get('/returns', (_req, res) => res.sendFile('returns.html', { root: DEMO_DIR }));
  app.get('/demo/storefront.css', (_req, res) => res.sendFile('storefront.css', { root: DEMO_DIR }));
  app.get('/widget.js', async (req, res, next) => {
    try {
      const widget = await deps.widget();
      res.type('text/javascript; charset=utf-8').set('Cache-Control', 'public, max-age=300').vary('Accept-Encoding');
      const accepts = String(req.headers['accept-encoding'] ?? '');
      if (/\bbr\b/.test(accepts)) res.set('Content-Encoding', 'br').send(widget.brotli);
      else if (/\bgzip\b/.test(accepts)) res.set('Content-Encoding', 'gzip').send(widget.gzip);
      else res.send(widget.code);
    } catch (error) {
      next(error);
    }
  });
  app.get('/healthz', async (_req, res) => {
    const health = await deps.health().catch(() => ({ ok: false }));
    res.status(health.ok ? 200 : 503).json(health);
  });
  for (const router of deps.routers ?? []) app.use(router);

  app.use('/api', (_req, _res, next) => next(new AppError('not_found', 'No such API route; see SPEC §5 for the REST routes')));
  app.use(jsonErrors(deps.logger));
  return app;
}

function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    // express.json() reports bad JSON as a 400 SyntaxError with `type: 'entity.parse.failed'`.
    const parseError = error as { type?: string; status?: number };
    const appError =
      parseError.type === 'entity.parse.failed'
        ? new AppError('invalid_payload', 'The request body is not valid JSON')
        : parseError.type === 'entity.too.large'
          ? new AppError('too_long', 'The request body is too large')
          : error;
    const { status, body } = toHttpError(appError, logger);
    res.status(status).json(body);
  };
}

/**
 * The express app (SPEC §2, §5): helmet, the demo storefront, `/healthz`, the routers the app
 * mounts (bundles, agent API, ops), and one JSON error handler, so no internals leak.
 *
 * @example const http = createHttpApp({ logger, health, routers: [createStaticRouter(assets)] });
 */
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import { jsonErrors } from './rest-route.js';
import type { TrustProxy } from '../limits/client-ip.js';

const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

export interface HttpRoutesDeps {
  logger: Logger;
  health: () => Promise<{ ok: boolean; [key: string]: unknown }>;
  /** Routers mounted before the 404 handler (bundles, agent API, ops). */
  routers?: Router[];
  /** express `trust proxy` (TRUST_PROXY): whether `req.ip` comes from X-Forwarded-For. */
  trustProxy?: TrustProxy;
}

export function createHttpApp(deps: HttpRoutesDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', typeof deps.trustProxy === 'object' ? [...deps.trustProxy] : (deps.trustProxy ?? false));
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
  app.get('/healthz', async (_req, res) => {
    const health = await deps.health().catch(() => ({ ok: false, reason: 'storage cannot be read' }));
    res.status(health.ok ? 200 : 503).json(health);
  });
  for (const router of deps.routers ?? []) app.use(router);

  app.use('/api', (_req, _res, next) => next(new AppError('not_found', 'No such API route; see SPEC §5 for the REST routes')));
  app.use(jsonErrors(deps.logger));
  return app;
}

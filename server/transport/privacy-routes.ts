/**
 * The privacy REST routes (SPEC §10, ops only): `GET /api/shoppers/export?email=|conversationId=`
 * and `POST /api/shoppers/erase {email?|conversationId?}`. Erasure also closes the shopper's
 * live sockets, so an open widget cannot keep writing into an erased conversation.
 *
 * @example app.use(createPrivacyRouter({ store, auth, clock, logger, onErased }));
 */
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AuthService } from '../auth/auth-service.js';
import { eraseShopper, exportShopper, type ShopperSelector } from '../privacy/shopper-privacy.js';
import type { Store } from '../store/store.js';
import { jsonErrors, parseBody, requireRole, route } from './rest-route.js';

export interface PrivacyRouterDeps {
  store: Store;
  auth: Pick<AuthService, 'authenticate'>;
  clock: () => Date;
  logger: Logger;
  /** Called with each erased conversation id (the app disconnects its shopper sockets). */
  onErased?: (conversationId: string) => void;
}

const Selector = z.union([
  z.object({ email: z.email().max(254) }).strict(),
  z.object({ conversationId: z.string().min(1).max(100) }).strict(),
]);

export function createPrivacyRouter(deps: PrivacyRouterDeps): Router {
  const router = express.Router();
  router.use('/api/shoppers', express.json({ limit: '8kb' }));

  router.get('/api/shoppers/export', route(async (req) => {
    await requireRole(req, deps.auth, 'ops');
    const query = Object.fromEntries(Object.entries(req.query).filter(([, value]) => typeof value === 'string'));
    return exportShopper(deps.store, parseBody(Selector, query) as ShopperSelector);
  }));

  router.post('/api/shoppers/erase', route(async (req) => {
    const ops = await requireRole(req, deps.auth, 'ops');
    const selector = parseBody(Selector, req.body) as ShopperSelector;
    const { ids, ...counts } = await eraseShopper(deps.store, selector, { actorId: ops.id, at: deps.clock().toISOString() });
    for (const id of ids) deps.onErased?.(id);
    deps.logger.info({ actorId: ops.id, ...counts }, 'shopper data erased');
    return counts;
  }));

  router.use(jsonErrors(deps.logger));
  return router;
}

/**
 * Serves the built bundles from `dist/` (see scripts/build.ts): `/widget.js` under its fixed
 * name with a short cache (shops embed that URL, so a release must reach them within minutes)
 * and an ETag; the console shell at `/console`, revalidated on every load; and the console's
 * content-hashed script and stylesheet, cached for a year (a new build has new names).
 *
 * @example app.use(createStaticRouter(loadBuiltAssets(DIST_DIR)));
 */
import express, { Router } from 'express';
import { CONSOLE_ASSETS_URL, type BuiltAssets } from '../assets/built-assets.js';

const WIDGET_CACHE = 'public, max-age=300';
const HASHED_CACHE_MS = 365 * 24 * 60 * 60 * 1000;

export function createStaticRouter(assets: BuiltAssets): Router {
  const router = Router();
  const { widget } = assets;
  router.get('/widget.js', (req, res) => {
    res.type('text/javascript; charset=utf-8').set({ 'Cache-Control': WIDGET_CACHE, ETag: widget.etag }).vary('Accept-Encoding');
    if (req.headers['if-none-match'] === widget.etag) {
      res.status(304).end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepts)) res.set('Content-Encoding', 'br').send(widget.brotli);
    else if (/\bgzip\b/.test(accepts)) res.set('Content-Encoding', 'gzip').send(widget.gzip);
    else res.send(widget.code);
  });
  router.get('/console', (_req, res) => {
    res.type('text/html; charset=utf-8').set('Cache-Control', 'no-cache').send(assets.console.html);
  });
  router.use(
    CONSOLE_ASSETS_URL,
    express.static(assets.console.assetsDir, { immutable: true, maxAge: HASHED_CACHE_MS, index: false, redirect: false }),
  );
  return router;
}

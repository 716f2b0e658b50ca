/**
 * Serves the agent console (SPEC §7): the HTML shell at `/console`, its script and stylesheet.
 * The bundle is built once, on the first request, and kept in memory.
 *
 * @example app.use(createConsoleRouter(() => buildConsole()));
 */
import { Router } from 'express';

export interface ConsoleAsset {
  html: string;
  js: string;
  css: string;
}

export function createConsoleRouter(build: () => Promise<ConsoleAsset>): Router {
  let asset: Promise<ConsoleAsset> | undefined;
  const load = () => (asset ??= build());
  const router = Router();
  router.get('/console', async (_req, res, next) => {
    try {
      res.type('text/html; charset=utf-8').set('Cache-Control', 'no-cache').send((await load()).html);
    } catch (error) {
      next(error);
    }
  });
  router.get('/console/console.js', async (_req, res, next) => {
    try {
      res.type('text/javascript; charset=utf-8').set('Cache-Control', 'no-cache').send((await load()).js);
    } catch (error) {
      next(error);
    }
  });
  router.get('/console/console.css', async (_req, res, next) => {
    try {
      res.type('text/css; charset=utf-8').set('Cache-Control', 'no-cache').send((await load()).css);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

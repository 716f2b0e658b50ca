/**
 * Serves the widget's texts for one language as JSON (`GET /widget-strings/de.json`), so
 * widget.js bundles English only and fetches the one language it shows (SPEC §9). Public data,
 * read cross-origin from shops' pages, cached for an hour.
 *
 * @example app.use(createWidgetStringsRouter());
 */
import { Router } from 'express';
import { servedLanguage } from '../i18n/languages.js';
import { WIDGET_STRINGS } from '../i18n/widget-strings.js';

export function createWidgetStringsRouter(): Router {
  const router = Router();
  router.get('/widget-strings/:file', (req, res) => {
    const match = /^([a-z]{2})\.json$/.exec(req.params.file);
    const language = match ? servedLanguage(match[1]) : undefined;
    res.set('Access-Control-Allow-Origin', '*');
    if (!language) {
      res.status(404).json({ error: { code: 'not_found', message: 'No widget texts for this language; served: en, de, fr, es, pt, ja, zh' } });
      return;
    }
    res.set('Cache-Control', 'public, max-age=3600');
    res.json(WIDGET_STRINGS[language]);
  });
  return router;
}

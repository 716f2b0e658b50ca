// E2E (issue 14): the widget's own texts and accessible names follow data-locale, else the
// browser language, else English, and the bot answers in the shopper's language — in Chromium.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WIDGET_STRINGS } from '../../server/i18n/widget-strings.js';
import { launchBrowser, requireBrowser, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const available = requireBrowser();
const WAIT = { timeout: 15_000 };

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 760 }, locale, timezoneId: 'Asia/Tokyo' });
  contexts.push(context);
  return context.newPage();
}

/** A host page on the server's origin whose snippet carries `data-locale` (or none). */
async function hostPage(page: Page, locale?: string): Promise<void> {
  const attribute = locale ? ` data-locale="${locale}"` : '';
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1><script src="/widget.js" async${attribute}></script></body></html>`;
  await page.route(`${server.url}/lang-host`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await page.goto(`${server.url}/lang-host`);
}

beforeAll(async () => {
  if (!available) return;
  server = await startTestServer();
  browser = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const CASES = [
  { language: 'de', ask: 'Wo ist meine Bestellung?', reply: /Bestellnummer/ },
  { language: 'ja', ask: '注文した荷物はどこですか？', reply: /ご注文番号/ },
  { language: 'zh', ask: '我的快递还没到', reply: /订单号/ },
] as const;

describe.skipIf(!available)('widget languages', () => {
  for (const { language, ask, reply } of CASES) {
    it(`renders its UI and accessible names in ${language} from data-locale, and the bot answers in ${language}`, { timeout: 60_000 }, async () => {
      const texts = WIDGET_STRINGS[language];
      const page = await newPage('en-US');
      await hostPage(page, language);
      await page.getByRole('button', { name: texts.openChat }).click();
      const input = page.getByRole('textbox', { name: texts.message });
      await input.waitFor(WAIT);
      expect(await input.getAttribute('placeholder')).toBe(texts.placeholder);
      expect(await page.getByRole('heading', { name: texts.defaultTitle }).count()).toBe(1);
      expect(await page.getByRole('button', { name: texts.closeChat }).count()).toBe(1);
      expect(await page.getByRole('log', { name: texts.messages }).count()).toBe(1);
      await input.fill(ask);
      await page.getByRole('button', { name: texts.send, exact: true }).click();
      await page.getByRole('log').getByText(reply).waitFor(WAIT);
      await expect.poll(() => page.getByRole('log').getByText(texts.bot, { exact: true }).count(), WAIT).toBeGreaterThan(0);
      // No English label is left in the panel.
      const shown = await page.evaluate(() => document.querySelector('relaydesk-widget')?.shadowRoot?.querySelector('.root')?.textContent ?? '');
      for (const english of [/\bSend\b/, /\bAssistant\b/, /Chat with us/, /\bRetry\b/, /How did we do/]) expect(shown).not.toMatch(english);
      await screenshot(page, `widget-${language}`);
    });
  }

  it('follows the browser language without data-locale, and English for an unserved locale', { timeout: 60_000 }, async () => {
    const japanese = await newPage('ja-JP');
    await hostPage(japanese);
    await japanese.getByRole('button', { name: WIDGET_STRINGS.ja.openChat }).waitFor(WAIT);
    const italian = await newPage('it-IT');
    await hostPage(italian, 'it');
    await italian.getByRole('button', { name: 'Open chat' }).waitFor(WAIT);
  });
});

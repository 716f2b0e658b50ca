// E2E (issue 5): an ops user signs in, opens the Intents page, tries a sentence, sees the fired keywords and runs the evaluation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, requireBrowser, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const available = requireBrowser();
const WAIT = { timeout: 15_000 };
const OPS = { name: 'Ola', email: 'ola.ops@shop.example', password: 'ops-password-e2e-1' };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  server = await startTestServer({ copyIntents: true });
  await server.app.auth.createAgent({ ...OPS, role: 'ops' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!available)('the Intents page', () => {
  it('classifies a test sentence with the fired keywords and shows the evaluation', { timeout: 60_000 }, async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(server.url + '/console');
    await page.getByLabel('Email').fill(OPS.email);
    await page.getByLabel('Password').fill(OPS.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Intents' }).or(page.getByRole('link', { name: 'Intents' })).first().click();
    await page.getByLabel('Test sentence').fill('I want my money back for order 1003');
    await page.getByRole('button', { name: 'Classify' }).click();
    await page.getByText('money back', { exact: true }).first().waitFor(WAIT);
    // An edit to evaluate: raise the intent's priority by one (the evaluation runs on edits only).
    const priority = page.getByLabel('Priority');
    await priority.fill(String(Number(await priority.inputValue()) + 1));
    await page.getByRole('button', { name: 'Run evaluation' }).click();
    await page.getByText(/precision/i).first().waitFor(WAIT);
    // Per-intent precision and recall, current set against the edit.
    const body = await page.locator('body').innerText();
    for (const intent of ['logistics', 'payment', 'complaint']) expect(body.toLowerCase()).toContain(intent);
    await screenshot(page, 'console-intents');
  });
});

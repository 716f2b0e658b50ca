// E2E (issue 9): the Preact console keeps its state across pages and languages — an internal note,
// a half-written reply that survives Reports, Follow-ups, Intents and a switch to Chinese and back;
// an intent edit goes evaluate → Save → History → Restore; a backwards custom period is refused;
// Sign out goes back to the login form; no page errors on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { launchBrowser, requireBrowser, screenshot } from '../support/browser.js';
import { closeClients, connectCustomer } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const available = requireBrowser();
const WAIT = { timeout: 15_000 };
const OPS = { name: 'Pia', email: 'pia.pages@shop.example', password: 'ops-password-pages-1' };
const DRAFT = 'I have checked your order and will reply within 1 hour.';

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!available) return;
  server = await startTestServer({ copyIntents: true });
  await server.app.auth.createAgent({ ...OPS, role: 'ops' });
  const { socket } = await connectCustomer(server.url);
  expect((await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text: 'can I talk to a person please' })).ok).toBe(true);
  await server.app.service.idle();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })).newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
});
afterAll(async () => {
  closeClients();
  await browser?.close();
  await server?.close();
});

describe.skipIf(!available)('console pages and state', () => {
  it('adds an internal note, and keeps a draft across pages and languages', { timeout: 60_000 }, async () => {
    await page.goto(server.url + '/console');
    await page.getByLabel('Email').fill(OPS.email);
    await page.getByLabel('Password').fill(OPS.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.queue-list > li.card').first().getByRole('button', { name: 'Claim' }).click();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.waitFor(WAIT);

    await page.getByLabel('Internal note').check();
    await reply.fill('Called the warehouse');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('log').locator('.msg.note').filter({ hasText: 'Called the warehouse' }).waitFor(WAIT);
    expect(await reply.inputValue()).toBe('');
    await page.getByLabel('Internal note').uncheck();
    await reply.fill(DRAFT);

    await page.getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor(WAIT);
    await page.locator('.stat-label').filter({ hasText: 'Conversations' }).waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Reports' }).getAttribute('aria-current')).toBe('page');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'console-reports');

    await page.getByRole('button', { name: /Follow-ups/ }).click();
    await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Intents' }).click();
    await page.getByLabel('Test sentence').waitFor(WAIT);

    await page.locator('select#lang').selectOption('zh');
    await page.getByRole('button', { name: '收件箱' }).click();
    expect(await page.getByRole('textbox', { name: '回复' }).inputValue()).toBe(DRAFT);
    await page.locator('select#lang').selectOption('en');
    expect(await reply.inputValue()).toBe(DRAFT);
    expect(await page.getByRole('log').locator('.msg.note .text').allTextContents()).toEqual(['Called the warehouse']);

    expect(pageErrors).toEqual([]);
  });

  it('saves an evaluated intent edit, lists it in the history and restores the earlier file', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Intents' }).click();
    const priority = page.getByLabel('Priority');
    await priority.waitFor(WAIT);
    const before = await priority.inputValue();
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await priority.fill(String(Number(before) + 1));
    expect(await save.isDisabled()).toBe(true); // not before the evaluation of these very edits
    await page.getByRole('button', { name: 'Run evaluation' }).click();
    await page.getByText(/Evaluation on \d+ labelled examples/).waitFor(WAIT);
    await save.click();
    await page.getByText(/^Saved: priority/).waitFor(WAIT);
    expect(await priority.inputValue()).toBe(String(Number(before) + 1));
    const restore = page.getByRole('listitem').filter({ hasText: 'Pia' }).getByRole('button', { name: /^Restore / });
    await restore.first().waitFor(WAIT);
    const versions = await page.locator('ol.history > li').count();
    await page.locator('ol.history > li').last().getByRole('button', { name: /^Restore / }).click();
    await page.getByText(/^Restored the version of/).waitFor(WAIT);
    await expect.poll(() => page.locator('ol.history > li').count(), WAIT).toBe(versions + 1);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a custom period that ends before it starts, then signs out', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Reports' }).click();
    await page.locator('select#report-period').selectOption('custom');
    await page.getByLabel('From').fill('2026-11-20');
    await page.getByLabel('To', { exact: true }).fill('2026-11-10');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('alert').filter({ hasText: 'Pick a start and an end date' }).waitFor(WAIT);
    expect(await page.locator('.stat').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
    expect(pageErrors).toEqual([]);
  });
});

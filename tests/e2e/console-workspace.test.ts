// E2E (issue 12): the agent console at 1024×768 — the summary shows the customer, the order's
// items, readable reasons and the suggested first line; safety-first canned replies; the
// transcript follows new messages (or cues them when the agent reads back), links are safe;
// axe-core finds 0 serious or critical violations. Screenshots in tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { launchBrowser, requireBrowser, screenshot } from '../support/browser.js';
import { closeClients, connectCustomer, type CustomerClient } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const available = requireBrowser();
const WAIT = { timeout: 15_000 };
const AGENT = { name: 'Mia', email: 'mia.workspace@shop.example', password: 'correct-horse-battery-ws' };
// With the buyer's email the order is unlocked (SPEC §10), so its items are in the lookup.
const SAFETY = "The charger from order 1001 caught fire and burned my son's hand. My email is lena.fischer@example.de";

let server: TestServer;
let browser: Browser;
let agent: Page;
let shopper: CustomerClient;
const pageErrors: string[] = [];

async function say(text: string) {
  const ack = await shopper.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(ack.error.code);
  await server.app.service.idle();
}

beforeAll(async () => {
  if (!available) return;
  server = await startTestServer();
  await server.app.auth.createAgent({ ...AGENT, role: 'agent' });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-US' });
  agent = await context.newPage();
  agent.on('pageerror', (err) => pageErrors.push(err.message));
  ({ socket: shopper } = await connectCustomer(server.url, { locale: 'de-DE', page: '/products/charger', timeZone: 'Europe/Berlin' }));
  await say(SAFETY);
  expect(await shopper.emitWithAck('contact', { email: 'lena.fischer@example.de', name: 'Lena' })).toEqual({ ok: true });
});
afterAll(async () => {
  closeClients();
  await browser?.close();
  await server?.close();
});

describe.skipIf(!available)('agent workspace at 1024×768', () => {
  it('shows the customer, the order items, readable reasons, the first line and safety-first canned replies', { timeout: 60_000 }, async () => {
    await agent.goto(server.url + '/console');
    await agent.getByLabel('Email').fill(AGENT.email);
    await agent.getByLabel('Password').fill(AGENT.password);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.locator('.queue-list > li.card').first().getByRole('button', { name: 'Claim' }).click();
    await agent.getByRole('textbox', { name: 'Reply' }).waitFor(WAIT);
    const summary = agent.getByRole('region', { name: 'Summary' });
    await summary.getByText('Lena <lena.fischer@example.de>').waitFor(WAIT);
    const text = await summary.textContent();
    expect(text).toContain('Wireless earbuds × 1');
    expect(text).toContain('DE');
    expect(text).toContain('/products/charger');
    expect(text).toContain('Europe/Berlin');
    expect(text).toContain('Safety: fire');
    expect(text).not.toContain('safety:fire');
    expect(text).toMatch(/Email replies are off/);
    await summary.getByRole('button', { name: 'Use this line' }).click();
    expect(await agent.getByRole('textbox', { name: 'Reply' }).inputValue()).toMatch(/Is anyone still hurt/);

    const options = await agent.getByLabel('Canned replies').locator('option').allTextContents();
    expect(options[1]).toBe('Safety first: is anyone hurt?');
    expect(options).not.toContain('Ask for the order number');
    await screenshot(agent, 'console-workspace-1024x768');
    // The transcript gets the height at 1024×768.
    const height = await agent.getByRole('log').evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(220);
    expect(await seriousViolations(agent)).toEqual([]);
  });

  it('follows new messages, keeps the place of an agent reading back with a cue, and links are safe', { timeout: 60_000 }, async () => {
    const log = agent.getByRole('log');
    for (let i = 1; i <= 8; i++) await say(`Hallo? Ist da jemand? (${i})\nIch warte.`);
    await log.locator('.msg.customer').filter({ hasText: '(8)' }).waitFor(WAIT);
    const distanceFromEnd = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    await expect.poll(distanceFromEnd, WAIT).toBeLessThan(40);

    await log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await say('Photo of the damage: https://photos.example/burn.jpg and javascript:alert(1)');
    const link = log.locator('a[href="https://photos.example/burn.jpg"]');
    await link.waitFor({ state: 'attached', ...WAIT });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await log.locator('a').count()).toBe(1);
    const cue = agent.getByRole('button', { name: 'New messages' });
    await cue.waitFor(WAIT);
    expect(await log.evaluate((el) => el.scrollTop)).toBeLessThan(5);
    await screenshot(agent, 'console-new-messages-cue');
    await cue.click();
    await expect.poll(distanceFromEnd, WAIT).toBeLessThan(40);
    expect(pageErrors).toEqual([]);
  });
});

// E2E (issue 12): the widget follows the conversation (with a "new messages" cue when the shopper
// scrolled up), shows times and safe clickable links, asks for an email while queued or off duty, and passes
// axe with 0 serious or critical violations; screenshots in tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashToken } from '../../server/auth/tokens.js';
import { closeAgents, connectAgent, signUp } from '../support/agent-client.js';
import { seriousViolations } from '../support/axe.js';
import { launchBrowser, requireBrowser, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const available = requireBrowser();
const WAIT = { timeout: 15_000 };

let server: TestServer;
let browser: Browser;
const pageErrors: string[] = [];

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  return page;
}

const widget = (page: Page) => page.locator('relaydesk-widget');

async function conversationOf(page: Page) {
  const token = await page.evaluate((key) => localStorage.getItem(key), `relaydesk:token:${server.url}`);
  return token ? server.store.findConversationByTokenHash(hashToken(token)) : undefined;
}

/** Sends like a shopper and waits until the server acknowledged it and the bot's turn has run. */
async function send(page: Page, text: string) {
  const input = page.getByRole('textbox', { name: 'Message' });
  const acked = widget(page).locator('.msg.customer:not(.pending)');
  const before = await acked.count();
  await input.fill(text);
  await input.press('Enter');
  // Enter returns before the socket emit reaches the server: wait for the ack, then for the turn.
  await acked.nth(before).waitFor(WAIT);
  await server.app.service.idle();
}

beforeAll(async () => {
  if (!available) return;
  // Links in bot replies are absolute only with a public URL (the shop's returns page).
  server = await startTestServer({ env: { PUBLIC_URL: 'https://shop.example' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!available)('widget: following the conversation', () => {
  it('shows links as safe links, times on messages, asks for an email while queued, and is axe-clean', { timeout: 90_000 }, async () => {
    const page = await newPage();
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'Open chat' }).click();
    await send(page, 'how do I return something, what is your return policy');
    // The returns link in the bot's answer is a real link, opened safely in a new tab.
    const link = page.getByRole('log').locator('.msg.bot a').first();
    await link.waitFor(WAIT);
    expect(await link.getAttribute('href')).toBe('https://shop.example/returns');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await page.getByRole('log').locator('.msg.bot time').first().textContent()).toMatch(/\d{1,2}:\d{2}/);
    // On duty, the bot's chat asks for no email (only once queued).
    expect(await page.getByRole('textbox', { name: 'Email' }).count()).toBe(0);

    // A shopper typing a javascript: "link" gets plain text.
    await send(page, 'javascript:alert(1) http://ok.example/x');
    const own = page.getByRole('log').locator('.msg.customer').last();
    await own.locator('a').waitFor(WAIT);
    expect(await own.locator('a').count()).toBe(1);
    expect(await own.locator('a').getAttribute('href')).toBe('http://ok.example/x');

    await send(page, 'I want to speak to a human');
    const email = page.getByRole('textbox', { name: 'Email' });
    await email.waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'widget-queued-contact');
    await email.fill('lena.fischer@example.de');
    await page.getByRole('button', { name: 'Save' }).click();
    await widget(page).getByText("we'll email you").waitFor(WAIT);
    expect((await conversationOf(page))?.contactEmail).toBe('lena.fischer@example.de');
    // Given once: after a reload the widget does not ask again.
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor(WAIT);
    expect(await page.getByRole('textbox', { name: 'Email' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('asks for an email while the bot still chats when no one is on duty, and never again once given', { timeout: 90_000 }, async () => {
    // Saturday 2026-11-28 12:00 UTC; the team works Mon-Fri in Berlin (SPEC §11).
    const closed = await startTestServer({ env: { BUSINESS_HOURS: 'Mon-Fri 09:00-18:00 Europe/Berlin' }, clock: () => new Date('2026-11-28T12:00:00Z') });
    const page = await newPage();
    try {
      await page.goto(closed.url + '/');
      await page.getByRole('button', { name: 'Open chat' }).click();
      const email = page.getByRole('textbox', { name: 'Email' });
      await email.waitFor(WAIT);
      const token = await page.evaluate((key) => localStorage.getItem(key), `relaydesk:token:${closed.url}`);
      expect((await closed.store.findConversationByTokenHash(hashToken(token ?? '')))?.status).toBe('bot');
      await email.fill('lena.fischer@example.de');
      await page.getByRole('button', { name: 'Save' }).click();
      await widget(page).getByText("we'll email you").waitFor(WAIT);
      expect((await closed.store.findConversationByTokenHash(hashToken(token ?? '')))?.contactEmail).toBe('lena.fischer@example.de');
      await page.reload();
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.getByRole('textbox', { name: 'Message' }).waitFor(WAIT);
      expect(await page.getByRole('textbox', { name: 'Email' }).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      // The widget would keep reconnecting to the closed server for the rest of the file.
      await page.context().close();
      await closed.close();
    }
  });

  it('opens at the newest message after a reload, stays put when scrolled up, and shows a "new messages" cue', { timeout: 90_000 }, async () => {
    const page = await newPage({ width: 1280, height: 700 });
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'Open chat' }).click();
    const long = Array.from({ length: 12 }, (_, i) => `line ${i + 1} of a long message`).join('\n');
    for (const text of ['hello', long, 'thanks', long]) await send(page, text);
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    const log = page.getByRole('log');
    await log.locator('.msg').nth(6).waitFor(WAIT);
    const distanceFromEnd = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    await expect.poll(distanceFromEnd, WAIT).toBeLessThan(48);

    await log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await send(page, 'where is my order 1003');
    const cue = page.getByRole('button', { name: 'New messages' });
    await cue.waitFor(WAIT);
    expect(await log.evaluate((el) => el.scrollTop)).toBeLessThan(5);
    await screenshot(page, 'widget-new-messages-cue');
    await cue.click();
    await expect.poll(distanceFromEnd, WAIT).toBeLessThan(48);
    expect(await cue.isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('asks what went wrong after a 2-star rating and stores the comment', { timeout: 90_000 }, async () => {
    const page = await newPage();
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'Open chat' }).click();
    await send(page, 'I want to speak to a human');
    const conversation = await conversationOf(page);
    const agent = await signUp(server, `Rater${Date.now()}`);
    const { socket } = await connectAgent(server.url, agent.token);
    expect(await socket.emitWithAck('claim', { conversationId: conversation!.id })).toMatchObject({ ok: true });
    expect(await socket.emitWithAck('resolve', { conversationId: conversation!.id })).toMatchObject({ ok: true });
    await page.getByRole('button', { name: 'Rate 2 of 5' }).click();
    const comment = page.getByRole('textbox', { name: 'What went wrong? (optional)' });
    await comment.waitFor(WAIT);
    await comment.fill('Took too long to answer');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await widget(page).getByText('your comment helps us').waitFor(WAIT);
    expect(await server.store.getConversation(conversation!.id)).toMatchObject({ rating: 2, ratingComment: 'Took too long to answer' });
    expect(await seriousViolations(page)).toEqual([]);
    closeAgents();
    expect(pageErrors).toEqual([]);
  });
});

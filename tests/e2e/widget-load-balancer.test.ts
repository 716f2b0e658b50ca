// The real widget in Chromium, on the demo storefront served through nginx in front of two nodes
// (PostgreSQL + Redis): the shopper chats, both nodes restart one after the other (a rolling
// deploy), and the same widget resumes its conversation and chats on, every message shown once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, requireBrowser, screenshot } from '../support/browser.js';
import { startCluster, type Cluster } from '../support/cluster.js';
import { requireNginx, startNginx, type Nginx } from '../support/nginx.js';
import { requirePostgres } from '../support/postgres.js';
import { requireRedis } from '../support/redis.js';

const available = requireBrowser() && requireNginx() && (await requirePostgres()) && (await requireRedis());
const WAIT = { timeout: 20_000 };

/** The widget's settled bubbles (sent and answered, none pending), in order. */
async function bubbles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(document.querySelector('relaydesk-widget')?.shadowRoot?.querySelectorAll('.log .msg:not(.pending) .text') ?? [])].map((el) => el.textContent ?? ''),
  );
}

async function ask(page: Page, text: string, botRepliesAfter: number): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Message' });
  await input.fill(text);
  await input.press('Enter');
  await page.getByRole('log').locator('.msg.bot').nth(botRepliesAfter - 1).waitFor(WAIT);
}

describe.skipIf(!available)('the widget through nginx in front of two nodes', () => {
  let cluster: Cluster;
  let lb: Nginx;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    cluster = await startCluster(2);
    lb = await startNginx(cluster.nodes.map((node) => Number(new URL(node.url).port)));
    browser = await launchBrowser();
  }, 90_000);
  afterEach(() => expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await lb?.stop();
    await cluster?.close();
  });

  it('keeps the conversation through a rolling restart of both nodes', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${lb.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await ask(page, 'where is my order 1002?', 1);
    const before = await bubbles(page);
    expect(before.filter((text) => text === 'where is my order 1002?')).toHaveLength(1);

    // A rolling deploy: each node stops (SIGTERM) and comes back on its port while the other serves.
    for (const [i, node] of [...cluster.nodes].entries()) {
      const port = new URL(node.url).port;
      node.child.kill('SIGTERM');
      expect(await node.exited).toBe(0);
      const restarted = await cluster.startNode({ PORT: port });
      cluster.nodes[i] = restarted;
    }

    // Whichever node it lands on now, the widget resumes the same conversation and chats on.
    await ask(page, 'and what about order 1003?', 2);
    const after = await bubbles(page);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.filter((text) => text === 'where is my order 1002?')).toHaveLength(1);
    expect(after.filter((text) => text === 'and what about order 1003?')).toHaveLength(1);
    await screenshot(page, 'widget-through-nginx-after-rolling-restart');

    // A reload through nginx shows the same conversation from the store, in the same order.
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('log').locator('.msg.bot').nth(1).waitFor(WAIT);
    await expect.poll(() => bubbles(page), WAIT).toEqual(after);
    await context.close();
  });
});

// E2E (issue 4): a shopper escalates in the widget, an agent signs in to /console, claims the top case, is coached on a blaming draft, replies, and the shopper sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectCustomer, closeClients } from '../support/socket-client.js';
import { launchBrowser, requireBrowser, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const available = requireBrowser();
const WAIT = { timeout: 15_000 };
const ESCALATION = 'I want to talk to a human, the charger caught fire';
const BLAME = "calm down, it's not our fault";
const GOOD_REPLY = "I'm so sorry this happened. Please unplug the charger and keep it away from anything that can burn. I've arranged a replacement and will email you a prepaid return label within 1 hour.";
const AGENT = { name: 'Mia', email: 'mia.e2e@shop.example', password: 'correct-horse-battery-e2e' };

let server: TestServer;
let browser: Browser;
let shopper: Page;
let agent: Page;
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  return page;
}

/** The bubble texts of a role="log" list (widget: `.msg .text`; console transcript: `.msg .text` too). */
const texts = (page: Page) => page.getByRole('log').locator('.msg .text').allTextContents();

beforeAll(async () => {
  if (!available) return;
  server = await startTestServer();
  await server.app.auth.createAgent({ ...AGENT, role: 'agent' });
  browser = await launchBrowser();
  [shopper, agent] = await Promise.all([newPage(), newPage()]);
});
afterAll(async () => {
  closeClients();
  await browser?.close();
  await server?.close();
});

describe.skipIf(!available)('handoff from the widget to the agent console', () => {
  it('queues the escalated shopper above a routine handoff', { timeout: 60_000 }, async () => {
    // A routine "talk to a person" case waits first, so "top of the queue" means sorted by urgency.
    const { socket } = await connectCustomer(server.url);
    const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text: 'can I talk to a person please' });
    expect(ack.ok).toBe(true);

    await shopper.goto(server.url + '/');
    await shopper.getByRole('button', { name: 'Open chat' }).click();
    const input = shopper.getByRole('textbox', { name: 'Message' });
    await input.fill(ESCALATION);
    await input.press('Enter');
    // Enter returns before the message reaches the server: wait until both conversations wait for a person.
    await expect.poll(async () => (await server.store.listConversations({ status: ['queued'] })).length, WAIT).toBe(2);
    // The widget tells the shopper they are waiting for a person.
    await shopper.getByRole('dialog').getByText(/number 1 in line|Waiting for the next available agent/).waitFor(WAIT);
    expect(await texts(shopper)).toContain(ESCALATION);
  });

  it('lets the agent sign in with "Email", "Password" and "Sign in", and shows the fire case first, critical', { timeout: 60_000 }, async () => {
    await agent.goto(server.url + '/console');
    await agent.getByLabel('Email').fill(AGENT.email);
    await agent.getByLabel('Password').fill(AGENT.password);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('heading', { name: 'Queue' }).waitFor(WAIT);
    const cards = agent.locator('.queue-list > li.card');
    await cards.nth(1).waitFor(WAIT);
    expect(await cards.count()).toBe(2);
    const top = cards.first();
    expect(await top.locator('.preview').textContent()).toBe(ESCALATION);
    expect(await top.locator('.chip').textContent()).toBe('Critical');
    expect(await top.getByRole('list', { name: 'Reasons' }).locator('li').allTextContents()).toEqual(expect.arrayContaining(['Safety: fire']));
    expect(await cards.nth(1).locator('.preview').textContent()).toBe('can I talk to a person please');
  });

  it('claims the case: the transcript and summary open and the shopper is told the agent joined', { timeout: 60_000 }, async () => {
    await agent.locator('.queue-list > li.card').first().getByRole('button', { name: 'Claim' }).click();
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.waitFor(WAIT);
    expect(await texts(agent)).toContain(ESCALATION);
    const summary = agent.getByRole('region', { name: 'Summary' });
    expect(await summary.locator('.chip').textContent()).toBe('Critical');
    // The queue now shows the case as this agent's own ("Open"), not claimable.
    await agent.locator('.queue-list > li.card').first().getByRole('button', { name: 'Open' }).waitFor(WAIT);

    const joined = `${AGENT.name} has joined and has read your conversation`;
    await shopper.getByRole('log').locator('.msg.system').filter({ hasText: joined }).waitFor(WAIT);
    expect(await shopper.getByRole('dialog').getByRole('status').allTextContents()).toContain(joined);
  });

  it('coaches the agent on "calm down, it\'s not our fault" before anything reaches the shopper', { timeout: 60_000 }, async () => {
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    const warnings = agent.locator('.composer .coach li');
    await reply.fill(BLAME);
    await warnings.first().waitFor(WAIT);
    const shown = await warnings.allTextContents();
    expect(shown.some((w) => /blame/i.test(w) && /calm down/i.test(w))).toBe(true);
    await screenshot(agent, 'console-aer-coach');

    // The first Send only confirms the warnings; nothing is sent.
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await agent.getByRole('button', { name: 'Send anyway' }).waitFor(WAIT);
    expect(await agent.getByRole('alert').filter({ hasText: 'Check the warnings' }).count()).toBe(1);
    await server.app.service.idle();
    const [conversation] = await server.store.listConversations({ status: ['assigned'] });
    const stored = await server.store.listMessages(conversation!.id);
    expect(stored.some((m) => m.from === 'agent')).toBe(false);
    expect(await reply.inputValue()).toBe(BLAME);
  });

  it('sends a good reply, which the shopper sees with the agent name', { timeout: 60_000 }, async () => {
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.fill(GOOD_REPLY);
    expect(await agent.locator('.composer .coach li').count()).toBe(0);
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await agent.getByRole('log').locator('.msg.agent').filter({ hasText: 'prepaid return label' }).waitFor(WAIT);
    expect(await reply.inputValue()).toBe('');

    const fromAgent = shopper.getByRole('log').locator('.msg.agent');
    await fromAgent.filter({ hasText: 'prepaid return label' }).waitFor(WAIT);
    expect(await fromAgent.locator('.text').allTextContents()).toEqual([GOOD_REPLY]);
    expect(await fromAgent.locator('.author').textContent()).toBe(AGENT.name);
    expect(await texts(shopper)).not.toContain(BLAME);
    await screenshot(shopper, 'console-handoff-shopper');
    await screenshot(agent, 'console-handoff-agent');
    expect(pageErrors).toEqual([]);
  });
});

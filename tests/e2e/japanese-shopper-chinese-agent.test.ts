// E2E (issue 14): a Japanese shopper (Japanese browser, Tokyo time) asks for a person in the
// widget; a Chinese-speaking agent signs in to the console in Simplified Chinese, sees the case
// as Japanese in the queue, claims it and answers; each side reads its own language. Screenshots
// go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DICTIONARIES } from '../../server/console/i18n.js';
import { SYSTEM_TEXTS } from '../../server/i18n/system-texts.js';
import { WIDGET_STRINGS } from '../../server/i18n/widget-strings.js';
import { launchBrowser, requireBrowser, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const available = requireBrowser();
const WAIT = { timeout: 20_000 };
const ZH = DICTIONARIES.zh;
const JA = WIDGET_STRINGS.ja;
const AGENT = { name: '王芳', email: 'wang.fang@shop.example', password: 'correct-horse-battery-zh' };
const ASK = '人と話したいです';
const ANSWER = 'お待たせして申し訳ございません。ご注文1002は現在出荷準備中です。本日中に発送状況を確認し、こちらでご連絡いたします。';

let server: TestServer;
let browser: Browser;
let shopper: Page;
let agent: Page;
const pageErrors: string[] = [];

async function newPage(locale: string, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, timezoneId });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  return page;
}

const bubbles = (page: Page) => page.getByRole('log').locator('.msg .text').allTextContents();

beforeAll(async () => {
  if (!available) return;
  server = await startTestServer();
  const created = await server.app.auth.createAgent({ ...AGENT, role: 'agent' });
  await server.app.auth.updateAgent(created.id, { languages: ['zh', 'ja'] });
  browser = await launchBrowser();
  shopper = await newPage('ja-JP', 'Asia/Tokyo');
  agent = await newPage('zh-CN', 'Asia/Shanghai');
  // The console remembers its language; this agent works in Chinese.
  await agent.addInitScript(() => localStorage.setItem('relaydesk:console:lang', 'zh'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!available)('a Japanese shopper and a Chinese-speaking agent', () => {
  it('the shopper gets a Japanese widget and a Japanese handoff', { timeout: 60_000 }, async () => {
    await shopper.goto(server.url + '/');
    await shopper.getByRole('button', { name: JA.openChat }).click();
    const input = shopper.getByRole('textbox', { name: JA.message });
    await input.fill(ASK);
    await shopper.getByRole('button', { name: JA.send, exact: true }).click();
    await server.app.service.idle();
    // The bot's handoff text is Japanese (on duty or not), and names no English.
    const botText = shopper.getByRole('log').locator('.msg.bot .text').first();
    await botText.waitFor(WAIT);
    expect(await botText.textContent()).toMatch(/担当/);
    expect(await botText.textContent()).not.toMatch(/\b(the|queue|minutes|team)\b/i);
    const [conversation] = await server.store.listConversations({ status: ['queued'] });
    expect(conversation?.language).toBe('ja');
    await screenshot(shopper, 'ja-shopper-queued');
  });

  it('the agent signs in to a Chinese console and sees the case as Japanese, with Chinese reasons', { timeout: 60_000 }, async () => {
    await agent.goto(server.url + '/console');
    await agent.getByLabel(ZH.email).fill(AGENT.email);
    await agent.getByLabel(ZH.password).fill(AGENT.password);
    await agent.getByRole('button', { name: ZH.signIn }).click();
    await agent.getByRole('heading', { name: ZH.queueTitle }).waitFor(WAIT);
    const card = agent.locator('.queue-list > li.card').first();
    await card.waitFor(WAIT);
    expect(await card.locator('.lang').textContent()).toBe(ZH.lang_ja);
    expect(await card.getByRole('list', { name: ZH.reasons }).locator('li').allTextContents()).toContain(ZH.reasonAskedHuman);
    // The filter offers the agent's own languages.
    expect(await agent.getByLabel(ZH.languageFilter).locator('option').first().textContent()).toContain(ZH.lang_zh);
    await screenshot(agent, 'zh-agent-queue');
  });

  it('the agent claims and answers; the shopper reads the join notice and the answer in Japanese', { timeout: 60_000 }, async () => {
    await agent.locator('.queue-list > li.card').first().getByRole('button', { name: ZH.claim }).click();
    const reply = agent.getByRole('textbox', { name: ZH.reply });
    await reply.waitFor(WAIT);
    expect(await bubbles(agent)).toContain(ASK);
    // The assistant is named in Chinese in the console; the summary speaks Chinese.
    expect(await agent.getByRole('log').locator('.msg.bot strong').first().textContent()).toBe(ZH.assistantName);
    // A canned reply (menu in Chinese) is inserted in the shopper's language.
    await agent.locator('select#canned').selectOption('0');
    await expect.poll(() => reply.inputValue(), WAIT).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
    await screenshot(agent, 'zh-agent-canned-japanese');
    const joined = SYSTEM_TEXTS.ja.joined.replace('{name}', AGENT.name);
    await shopper.getByRole('log').locator('.msg.system').filter({ hasText: joined }).waitFor(WAIT);

    await reply.fill(ANSWER);
    await agent.getByRole('button', { name: ZH.send, exact: true }).click();
    await shopper.getByRole('log').locator('.msg.agent').filter({ hasText: '出荷準備中' }).waitFor(WAIT);
    expect(await shopper.getByRole('log').locator('.msg.agent .author').first().textContent()).toBe(AGENT.name);

    // No English UI text left on either side.
    const consoleText = (await agent.locator('body').innerText()).replace(/RelayDesk|wang\.fang@shop\.example/g, '');
    expect(consoleText).not.toMatch(/\b(Queue|Claim|Reply|Send|Summary|Reasons|Assistant|Bot|Critical|High|Normal|Low|agent|ops)\b/);
    // The suggested opening line is in the shopper's language, ready to send.
    expect(await agent.getByRole('region', { name: ZH.summary }).innerText()).not.toMatch(/I've read your whole conversation/);
    const widgetText = await shopper.evaluate(() => document.querySelector('relaydesk-widget')?.shadowRoot?.querySelector('.root')?.textContent ?? '');
    expect(widgetText).not.toMatch(/\b(Send|Assistant|Agent|Message|Chat with us)\b/);
    await screenshot(shopper, 'ja-shopper-answered');
    await screenshot(agent, 'zh-agent-conversation');
    expect(pageErrors).toEqual([]);
  });
});

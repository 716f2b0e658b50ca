// The bot answers in the conversation's language over a real server (SPEC §9): the shopper's
// text first, then what the conversation already speaks, then the widget locale.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeClients, connectCustomer, fromBot, nextMessage, type CustomerClient } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => closeClients());
afterAll(async () => {
  await server.close();
});

async function say(socket: CustomerClient, text: string) {
  const reply = nextMessage(socket, fromBot);
  await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  return (await reply).text;
}

describe('reply language', () => {
  it('answers German text in German although the browser is English', async () => {
    const { socket, session } = await connectCustomer(server.url, { locale: 'en-US' });
    const reply = await say(socket, 'Hallo, wo ist meine Bestellung?');
    expect(reply).toContain('Bestellnummer');
    await server.app.service.idle();
    expect((await server.store.getConversation(session.conversationId))?.language).toBe('de');
  });

  it('keeps Japanese for a bare order number, and uses the widget locale when the text shows nothing', async () => {
    const { socket, session } = await connectCustomer(server.url, { locale: 'en' });
    expect(await say(socket, '注文した荷物はどこですか？')).toMatch(/ご注文番号/);
    expect(await say(socket, '1001')).toMatch(/^ご注文1001(は|のお届け)/);
    await server.app.service.idle();
    expect((await server.store.getConversation(session.conversationId))?.language).toBe('ja');
    const { socket: brazil, session: brazilSession } = await connectCustomer(server.url, { locale: 'pt-BR' });
    expect(await say(brazil, '1002')).toMatch(/^O seu pedido 1002 está sendo separado/);
    await server.app.service.idle();
    expect((await server.store.getConversation(brazilSession.conversationId))?.language).toBe('pt');
  });

  it('accepts the shopper time zone in the handshake and ignores one it cannot read', async () => {
    const { session } = await connectCustomer(server.url, { locale: 'ja', timeZone: 'Asia/Tokyo' });
    expect((await server.store.getConversation(session.conversationId))?.botState.timeZone).toBe('Asia/Tokyo');
    const { session: odd } = await connectCustomer(server.url, { timeZone: '<script>' });
    expect((await server.store.getConversation(odd.conversationId))?.botState.timeZone).toBeUndefined();
  });
});

describe('GET /widget-strings/:lang.json', () => {
  it('serves one language of widget texts to any origin, and 404 for an unserved one', async () => {
    const response = await fetch(`${server.url}/widget-strings/ja.json`, { headers: { origin: 'https://shop.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toMatchObject({ openChat: 'チャットを開く', send: '送信' });
    expect((await fetch(`${server.url}/widget-strings/it.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/widget-strings/..%2Fpackage.json`)).status).toBe(404);
  });
});

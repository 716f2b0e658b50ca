// Replies that read the situation over a real server with an injected clock: a late order, a pushed-back refund answer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../server/protocol.js';
import { record } from '../support/agent-client.js';
import { closeClients, connectCustomer, fromBot, type CustomerClient } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date('2026-11-29T10:00:00Z') });
});
afterEach(() => closeClients());
afterAll(async () => {
  await server.close();
});

async function botReplyTo(socket: CustomerClient, text: string): Promise<ChatMessage[]> {
  const seen = record<ChatMessage>(socket, 'message');
  const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(ack.error.code);
  await server.app.service.idle();
  // Replies commit after the ack (group commit): one more round trip brings what was emitted before it.
  await socket.emitWithAck('typing', { typing: false });
  return seen.filter(fromBot);
}

describe('situation-aware replies', () => {
  it('answers order 1001, due Nov 21, as late on Nov 29 with an apology and what happens next', async () => {
    const { socket } = await connectCustomer(server.url);
    const [reply] = await botReplyTo(socket, 'where is my order 1001');
    expect(reply!.text).toMatch(/is late/);
    expect(reply!.text).toMatch(/sorry/i);
    expect(reply!.text).not.toMatch(/on its way|looking forward/);
    expect(reply!.text).toMatch(/reshipment|refund/);
  });

  it('does not send the same refund paragraph twice to a shopper who pushes back', async () => {
    const { socket } = await connectCustomer(server.url);
    const first = await botReplyTo(socket, 'I want a refund');
    const second = await botReplyTo(socket, "I don't have the order number");
    const third = await botReplyTo(socket, 'I just want my money back');
    const texts = [...first, ...second, ...third].map((message) => message.text);
    expect(texts).toHaveLength(3);
    expect(texts[2]).not.toBe(texts[1]);
    expect(texts[1]).not.toBe(texts[0]);
  });
});

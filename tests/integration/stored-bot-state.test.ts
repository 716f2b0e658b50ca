// A conversation whose stored bot state is malformed (a hand-edited row, an older version) still
// gets its answer over a real server: the store reads the initial state, the turn logs why once,
// and the next write heals the row.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeClients, connectCustomer, fromBot, nextMessage } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => closeClients());
afterAll(async () => {
  await server.close();
});

describe('a malformed stored bot state', () => {
  it('does not stop the bot from answering, is logged with the conversation id, and is rewritten whole', async () => {
    const { socket, session } = await connectCustomer(server.url, { locale: 'en' });
    // What an older version or a hand edit might have left: wrong types the schema rejects.
    await server.store.updateConversation(session.conversationId, { botState: { failures: 'many', lookups: 'none' } as never });
    expect((await server.store.getConversation(session.conversationId))?.botStateFault).toMatch(/failures/);

    const reply = nextMessage(socket, fromBot);
    await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text: 'Where is my order 1001?' });
    expect((await reply).text).toContain('1001');
    await server.app.service.idle();

    const warning = server.logs.find((line) => String(line.msg).includes('stored bot state unreadable'));
    expect(warning).toMatchObject({ level: 40, conversationId: session.conversationId });
    const healed = await server.store.getConversation(session.conversationId);
    expect(healed?.botStateFault).toBeUndefined();
    expect(healed?.botState.lookups.map((lookup) => lookup.orderId)).toContain('1001');
    expect(server.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});

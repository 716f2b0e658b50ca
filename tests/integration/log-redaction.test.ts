// The server's real log lines never carry a shopper's token, email or card number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeClients, connectCustomer, fromBot, nextMessage } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { LOG_LEVEL: 'debug' } });
});
afterAll(async () => {
  closeClients();
  await server.close();
});

describe('log redaction', () => {
  it('logs conversation ids but never tokens, emails, card numbers, IBANs or phone numbers', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const reply = nextMessage(socket, fromBot);
    await socket.emitWithAck('message', { clientId: 'r1', text: 'I was charged twice on card 4242 4242 4242 4242, mail me at ana.lima@example.com' });
    await reply;
    const second = nextMessage(socket, fromBot);
    await socket.emitWithAck('message', { clientId: 'r2', text: 'refund to IBAN DE89 3704 0044 0532 0130 00 or call me on +49 170 1234567' });
    await second;
    await reply;
    await server.app.service.idle();
    const all = server.rawLogs.join('\n');
    expect(server.rawLogs.length).toBeGreaterThan(0);
    expect(all).not.toContain(session.token);
    expect(all).not.toContain('ana.lima@example.com');
    expect(all).not.toMatch(/4242[ -]?4242[ -]?4242[ -]?4242/);
    expect(all).not.toContain('DE89 3704');
    expect(all).not.toContain('1234567');
    // The debug line of the message is there, masked, not dropped.
    expect(all).toMatch(/refund to IBAN \[iban\] or call me on \[phone\]/);
  });
});

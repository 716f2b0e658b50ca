// Property test over the real server: arbitrary Unicode (emoji, combining and RTL marks,
// zero-width characters, every Object.prototype name, lone surrogates, NUL) sent through the
// /customer socket handlers and POST /api/triage never crashes it, never answers 5xx or
// `internal`, and text that cannot be stored as it is gets `invalid_payload`.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isStorableText } from '../../server/protocol.js';
import { api } from '../support/rest-client.js';
import { closeClients, connectCustomer, connectUntypedCustomer, fromBot, nextMessage } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let token: string;

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const MARKS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200f', '\u202e', '\u0301', '🔥', '👩‍👧', '\ud800', '\udfff', '\u0000'];

/** Text made of prototype names, marks, real words and arbitrary code units, joined by spaces or nothing. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PROTOTYPE_NAMES),
      fc.constantFrom(...MARKS),
      fc.constantFrom('fire', 'refund', 'order 1001', 'Constructor', 'toString', '__proto__'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .chain((parts) => fc.constantFrom(' ', '', '\u200b').map((glue) => parts.join(glue)));

beforeAll(async () => {
  server = await startTestServer();
  await server.app.auth.createAgent({ email: 'prop@shop.example', name: 'Prop', password: 'a-long-test-password', role: 'agent' });
  token = (await server.app.auth.login('prop@shop.example', 'a-long-test-password')).token;
});
afterEach(() => closeClients());
afterAll(async () => {
  await server.close();
});

describe('hostile text', () => {
  it('names every Object.prototype property in the generator (the table is not empty)', () => {
    expect(PROTOTYPE_NAMES).toContain('constructor');
    expect(PROTOTYPE_NAMES.length).toBeGreaterThan(5);
  });

  it('POST /api/triage answers 2xx or 4xx for any text, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const { status } = await api(server, token, 'POST', '/api/triage', { text });
        expect(status, JSON.stringify(text)).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    for (const name of PROTOTYPE_NAMES) {
      expect((await api(server, token, 'POST', '/api/triage', { text: `my ${name} toy caught fire` })).status, name).toBe(200);
    }
  });

  it('the /customer message handler acks ok or a client error, never internal; unstorable text is invalid_payload', async () => {
    const { socket } = await connectCustomer(server.url);
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const ack = await socket.timeout(5000).emitWithAck('message', { clientId: crypto.randomUUID(), text });
        if (ack.ok) return;
        expect(ack.error.code, JSON.stringify(text)).not.toBe('internal');
        if (!isStorableText(text)) expect(ack.error.code).toBe('invalid_payload');
      }),
      // Few runs: each message is stored and answered by the bot (a burst limit would refuse more).
      { numRuns: 8 },
    );
    expect(socket.connected).toBe(true);
  });

  it('refuses a lone surrogate or NUL as invalid_payload and keeps the conversation going', async () => {
    const { socket } = await connectCustomer(server.url);
    for (const text of ['caught fire \ud800', 'hello\u0000world', '\udc00']) {
      const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    const answer = nextMessage(socket, fromBot);
    const ok = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text: 'my Constructor toy caught fire and burned my child' });
    expect(ok.ok).toBe(true);
    // The message that once broke the conversation gets its answer: safety advice and a person.
    expect((await answer).text.toLowerCase()).toMatch(/stop using|emergency/);
  });

  it('any payload shape on message, typing and rate is acked, never internal, and the socket stays', async () => {
    const { socket } = await connectUntypedCustomer(server.url);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('message', 'typing', 'rate'), fc.anything({ withObjectString: true, withNullPrototype: true }), async (event, payload) => {
        const ack: { ok: boolean; error?: { code: string } } = await socket.timeout(5000).emitWithAck(event, payload);
        if (!ack.ok) expect(ack.error?.code).not.toBe('internal');
      }),
      { numRuns: 40 },
    );
    expect(socket.connected).toBe(true);
  });

  it('a handshake with a lone surrogate in page is refused, not stored', async () => {
    await expect(connectCustomer(server.url, { page: '/cart\ud800' })).rejects.toMatchObject({ data: { code: 'invalid_payload' } });
  });
});

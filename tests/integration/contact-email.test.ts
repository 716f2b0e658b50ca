// Contact and reply email (SPEC §11) with a real SMTP server (smtp-server) and a real RelayDesk on port 0.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAgents, connectAgent, signUp, type SignedInAgent } from '../support/agent-client.js';
import { closeClients, connectCustomer, type CustomerClient } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

interface Delivered {
  from: string;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let delivered: Delivered[] = [];
let server: TestServer;
let mia: SignedInAgent;
/** The test moves this clock instead of waiting two real minutes. */
let now = new Date('2026-11-30T10:00:00.000Z');

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        delivered.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({
    clock: () => now,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Shop support <help@shop.example>', PUBLIC_URL: 'https://shop.example', EMAIL_UNSEEN_SECONDS: '120' },
  });
  mia = await signUp(server, 'Mia');
});
afterEach(() => {
  closeClients();
  closeAgents();
  delivered = [];
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function say(socket: CustomerClient, text: string) {
  const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(ack.error.code);
  await server.app.service.idle();
}

/** Quoted-printable soft breaks and =XX escapes undone, so assertions read the text. */
function bodyOf(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('contact', () => {
  it('stores a valid email and refuses an invalid one with invalid_payload', async () => {
    const { socket, session } = await connectCustomer(server.url);
    expect(session.contactKnown).toBe(false);
    expect(await socket.emitWithAck('contact', { email: 'not-an-email' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await socket.emitWithAck('contact', { email: 'lena.fischer@example.de', name: 'Lena' })).toEqual({ ok: true });
    expect(await server.store.getConversation(session.conversationId)).toMatchObject({ contactEmail: 'lena.fischer@example.de', contactName: 'Lena' });
    // A resumed session knows it: the widget does not ask again.
    const again = await connectCustomer(server.url, { token: session.token });
    expect(again.session.contactKnown).toBe(true);
  });
});

describe('reply email', () => {
  it('emails agent replies the shopper did not see within two minutes, once per batch, with a link back', async () => {
    const { socket, session } = await connectCustomer(server.url);
    const id = session.conversationId;
    await socket.emitWithAck('contact', { email: 'lena.fischer@example.de', name: 'Lena' });
    await say(socket, 'I want to speak to a human about my order 1001');
    const { socket: agent } = await connectAgent(server.url, mia.token);
    expect(await agent.emitWithAck('claim', { conversationId: id })).toMatchObject({ ok: true });
    socket.disconnect(); // the shopper closed the tab
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = new Date(now.getTime() + 1000);
    await agent.emitWithAck('reply', { conversationId: id, clientId: 'r1', text: 'Hi Lena, I have asked DHL to trace your parcel.' });
    await agent.emitWithAck('reply', { conversationId: id, clientId: 'r2', text: 'You will hear from us by Tuesday.' });

    now = new Date(now.getTime() + 60_000);
    expect(await server.app.email.sweep()).toBe(0); // one minute: not yet
    now = new Date(now.getTime() + 61_000);
    expect(await server.app.email.sweep()).toBe(1);
    expect(delivered).toHaveLength(1);
    const [mail] = delivered;
    expect(mail!.to).toEqual(['lena.fischer@example.de']);
    expect(mail!.from).toBe('help@shop.example');
    const body = bodyOf(mail!.raw);
    expect(body).toContain('Subject: Mia replied to your chat');
    expect(body).toContain('Hello Lena,');
    expect(body).toContain('I have asked DHL to trace your parcel.');
    expect(body).toContain('You will hear from us by Tuesday.');
    expect(body).toContain('I want to speak to a human about my order 1001');
    expect(body).toContain('https://shop.example/');
    // Once per batch: the same replies are never emailed again.
    now = new Date(now.getTime() + 600_000);
    expect(await server.app.email.sweep()).toBe(0);
    expect(delivered).toHaveLength(1);
  });

  it('sends nothing for replies shown in a connected widget', async () => {
    const { socket, session } = await connectCustomer(server.url);
    await socket.emitWithAck('contact', { email: 'camille.martin@example.fr' });
    await say(socket, 'I want to speak to a human');
    const { socket: agent } = await connectAgent(server.url, mia.token);
    await agent.emitWithAck('claim', { conversationId: session.conversationId });
    await agent.emitWithAck('reply', { conversationId: session.conversationId, clientId: 'r1', text: 'Hello Camille' });
    now = new Date(now.getTime() + 600_000);
    expect(await server.app.email.sweep()).toBe(0);
    expect(delivered).toEqual([]);
  });

  it('tells the console whether email is on', async () => {
    const res = await fetch(`${server.url}/api/email-status`, { headers: { authorization: `Bearer ${mia.token}` } });
    expect(await res.json()).toEqual({ enabled: true });
    const plain = await startTestServer();
    try {
      const ops = await signUp(plain, 'Ola');
      const off = await fetch(`${plain.url}/api/email-status`, { headers: { authorization: `Bearer ${ops.token}` } });
      expect(await off.json()).toEqual({ enabled: false });
    } finally {
      await plain.close();
    }
  });
});

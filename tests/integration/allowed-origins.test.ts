// ALLOWED_ORIGINS: only the listed storefronts may open the widget socket.
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { ALLOWED_ORIGINS: 'https://shop.example' } });
});
afterAll(async () => {
  await server.close();
});

function connectFrom(origin: string): Promise<'session' | string> {
  const socket = io(`${server.url}/customer`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { Origin: origin } });
  return new Promise((resolve) => {
    socket.once('session', () => resolve('session'));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve(error.data?.code ?? error.message));
  }).finally(() => socket.disconnect()) as Promise<'session' | string>;
}

describe('ALLOWED_ORIGINS', () => {
  it('opens a session for a listed storefront', async () => {
    expect(await connectFrom('https://shop.example')).toBe('session');
  });

  it('refuses any other origin with unauthorized', async () => {
    expect(await connectFrom('https://evil.example')).toBe('unauthorized');
  });
});

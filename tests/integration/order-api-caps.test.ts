// The order API's answer is capped (SPEC §10): a body over 256 KB is abandoned, not buffered; a
// 100 KB carrier name is cut to 200 characters; the bot's message stays within 2,000 characters.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capBotText, MAX_ORDER_FIELD_LENGTH } from '../../server/orders/order-caps.js';
import { createHttpOrderProvider } from '../../server/orders/order-provider.js';

let shop: Server;
let baseUrl: string;
const order = (extra: object) => ({ id: '77', status: 'shipped', country: 'DE', items: [], total: { value: 1, currency: 'EUR' }, ...extra });

beforeAll(async () => {
  shop = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/orders/77') return res.end(JSON.stringify(order({ carrier: 'C'.repeat(100_000), trackingUrl: `https://t.example/${'x'.repeat(300)}` })));
    if (req.url === '/orders/88') {
      // 1 MB without a content-length: the reader must stop on its own.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 16 && res.write(chunk)) sent += 1;
        if (sent >= 16) res.end();
        else res.once('drain', () => pump());
      };
      res.write('{"pad":"');
      return pump();
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => shop.close(() => resolve())));

describe('order API caps', () => {
  it('cuts every text field to 200 characters and drops an over-long link', async () => {
    const lookup = await createHttpOrderProvider({ baseUrl, timeoutMs: 2000 }).lookup('77');
    expect(lookup.result).toBe('found');
    if (lookup.result !== 'found') return;
    expect(lookup.order.carrier?.length).toBe(MAX_ORDER_FIELD_LENGTH);
    expect(lookup.order.trackingUrl).toBeUndefined();
  });

  it('abandons a body over 256 KB as unavailable', async () => {
    const lookup = await createHttpOrderProvider({ baseUrl, timeoutMs: 2000 }).lookup('88');
    expect(lookup).toMatchObject({ result: 'unavailable', message: expect.stringContaining('262144 bytes') });
  });

  it('keeps a bot message within 2,000 characters', () => {
    expect(capBotText('x'.repeat(5000))).toHaveLength(2000);
    expect(capBotText('short')).toBe('short');
  });
});

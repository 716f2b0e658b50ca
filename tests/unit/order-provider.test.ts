// Order providers: the demo file (SPEC §4 contract orders 1001–1004) and the HTTP provider against a real local server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoOrderProvider,
  createHttpOrderProvider,
  DEMO_ORDERS_FILE,
  ORDER_STATUSES,
  OrderDataError,
  type Order,
  type OrderLookup,
} from '../../server/orders/order-provider.js';

const demo = createDemoOrderProvider();

function found(lookup: OrderLookup): Order {
  if (lookup.result !== 'found') throw new Error(`expected found, got ${JSON.stringify(lookup)}`);
  return lookup.order;
}

describe('demo provider', () => {
  it('holds the contract orders 1001 to 1004', async () => {
    const shipped = found(await demo.lookup('1001'));
    expect(shipped).toMatchObject({ status: 'shipped', carrier: expect.any(String), trackingNumber: expect.any(String) });
    expect(shipped.trackingUrl).toMatch(/^https:\/\//);
    expect(shipped.estimatedDelivery).toBeDefined();
    expect(found(await demo.lookup('1002')).status).toBe('processing');
    expect(found(await demo.lookup('1003'))).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
    const delayed = found(await demo.lookup('1004'));
    expect(delayed.status).toBe('delayed');
    expect(delayed.lastEvent?.location).toMatch(/customs/i);
  });

  it('covers every status, several countries and currencies', async () => {
    const all: Order[] = [];
    for (let id = 1001; id <= 1016; id++) all.push(found(await demo.lookup(String(id))));
    expect(new Set(all.map((order) => order.status))).toEqual(new Set(ORDER_STATUSES));
    expect(new Set(all.map((order) => order.country))).toEqual(new Set(['US', 'DE', 'FR', 'ES', 'BR', 'JP']));
    expect(new Set(all.map((order) => order.total.currency))).toEqual(new Set(['USD', 'EUR', 'BRL', 'JPY']));
    for (const order of all) {
      const sum = order.items.reduce((total, item) => total + item.quantity * item.price, 0);
      expect(sum, order.id).toBeCloseTo(order.total.value, 2);
    }
  });

  it('matches ids with or without "#", in any case, and "A-1001" as its digits', async () => {
    for (const id of ['#1001', ' 1001 ', 'a-1001', '#A-1001', 'A1001']) expect(found(await demo.lookup(id)).id, id).toBe('1001');
    expect(await demo.lookup('9999')).toEqual({ orderId: '9999', result: 'not_found' });
    expect(await demo.lookup('')).toMatchObject({ result: 'not_found' });
  });

  it('hands out copies, so one caller cannot change what the next one sees', async () => {
    found(await demo.lookup('1001')).status = 'lost';
    expect(found(await demo.lookup('1001')).status).toBe('shipped');
  });

  it('rejects a malformed orders file at start, naming the record and field', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'relaydesk-orders-')), 'orders.json');
    writeFileSync(file, JSON.stringify([{ id: '1', status: 'teleported', items: [], total: { value: 1, currency: 'EUR' }, country: 'DE' }]));
    expect(() => createDemoOrderProvider(file)).toThrowError(OrderDataError);
    expect(() => createDemoOrderProvider(file)).toThrowError(/\[0\]\.status/);
    writeFileSync(file, '{ not json');
    expect(() => createDemoOrderProvider(file)).toThrowError(/JSON/);
    expect(DEMO_ORDERS_FILE).toMatch(/server[\\/]demo[\\/]orders\.json$/);
  });
});

describe('HTTP provider against a real server', () => {
  let server: Server;
  let baseUrl: string;
  const requested: string[] = [];
  let order1001: Order;

  beforeAll(async () => {
    order1001 = found(await demo.lookup('1001'));
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      const id = decodeURIComponent((request.url ?? '').replace(/^\/api\/orders\//, ''));
      const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (id === '1001') return json(200, { ...order1001, internalNote: 'ignored' });
      if (id === 'SLOW') return void setTimeout(() => json(200, order1001), 1_000);
      if (id === 'BROKEN') return json(500, { error: 'boom' });
      if (id === 'NOTJSON') return response.writeHead(200, { 'content-type': 'application/json' }).end('<html>');
      if (id === 'INVALID') return json(200, { id: 'INVALID', status: 'shipped' });
      return json(404, { error: 'not found' });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const provider = (timeoutMs = 300) => createHttpOrderProvider({ baseUrl, timeoutMs });

  it('returns a found order, validated and stripped of unknown fields', async () => {
    const lookup = await provider().lookup('#1001');
    expect(lookup).toEqual({ orderId: '#1001', result: 'found', order: order1001 });
    expect(requested).toContain('/api/orders/1001');
  });

  it('maps 404 to not_found, trying "A-1001" style ids as digits too', async () => {
    expect(await provider().lookup('9999')).toEqual({ orderId: '9999', result: 'not_found' });
    expect(found(await provider().lookup('a-1001')).id).toBe('1001');
    expect(requested).toContain('/api/orders/A-1001');
  });

  it('encodes the id into one path segment', async () => {
    await provider().lookup('x/../admin');
    expect(requested).toContain('/api/orders/X%2F..%2FADMIN');
  });

  it('reports a response slower than the timeout as unavailable, in time', async () => {
    const started = Date.now();
    const lookup = await provider(150).lookup('slow');
    expect(lookup).toMatchObject({ result: 'unavailable', message: expect.stringMatching(/150 ms/) });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('reports a 5xx, a non-JSON body and an invalid order as unavailable', async () => {
    expect(await provider().lookup('broken')).toMatchObject({ result: 'unavailable', message: expect.stringMatching(/500/) });
    expect(await provider().lookup('notjson')).toMatchObject({ result: 'unavailable', message: expect.stringMatching(/not JSON/) });
    expect(await provider().lookup('invalid')).toMatchObject({ result: 'unavailable', message: expect.stringMatching(/invalid order/) });
  });

  it('reports an unreachable API as unavailable instead of throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const lookup = await createHttpOrderProvider({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1_000 }).lookup('1001');
    expect(lookup).toMatchObject({ result: 'unavailable', message: expect.stringMatching(/unreachable/) });
  });
});

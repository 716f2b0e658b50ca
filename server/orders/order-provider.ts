/**
 * Owns the order provider port (SPEC §4) and its two implementations: the demo provider that
 * reads `server/demo/orders.json`, and the HTTP provider that asks a shop's own order API
 * (`ORDER_API_URL`). A lookup never throws: an outage becomes `unavailable`, which the bot
 * answers honestly instead of failing the shopper's message.
 *
 * @example
 *   const orders = config.orderApiUrl
 *     ? createHttpOrderProvider({ baseUrl: config.orderApiUrl, timeoutMs: config.orderApiTimeoutMs })
 *     : createDemoOrderProvider();
 *   await orders.lookup('#1001'); // → { orderId: '#1001', result: 'found', order: { id: '1001', status: 'shipped', ... } }
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { capOrderFields, MAX_ORDER_BODY_BYTES, readCappedText } from './order-caps.js';
import type { OrderLookup } from '../protocol.js';
import { OrderSchema, orderIdCandidates, type Order } from './order-schema.js';

export { ORDER_STATUSES, OrderSchema, normalizeOrderId, orderIdCandidates } from './order-schema.js';
export type { Order, OrderStatus } from './order-schema.js';

/** The result of one lookup: a zod schema in protocol.ts, since the store keeps lookups in the bot state. */
export type { OrderLookup } from '../protocol.js';

export interface OrderProvider {
  /** Never rejects: network and data problems come back as `result: 'unavailable'`. */
  lookup(orderId: string): Promise<OrderLookup>;
}

export const DEMO_ORDERS_FILE = fileURLToPath(new URL('../demo/orders.json', import.meta.url));

/** Thrown at start when an orders file is malformed, so a bad demo file fails loudly, once. */
export class OrderDataError extends Error {
  readonly code = 'invalid_orders';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OrderDataError';
  }
}

/**
 * Reads and validates the demo orders once; lookups are then in-memory.
 *
 * @example createDemoOrderProvider().lookup('a-1004') // → found: the order delayed in customs
 */
export function createDemoOrderProvider(file: string = DEMO_ORDERS_FILE): OrderProvider {
  const byId = new Map<string, Order>();
  for (const order of readOrdersFile(file)) byId.set(order.id.toUpperCase(), order);
  return {
    async lookup(orderId) {
      for (const candidate of orderIdCandidates(orderId)) {
        const order = byId.get(candidate);
        // A copy: a caller that edits its order must not change what the next shopper sees.
        if (order) return { orderId, result: 'found', order: structuredClone(order) };
      }
      return { orderId, result: 'not_found' };
    },
  };
}

function readOrdersFile(file: string): Order[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new OrderDataError(`${file}: cannot read the orders file as JSON`, { cause: error });
  }
  const parsed = z.array(OrderSchema).safeParse(data);
  if (!parsed.success) throw new OrderDataError(`${file}: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

export interface HttpOrderProviderOptions {
  /** The shop API base URL; `GET {baseUrl}/orders/{id}` returns one order as JSON. */
  baseUrl: string;
  /** Budget for the whole call, headers and body, in milliseconds. */
  timeoutMs: number;
  /** For tests and custom agents; defaults to the global `fetch`. */
  fetchImpl?: typeof fetch;
}

/**
 * Asks a shop's order API. 404 is `not_found`; a timeout, a network error, any other non-2xx
 * status or a body that does not match `OrderSchema` is `unavailable` with a message for logs.
 *
 * @example createHttpOrderProvider({ baseUrl: 'https://shop.example/api', timeoutMs: 3000 }).lookup('1001')
 */
export function createHttpOrderProvider(options: HttpOrderProviderOptions): OrderProvider {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetchImpl ?? fetch;
  return {
    async lookup(orderId) {
      const candidates = orderIdCandidates(orderId);
      for (const candidate of candidates) {
        const outcome = await fetchOrder(fetchImpl, `${baseUrl}/orders/${encodeURIComponent(candidate)}`, options.timeoutMs);
        if (outcome.result === 'found') return { orderId, result: 'found', order: outcome.order };
        if (outcome.result === 'unavailable') return { orderId, result: 'unavailable', message: outcome.message };
      }
      return { orderId, result: 'not_found' };
    },
  };
}

type FetchOutcome = { result: 'found'; order: Order } | { result: 'not_found' } | { result: 'unavailable'; message: string };

async function fetchOrder(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<FetchOutcome> {
  // One signal covers headers and body: a server that stalls mid-body times out too.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(url, { signal, headers: { accept: 'application/json' } });
    if (response.status === 404) {
      await response.body?.cancel();
      return { result: 'not_found' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { result: 'unavailable', message: `order API answered HTTP ${response.status}` };
    }
    const text = await readCappedText(response, MAX_ORDER_BODY_BYTES);
    if (text === undefined) return { result: 'unavailable', message: `order API answered with a body over ${MAX_ORDER_BODY_BYTES} bytes` };
    const body = parseJson(text);
    if (body === INVALID_JSON) return { result: 'unavailable', message: 'order API answered with a body that is not JSON' };
    const parsed = OrderSchema.safeParse(body);
    if (!parsed.success) return { result: 'unavailable', message: `order API sent an invalid order: ${describeIssue(parsed.error)}` };
    return { result: 'found', order: capOrderFields(parsed.data) };
  } catch (error) {
    if (signal.aborted) return { result: 'unavailable', message: `order API did not answer within ${timeoutMs} ms` };
    return { result: 'unavailable', message: `order API unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** `[3].total.currency: expected …` — the first issue is enough to find the bad record. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid data';
  const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  return `${path.replace(/^\./, '') || '(root)'}: ${issue.message}`;
}

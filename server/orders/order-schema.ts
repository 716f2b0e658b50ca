/**
 * Owns the shape of an order as the bot sees it: the zod schema that both the demo file and a
 * shop's order API are validated with, the inferred types, and how shopper-typed order ids are
 * normalized ("#1001", "a-1001" and "1001" name the same order).
 *
 * @example
 *   const order = OrderSchema.parse(JSON.parse(body)); // throws on a malformed order
 *   orderIdCandidates('#a-1001'); // → ['A-1001', '1001']
 */
import { z } from 'zod';

export const ORDER_STATUSES = [
  'processing',
  'shipped',
  'delivered',
  'delayed',
  'cancelled',
  'refunded',
  'returned',
  'lost',
] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** An ISO 8601 date (`2026-11-21`) or date-time (`2026-11-18T06:45:00Z`); shops send both. */
const IsoDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'expected an ISO 8601 date such as 2026-11-21 or 2026-11-18T06:45:00Z',
  });

const Money = z.object({
  value: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'expected an ISO 4217 currency code such as EUR' }),
});

export const OrderItemSchema = z.object({
  name: z.string().min(1),
  quantity: z.number().int().positive(),
  /** Unit price in the order's currency. */
  price: z.number().nonnegative(),
});

export const OrderEventSchema = z.object({ at: IsoDate, location: z.string(), description: z.string() });

/**
 * Unknown keys are dropped, not rejected: a shop's API may send more than we read, and adding a
 * field there must not make every lookup "unavailable".
 */
export const OrderSchema = z.object({
  id: z.string().min(1).max(64),
  status: OrderStatus,
  carrier: z.string().min(1).optional(),
  trackingNumber: z.string().min(1).optional(),
  trackingUrl: z.url({ protocol: /^https?$/ }).optional(),
  placedAt: IsoDate.optional(),
  shippedAt: IsoDate.optional(),
  estimatedDelivery: IsoDate.optional(),
  deliveredAt: IsoDate.optional(),
  refundedAt: IsoDate.optional(),
  lastEvent: OrderEventSchema.optional(),
  items: z.array(OrderItemSchema),
  total: Money,
  /** The buyer's email at checkout: it unlocks the order's details for a shopper (SPEC §10). */
  email: z.email().max(254).optional(),
  /** ISO 3166-1 alpha-2 country of the shopper, such as `DE`. */
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'expected a two-letter country code such as DE' }),
});
export type Order = z.infer<typeof OrderSchema>;

/** Longest id we pass on; anything longer is not an order number and is never sent to a shop API. */
export const MAX_ORDER_ID_LENGTH = 64;

/** Trims, drops a leading '#' and upper-cases: the form ids are compared in. */
export function normalizeOrderId(raw: string): string {
  return raw.trim().replace(/^#\s*/, '').toUpperCase();
}

/**
 * The ids to try for what a shopper typed, best first: "A-1001" is also tried as "1001",
 * because shoppers copy the prefix from emails while the shop may store the digits only.
 */
export function orderIdCandidates(raw: string): string[] {
  const id = normalizeOrderId(raw);
  if (id === '' || id.length > MAX_ORDER_ID_LENGTH) return [];
  const digits = /^[A-Z]{1,4}-?(\d{3,})$/.exec(id)?.[1];
  return digits && digits !== id ? [id, digits] : [id];
}

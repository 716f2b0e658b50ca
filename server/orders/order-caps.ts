/**
 * Owns the caps on what a shop's order API may make us hold or say: a response body of at most
 * 256 KB (read in chunks and abandoned beyond it, so a 200 MB answer costs 256 KB), every text
 * field at most 200 characters, at most 20 items, and a bot message of at most 2,000 characters.
 *
 * @example const text = await readCappedText(response, MAX_ORDER_BODY_BYTES); // undefined when too large
 */
import { MAX_TEXT_LENGTH } from '../protocol.js';
import type { Order } from './order-schema.js';

export const MAX_ORDER_BODY_BYTES = 256 * 1024;
export const MAX_ORDER_FIELD_LENGTH = 200;
export const MAX_ORDER_ITEMS = 20;

/** The body as text, or undefined once it passes `maxBytes` (the rest is never downloaded). */
export async function readCappedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const cut = (text: string) => (text.length > MAX_ORDER_FIELD_LENGTH ? `${text.slice(0, MAX_ORDER_FIELD_LENGTH - 1)}…` : text);

/** Every text field cut to 200 characters; a URL that long is dropped (a cut link would mislead). */
export function capOrderFields(order: Order): Order {
  const { trackingUrl, ...rest } = order;
  return {
    ...rest,
    ...(trackingUrl && trackingUrl.length <= MAX_ORDER_FIELD_LENGTH ? { trackingUrl } : {}),
    id: cut(order.id),
    ...(order.carrier ? { carrier: cut(order.carrier) } : {}),
    ...(order.trackingNumber ? { trackingNumber: cut(order.trackingNumber) } : {}),
    ...(order.lastEvent ? { lastEvent: { at: order.lastEvent.at, location: cut(order.lastEvent.location), description: cut(order.lastEvent.description) } } : {}),
    items: order.items.slice(0, MAX_ORDER_ITEMS).map((item) => ({ ...item, name: cut(item.name) })),
  };
}

/** A bot message never passes the 2,000-character limit of a chat message (SPEC §5). */
export function capBotText(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH - 1)}…` : text;
}

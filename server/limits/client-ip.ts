/**
 * Owns "who is the client": the `TRUST_PROXY` rule (express's `trust proxy` values: off, `true`,
 * a hop count, or addresses/ranges/names such as `loopback`) compiled once by express itself, and
 * the same X-Forwarded-For walk express does for `req.ip`, applied to socket.io handshakes, so
 * HTTP and sockets agree on the client IP behind a proxy.
 *
 * @example
 *   const clientIp = createClientIp('loopback');
 *   clientIp('127.0.0.1', '203.0.113.9');        // → '203.0.113.9' (the proxy on loopback is trusted)
 *   clientIp('198.51.100.7', '203.0.113.9');     // → '198.51.100.7' (an untrusted peer cannot spoof)
 */
import express from 'express';

/** The parsed `TRUST_PROXY`: false (default: ignore X-Forwarded-For), true, a hop count, or a list. */
export type TrustProxy = boolean | number | readonly string[];

export type ClientIpFn = (remoteAddress: string | undefined, forwardedFor: string | string[] | undefined) => string;

type TrustFn = (address: string, hop: number) => boolean;

/** Express's own compiled trust function for `value` (the same one `req.ip` uses). */
export function compileTrust(value: TrustProxy): TrustFn {
  const app = express();
  app.set('trust proxy', typeof value === 'object' ? [...value] : value);
  return app.get('trust proxy fn') as TrustFn;
}

/**
 * The client address: walk from the socket's peer back through X-Forwarded-For while each hop
 * is trusted; the first untrusted one is the client (what express's `req.ip` returns).
 */
export function createClientIp(value: TrustProxy): ClientIpFn {
  const trust = compileTrust(value);
  return (remoteAddress, forwardedFor) => {
    const peer = remoteAddress ?? 'unknown';
    if (value === false) return peer;
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
    const hops = [peer, ...header.split(',').map((part) => part.trim()).filter(Boolean).reverse()];
    for (let index = 0; index < hops.length - 1; index += 1) {
      if (!trust(hops[index] ?? '', index)) return hops[index] ?? peer;
    }
    return hops.at(-1) ?? peer;
  };
}

/**
 * Owns verified shopper identity (SPEC §10): the shop's backend signs a JWT (HS256, key
 * `IDENTITY_SECRET`) with `sub` (its customer id), `email`, optional `name` and a required `exp`;
 * the widget passes it as handshake `auth.identity`. A bad signature, an expired or malformed
 * token, or any identity while no secret is configured is refused as `unauthorized`.
 *
 * @example
 *   const verify = createIdentityVerifier(config.identitySecret);
 *   const shopper = await verify(jwt); // → { sub: 'cust_42', email: 'lena@example.de', name: 'Lena' }
 */
import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError } from '../errors.js';

export interface ShopperIdentity {
  /** The shop's own customer id. */
  sub: string;
  /** Lower-cased, as orders are compared with it. */
  email: string;
  name?: string;
}

export type IdentityVerifier = (jwt: string) => Promise<ShopperIdentity>;

const Claims = z.object({
  sub: z.string().min(1).max(200),
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100).optional(),
  exp: z.number(),
});

export const IDENTITY_REFUSED = 'The shopper identity was not accepted; sign it again with the current IDENTITY_SECRET';
export const IDENTITY_NOT_CONFIGURED = 'This chat does not accept shopper identities (IDENTITY_SECRET is not set)';
export const IDENTITY_EXPIRED = 'The shopper identity has expired; the shop must sign a fresh one';

export function createIdentityVerifier(secret: string | undefined, clock: () => Date = () => new Date()): IdentityVerifier {
  const key = secret === undefined ? undefined : new TextEncoder().encode(secret);
  return async (jwt) => {
    if (!key) throw new AppError('unauthorized', IDENTITY_NOT_CONFIGURED);
    try {
      // Only HS256: an `alg: none` or RS/HS confusion token is refused by the algorithm list.
      const { payload } = await jwtVerify(jwt, key, { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'], currentDate: clock() });
      const claims = Claims.parse(payload);
      return { sub: claims.sub, email: claims.email.toLowerCase(), ...(claims.name ? { name: claims.name } : {}) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AppError('unauthorized', IDENTITY_EXPIRED);
      throw new AppError('unauthorized', IDENTITY_REFUSED, { cause: error });
    }
  };
}

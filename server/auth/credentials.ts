/**
 * Owns password hashing (scrypt from node:crypto, a random 16-byte salt per password, constant-time
 * comparison, self-describing `scrypt$N$r$p$salt$hash` strings so costs can rise later without
 * breaking old hashes) and the role rules: `ops` may do all that an `agent` may (SPEC §2).
 *
 * @example
 *   const stored = await hashPassword('correct horse battery');
 *   await verifyPassword('correct horse battery', stored); // true
 *   hasRole('ops', 'agent'); // true
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { AgentRole } from '../store/agent-records.js';

export type { AgentRole } from '../store/agent-records.js';

export const ROLES = ['agent', 'ops'] as const satisfies readonly AgentRole[];

/** OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MiB and ~0.2 s; 2^15 keeps login fast on small boxes. */
export const DEFAULT_SCRYPT = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

/** Cost parameters; tests may pass smaller ones to run fast. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // maxmem must cover 128·N·r bytes, or node refuses the larger costs.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * A new salted scrypt hash of `password`.
 *
 * @example await hashPassword('s3cret-pass') // → 'scrypt$32768$8$1$<salt b64>$<hash b64>'
 */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * True when `password` matches `stored`. A malformed stored value is false, never an exception,
 * so a damaged row cannot be told apart from a wrong password by the caller.
 *
 * @example await verifyPassword('wrong', stored) // false
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !key) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const valid = Object.values(cost).every((value) => Number.isInteger(value) && value > 0) && (cost.N & (cost.N - 1)) === 0;
  return valid ? { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') } : undefined;
}

const RANK: Readonly<Record<AgentRole, number>> = { agent: 1, ops: 2 };

/**
 * Whether someone with `role` may do what `required` may.
 *
 * @example hasRole('agent', 'ops') // false: accounts and tuning are for ops only
 */
export function hasRole(role: AgentRole, required: AgentRole): boolean {
  return RANK[role] >= RANK[required];
}

/** A readable random password for the first-start bootstrap: 18 bytes, 24 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

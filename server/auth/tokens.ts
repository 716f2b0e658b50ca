/**
 * Random secrets and their stored form. Tokens are 128 random bits, so a plain SHA-256 is a
 * safe and deterministic stored form (the store looks them up by hash); low-entropy secrets such
 * as passwords are hashed with scrypt instead (see credentials).
 *
 * @example const token = newToken(); await store.createConversation({ tokenHash: hashToken(token), ... });
 */
import { createHash, randomBytes } from 'node:crypto';

/** 128 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** A random id for records: 128 bits as hex. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

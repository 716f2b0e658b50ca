// Unit tests of password hashing and role rules: real scrypt, random salts, tamper and format checks.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, generatePassword, hashPassword, hasRole, ROLES, verifyPassword } from '../../server/auth/credentials.js';

const FAST = { N: 1024, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt$N$r$p$salt$hash with the default cost and verifies the same password', async () => {
    const stored = await hashPassword('correct horse battery');
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', DEFAULT_SCRYPT.N, DEFAULT_SCRYPT.r, DEFAULT_SCRYPT.p]);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
  });

  it('rejects a wrong password, including one differing by case or a trailing space', async () => {
    const stored = await hashPassword('S3cret-pass', FAST);
    for (const wrong of ['s3cret-pass', 'S3cret-pass ', '', 'S3cret-pas']) await expect(verifyPassword(wrong, stored), wrong).resolves.toBe(false);
  });

  it('salts every hash: the same password twice gives two different hashes that both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password', FAST), hashPassword('same-password', FAST)]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same-password', a)).resolves.toBe(true);
    await expect(verifyPassword('same-password', b)).resolves.toBe(true);
  });

  it('verifies with the cost written in the hash, so raising the default keeps old hashes valid', async () => {
    const old = await hashPassword('legacy-pass', { N: 2048, r: 4, p: 1 });
    expect(old.startsWith('scrypt$2048$4$1$')).toBe(true);
    await expect(verifyPassword('legacy-pass', old)).resolves.toBe(true);
  });

  it('treats a malformed or tampered stored value as a mismatch, never an exception', async () => {
    const stored = await hashPassword('tamper-me', FAST);
    const parts = stored.split('$');
    const flipped = Buffer.from(parts[5]!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    const tampered = [...parts.slice(0, 5), flipped.toString('base64')].join('$');
    for (const bad of ['', 'plain-text', 'bcrypt$1$2$3$a$b', stored.replace('scrypt$1024', 'scrypt$1000'), `${stored}$extra`, tampered]) {
      await expect(verifyPassword('tamper-me', bad), bad).resolves.toBe(false);
    }
  });
});

describe('roles', () => {
  it('lets ops do all an agent may, and not the other way round', () => {
    expect(ROLES).toEqual(['agent', 'ops']);
    expect(hasRole('agent', 'agent')).toBe(true);
    expect(hasRole('ops', 'agent')).toBe(true);
    expect(hasRole('ops', 'ops')).toBe(true);
    expect(hasRole('agent', 'ops')).toBe(false);
  });
});

describe('generatePassword', () => {
  it('gives long, URL-safe, different passwords', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});

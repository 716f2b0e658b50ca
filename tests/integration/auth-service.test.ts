// The auth service on a real SQLite file with a hand-driven clock: token expiry, login rate limit,
// duplicate accounts and the ADMIN_EMAIL / generated-password bootstrap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthService, GENERATED_ADMIN_EMAIL } from '../../server/auth/auth-service.js';
import { hashToken } from '../../server/auth/tokens.js';
import { createLogger } from '../../server/logger.js';
import { createSqliteStore } from '../../server/store/sqlite-store.js';
import type { Store } from '../../server/store/store.js';

const FAST = { N: 1024, r: 8, p: 1 };
const logger = createLogger({ level: 'silent' });
let dir: string;
let store: Store;
let now: Date;
const clock = () => now;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relaydesk-auth-'));
  store = await createSqliteStore({ file: join(dir, 'relaydesk.sqlite') });
  now = new Date('2025-03-01T08:00:00.000Z');
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('login and authenticate', () => {
  it('returns a token stored only as a hash, valid until its expiry and not after', async () => {
    const auth = createAuthService({ store, clock, scrypt: FAST, tokenTtlMs: 60_000 });
    const created = await auth.createAgent({ email: 'Mia@Shop.Example', name: 'Mia', password: 'long-enough', role: 'agent' });
    const { token, agent } = await auth.login('  mia@shop.example ', 'long-enough');
    expect(agent).toEqual({ id: created.id, name: 'Mia', role: 'agent', languages: [] });
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 bits
    expect(await store.findSession(token)).toBeUndefined();
    expect(await store.findSession(hashToken(token))).toMatchObject({ agentId: created.id, expiresAt: '2025-03-01T08:01:00.000Z' });
    await expect(auth.authenticate(token)).resolves.toEqual({ id: created.id, name: 'Mia', role: 'agent' });
    now = new Date('2025-03-01T08:01:00.000Z');
    await expect(auth.authenticate(token)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(auth.authenticate('not-a-token')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('says the same thing for an unknown email and a wrong password', async () => {
    const auth = createAuthService({ store, clock, scrypt: FAST });
    await auth.createAgent({ email: 'leo@shop.example', name: 'Leo', password: 'long-enough', role: 'ops' });
    const wrong = await auth.login('leo@shop.example', 'nope').catch((e: Error) => e);
    const unknown = await auth.login('who@shop.example', 'nope').catch((e: Error) => e);
    expect(wrong).toMatchObject({ code: 'unauthorized' });
    expect(unknown).toMatchObject({ code: 'unauthorized', message: (wrong as Error).message });
  });

  it('rate-limits attempts per email and IP, and lets them through again a minute later', async () => {
    const auth = createAuthService({ store, clock, scrypt: FAST });
    await auth.createAgent({ email: 'ana@shop.example', name: 'Ana', password: 'long-enough', role: 'agent' });
    for (let i = 0; i < 5; i++) await expect(auth.login('ana@shop.example', 'guess', '198.51.100.7')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(auth.login('ana@shop.example', 'long-enough', '198.51.100.7')).rejects.toMatchObject({ code: 'rate_limited' });
    // Another IP is not locked out by the attacker's address.
    await expect(auth.login('ana@shop.example', 'long-enough', '203.0.113.1')).resolves.toMatchObject({ agent: { name: 'Ana' } });
    now = new Date(now.getTime() + 60_000);
    await expect(auth.login('ana@shop.example', 'long-enough', '198.51.100.7')).resolves.toMatchObject({ agent: { name: 'Ana' } });
  });

  it('refuses a second account with the same email, whatever its case, and keeps the first', async () => {
    const auth = createAuthService({ store, clock, scrypt: FAST });
    await auth.createAgent({ email: 'sam@shop.example', name: 'Sam', password: 'first-pass', role: 'agent' });
    await expect(auth.createAgent({ email: 'SAM@shop.example', name: 'Other', password: 'second-pass', role: 'ops' })).rejects.toMatchObject({
      code: 'invalid_payload',
      message: expect.stringContaining('already exists'),
    });
    await expect(auth.login('sam@shop.example', 'first-pass')).resolves.toMatchObject({ agent: { name: 'Sam', role: 'agent' } });
  });
});

describe('bootstrapAdmin', () => {
  it('generates an ops account and prints its password once when there is no account and no ADMIN_EMAIL', async () => {
    const printed: string[] = [];
    const auth = createAuthService({ store, clock, scrypt: FAST });
    expect(await auth.bootstrapAdmin(undefined, logger, (line) => printed.push(line))).toBe('generated');
    expect(await auth.bootstrapAdmin(undefined, logger, (line) => printed.push(line))).toBe('unchanged');
    expect(printed).toHaveLength(1);
    const password = /password (\S+)/.exec(printed[0]!)?.[1];
    expect(password).toBeDefined();
    await expect(auth.login(GENERATED_ADMIN_EMAIL, password!)).resolves.toMatchObject({ agent: { role: 'ops' } });
  });

  it('creates or updates the ADMIN_EMAIL account as ops with ADMIN_PASSWORD, printing nothing', async () => {
    const printed: string[] = [];
    const auth = createAuthService({ store, clock, scrypt: FAST });
    const before = await auth.createAgent({ email: 'boss@shop.example', name: 'Boss', password: 'old-password', role: 'agent' });
    await auth.bootstrapAdmin({ email: 'boss@shop.example', password: 'new-password' }, logger, (line) => printed.push(line));
    expect(printed).toEqual([]);
    await expect(auth.login('boss@shop.example', 'old-password')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(auth.login('boss@shop.example', 'new-password')).resolves.toMatchObject({ agent: { id: before.id, name: 'Boss', role: 'ops' } });
    expect(await store.countAgents()).toBe(1);
  });
});

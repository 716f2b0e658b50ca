/**
 * Owns agent accounts and sessions: login (rate-limited per email and IP) that returns an
 * expiring 128-bit bearer token stored only as a hash, `authenticate(token)` for REST and the
 * `/agent` socket, account creation, and the ADMIN_EMAIL/ADMIN_PASSWORD bootstrap at start.
 *
 * @example
 *   const auth = createAuthService({ store, clock: () => new Date() });
 *   const { token, agent } = await auth.login('mia@shop.example', 'secret-pass', '203.0.113.9');
 *   await auth.authenticate(token); // → { id, name, role }, or AppError('unauthorized')
 */
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { createLimiters, type Limiters } from '../limits/limiters.js';
import type { AgentRecord, AgentRole, Store } from '../store/store.js';
import { createRateLimiter, type RateLimit } from '../limits/token-bucket.js';
import { DEFAULT_SCRYPT, generatePassword, hashPassword, verifyPassword, type ScryptCost } from './credentials.js';
import { hashToken, newId, newToken } from './tokens.js';

/** `PATCH /api/agents/:id` (SPEC §10): every field optional. */
export interface AgentPatch {
  name?: string;
  role?: AgentRole;
  languages?: readonly string[];
  disabled?: boolean;
}

export interface AgentSummary {
  id: string;
  name: string;
  role: AgentRole;
  email: string;
  languages: string[];
  disabled: boolean;
}

/** Who is signed in, as routes and socket handlers see it. */
export interface AuthenticatedAgent {
  id: string;
  name: string;
  role: AgentRole;
}

export interface AuthServiceDeps {
  store: Store;
  clock: () => Date;
  /** How long a login token lives at most; default 12 hours (one shift). */
  tokenTtlMs?: number;
  /** A token unused this long stops working (AGENT_IDLE_MINUTES); default 4 hours. */
  idleMs?: number;
  /** Login attempts per email + IP; default a burst of 5, then 5 per minute. */
  loginRate?: RateLimit;
  /** scrypt costs; tests pass small ones. */
  scrypt?: ScryptCost;
  /** Logins per IP and per account, and the bound on concurrent hashing; defaults when omitted. */
  limits?: Pick<Limiters, 'login' | 'hashSlots'>;
}

export const DEFAULT_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_IDLE_MS = 4 * 60 * 60 * 1000;
/** A session's expiry is moved at most once a minute: not a database write per request. */
const TOUCH_EVERY_MS = 60 * 1000;
const DEFAULT_LOGIN_RATE: RateLimit = { burst: 5, refillPerSecond: 5 / 60 };
/** Enough keys for a busy desk; beyond it the oldest limiter is dropped so memory stays bounded. */
const MAX_LIMITERS = 10_000;
/** The account created when no account exists and ADMIN_EMAIL is not set. */
export const GENERATED_ADMIN_EMAIL = 'admin@relaydesk.local';

export const WRONG_CREDENTIALS = 'Wrong email or password';
export const NOT_SIGNED_IN = 'Sign in again: this session is missing, expired or revoked';
export const TOO_MANY_LOGINS = 'Too many sign-in attempts for this account; wait a minute and try again';

export function createAuthService(deps: AuthServiceDeps) {
  const { store, clock } = deps;
  const cost = deps.scrypt ?? DEFAULT_SCRYPT;
  const ttl = deps.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const idle = Math.min(deps.idleMs ?? DEFAULT_IDLE_MS, ttl);
  /** Sliding expiry: `idle` after the last use, never past `ttl` after the login. */
  const expiryFrom = (createdAt: string, now: number) => new Date(Math.min(Date.parse(createdAt) + ttl, now + idle)).toISOString();
  const limiters = new Map<string, ReturnType<typeof createRateLimiter>>();
  const limits = deps.limits ?? createLimiters();
  // Every scrypt goes through the bounded slots: a flood of logins waits (or gets 429), it never takes every CPU.
  const hash = (password: string) => limits.hashSlots.run(() => hashPassword(password, cost));
  const verify = (password: string, stored: string) => limits.hashSlots.run(() => verifyPassword(password, stored));
  // Checked when the email is unknown, so a miss takes as long as a wrong password (no account probing by timing).
  let decoyHash: Promise<string> | undefined;

  function allowAttempt(email: string, ip: string): boolean {
    const key = `${email}\n${ip}`;
    let limiter = limiters.get(key);
    if (!limiter) {
      if (limiters.size >= MAX_LIMITERS) limiters.delete(limiters.keys().next().value as string);
      limiter = createRateLimiter(deps.loginRate ?? DEFAULT_LOGIN_RATE, () => clock().getTime());
      limiters.set(key, limiter);
    }
    return limiter.take();
  }

  /** Signs in; `ip` is part of the rate-limit key so one attacker cannot lock a colleague out everywhere. */
  async function login(email: string, password: string, ip = 'unknown'): Promise<{ token: string; agent: AuthenticatedAgent & { languages: string[] } }> {
    const normalized = email.trim().toLowerCase();
    if (!allowAttempt(normalized, ip)) throw new AppError('rate_limited', TOO_MANY_LOGINS);
    // Per IP stops a spray over many accounts; per account stops one account tried from many IPs.
    await limits.login(ip, normalized);
    const account = await store.findAgentByEmail(normalized);
    const ok = await verify(password, account?.passwordHash ?? (await (decoyHash ??= hashPassword(generatePassword(), cost))));
    if (!account || !ok) throw new AppError('unauthorized', WRONG_CREDENTIALS);
    // The same answer as a wrong password: a disabled account is not confirmed to anyone.
    const flags = await store.getAgentFlags(account.id);
    if (flags.disabledAt) throw new AppError('unauthorized', WRONG_CREDENTIALS);
    const now = clock();
    await store.deleteExpiredSessions(now.toISOString());
    const token = newToken();
    const createdAt = now.toISOString();
    await store.createSession({ tokenHash: hashToken(token), agentId: account.id, createdAt, expiresAt: expiryFrom(createdAt, now.getTime()) });
    // The console filters the queue to the languages the agent answers in (SPEC §9).
    return { token, agent: { ...publicAgent(account), languages: flags.languages ?? [] } };
  }

  async function authenticate(token: unknown): Promise<AuthenticatedAgent> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) throw new AppError('unauthorized', NOT_SIGNED_IN);
    const tokenHash = hashToken(token);
    const session = await store.findSession(tokenHash);
    const now = clock().getTime();
    if (!session || Date.parse(session.expiresAt) <= now) throw new AppError('unauthorized', NOT_SIGNED_IN);
    const account = await store.getAgent(session.agentId);
    if (!account || (await store.getAgentFlags(account.id)).disabledAt) throw new AppError('unauthorized', NOT_SIGNED_IN);
    const next = expiryFrom(session.createdAt, now);
    if (Date.parse(next) - Date.parse(session.expiresAt) >= TOUCH_EVERY_MS) await store.touchSession(tokenHash, next);
    return publicAgent(account);
  }

  async function logout(token: string): Promise<void> {
    await store.deleteSession(hashToken(token));
  }

  /** Creates an account; an email already in use is refused, never overwritten. */
  async function createAgent(input: { email: string; name: string; password: string; role: AgentRole }): Promise<AuthenticatedAgent & { email: string }> {
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hash(input.password);
    const id = newId();
    const inserted = await store.insertAgent({ id, email, name: input.name, role: input.role, passwordHash, now: clock().toISOString() });
    if (!inserted) throw new AppError('invalid_payload', `An account with the email ${email} already exists`, { details: { path: 'email' } });
    return { id, name: input.name, role: input.role, email };
  }

  /**
   * At start: create or update the ADMIN_EMAIL ops account; with none given and no account at all,
   * create one with a random password and hand it to `print` once (it is never logged or stored).
   */
  async function bootstrapAdmin(
    admin: { email: string; password: string } | undefined,
    logger: Pick<Logger, 'info'>,
    print: (line: string) => void,
  ): Promise<'updated' | 'generated' | 'unchanged'> {
    const now = clock().toISOString();
    if (admin) {
      const existing = await store.findAgentByEmail(admin.email);
      const passwordHash = await hashPassword(admin.password, cost);
      await store.upsertAgent({ id: newId(), email: admin.email, name: existing?.name ?? 'Admin', role: 'ops', passwordHash, now });
      logger.info({ created: !existing }, 'ops account from ADMIN_EMAIL is ready');
      return 'updated';
    }
    if ((await store.countAgents()) > 0) return 'unchanged';
    const password = generatePassword();
    const passwordHash = await hashPassword(password, cost);
    await store.upsertAgent({ id: newId(), email: GENERATED_ADMIN_EMAIL, name: 'Admin', role: 'ops', passwordHash, now });
    print(`RelayDesk created the ops account ${GENERATED_ADMIN_EMAIL} with the password ${password} (shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n`);
    logger.info('generated a first ops account; its password was printed once to stdout');
    return 'generated';
  }

  /** Changes an account (ops); disabling revokes every token of it at once. */
  async function updateAgent(id: string, patch: AgentPatch): Promise<AgentSummary> {
    const account = await store.getAgent(id);
    if (!account) throw new AppError('not_found', 'No agent account with this id');
    if (patch.name !== undefined || patch.role !== undefined) await store.updateAgentProfile(id, { name: patch.name, role: patch.role, now: clock().toISOString() });
    const flags: { disabledAt?: string | null; languages?: string[] } = {};
    if (patch.languages !== undefined) flags.languages = [...patch.languages];
    if (patch.disabled !== undefined) flags.disabledAt = patch.disabled ? clock().toISOString() : null;
    if (Object.keys(flags).length > 0) await store.setAgentFlags(id, flags);
    if (patch.disabled === true) await store.deleteSessionsOf(id);
    return summaryOf(id);
  }

  async function summaryOf(id: string): Promise<AgentSummary> {
    const account = await store.getAgent(id);
    if (!account) throw new AppError('not_found', 'No agent account with this id');
    const flags = await store.getAgentFlags(id);
    return { ...publicAgent(account), email: account.email, languages: flags.languages ?? [], disabled: flags.disabledAt !== null };
  }

  return { login, authenticate, logout, createAgent, bootstrapAdmin, updateAgent };
}

export type AuthService = ReturnType<typeof createAuthService>;

function publicAgent(account: AgentRecord): AuthenticatedAgent {
  return { id: account.id, name: account.name, role: account.role };
}

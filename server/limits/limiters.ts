/**
 * Owns every abuse limit of the server (SPEC §10), built in ONE place with rate-limiter-flexible:
 * in memory for one node, or in Redis when a client is given, so several nodes share the counts
 * (the multi-node work passes its Redis client here and nothing else changes).
 *
 * - new conversations per client IP per hour, concurrent sockets per IP,
 * - messages per conversation (all of its sockets together), typing/rate events per conversation,
 * - logins per IP and per account, and a bound on concurrent password hashing (`hashSlots`).
 *
 * Every check throws `AppError('rate_limited')` when over; callers turn that into an ack,
 * a `connect_error` or a 429.
 *
 * @example
 *   const limits = createLimiters(config.limits);            // memory
 *   const limits = createLimiters(config.limits, { redis }); // shared across nodes
 *   await limits.message(conversationId);                    // throws rate_limited when over
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import { createSlots, type Slots } from './slots.js';

/** The limits, each configurable (config-variables.ts documents the defaults). */
export interface LimitSettings {
  conversationsPerIpPerHour: number;
  socketsPerIp: number;
  messagesPerConversationPer10s: number;
  eventsPerConversationPer10s: number;
  loginsPerIpPerHour: number;
  loginsPerAccountPerHour: number;
  /** Password hashes (scrypt) computed at once; more wait, a long queue is refused. */
  hashConcurrency: number;
}

/** Defaults that stop a script yet never a person or a proxy-fronted load test (one IP per widget). */
export const DEFAULT_LIMITS: Readonly<LimitSettings> = Object.freeze({
  conversationsPerIpPerHour: 60,
  socketsPerIp: 20,
  messagesPerConversationPer10s: 20,
  eventsPerConversationPer10s: 60,
  loginsPerIpPerHour: 40,
  loginsPerAccountPerHour: 30,
  hashConcurrency: 2,
});

export interface LimiterOptions {
  /** A connected node-redis v4+ client (`createClient()`); without one, counts live in this process. */
  redis?: unknown;
  /** Key prefix in Redis, so tests and several deployments on one Redis do not share counts. */
  prefix?: string;
}

export const TOO_MANY_CONVERSATIONS = 'Too many new conversations from your network; please wait a while and try again';
export const TOO_MANY_SOCKETS = 'Too many open chats from your network; close some tabs and try again';
export const TOO_FAST = 'You are sending messages very fast; please wait a moment and try again';
export const TOO_MANY_LOGINS = 'Too many sign-in attempts; wait a while and try again';

export interface Limiters {
  /** A new conversation from `ip` (not a resume). */
  newConversation(ip: string): Promise<void>;
  /** One more open socket from `ip`; call the returned function once when it closes. */
  openSocket(ip: string): Promise<() => void>;
  message(conversationId: string): Promise<void>;
  /** `typing` and `rate` events of a conversation. */
  event(conversationId: string): Promise<void>;
  /** One sign-in attempt from `ip` for `account` (the normalized email). */
  login(ip: string, account: string): Promise<void>;
  /** Bounded concurrent password hashing: `run(() => scrypt…)`. */
  hashSlots: Slots;
}

export function createLimiters(settings: LimitSettings = DEFAULT_LIMITS, options: LimiterOptions = {}): Limiters {
  const prefix = options.prefix ?? 'relaydesk:limit';
  const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
    if (!options.redis) return memory;
    return new RateLimiterRedis({
      storeClient: options.redis,
      useRedisPackage: true,
      keyPrefix: `${prefix}:${name}`,
      points,
      // A node killed with open sockets never gives their points back: in Redis the socket count
      // expires after an hour instead of never, so a crash cannot lock an IP out for good.
      duration: duration === 0 ? 3600 : duration,
      // While Redis is away each node counts on its own (SPEC §8: keep serving), never refusing everyone.
      insuranceLimiter: memory,
    });
  };
  const conversations = make('conversations', settings.conversationsPerIpPerHour, 3600);
  // Duration 0: a count of open sockets, not a rate; each close gives its point back.
  const sockets = make('sockets', settings.socketsPerIp, 0);
  // A 10-second window: a script's burst is cut short, while a person (or a load test that waits
  // for each reply) never comes near 20 messages in 10 seconds.
  const messages = make('messages', settings.messagesPerConversationPer10s, 10);
  const events = make('events', settings.eventsPerConversationPer10s, 10);
  const loginsByIp = make('logins-ip', settings.loginsPerIpPerHour, 3600);
  const loginsByAccount = make('logins-account', settings.loginsPerAccountPerHour, 3600);

  return {
    newConversation: (ip) => take(conversations, ip, TOO_MANY_CONVERSATIONS),
    async openSocket(ip) {
      try {
        await take(sockets, ip, TOO_MANY_SOCKETS);
      } catch (error) {
        // A refused consume still counted; this socket never opens, so give the point back.
        await sockets.reward(ip).catch(() => undefined);
        throw error;
      }
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        void sockets.reward(ip).catch(() => undefined);
      };
    },
    message: (conversationId) => take(messages, conversationId, TOO_FAST),
    event: (conversationId) => take(events, conversationId, TOO_FAST),
    async login(ip, account) {
      await take(loginsByIp, ip, TOO_MANY_LOGINS);
      await take(loginsByAccount, account, TOO_MANY_LOGINS);
    },
    hashSlots: createSlots(settings.hashConcurrency, settings.hashConcurrency * 32),
  };
}

async function take(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when over, or with the store's error.
    if (rejection instanceof RateLimiterRes) {
      throw new AppError('rate_limited', message, { details: { retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) } });
    }
    throw rejection;
  }
}

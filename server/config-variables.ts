/**
 * Owns the table of environment variables: each one's name, default, meaning (with its unit),
 * whether its value is secret, and the zod schema that parses it. `config.ts` reads them in
 * this order and derives `CONFIG_DOCS` from this table, so docs and parsing cannot drift apart.
 *
 * @example VARIABLES.port.schema.parse('8080') // → 8080
 */
import { z } from 'zod';
import { passwordProblem } from './auth/password-policy.js';
import {
  LOG_LEVELS,
  businessHoursSchema,
  integerSchema,
  nonEmptySchema,
  originsSchema,
  publicUrlSchema,
  secretSchema,
  trustProxySchema,
  urlSchema,
} from './config-values.js';

export interface Variable<T> {
  name: string;
  default: string | undefined;
  description: string;
  /** Never echo the value in an error: it may hold a password or credentials. */
  secret?: boolean;
  schema: z.ZodType<T, string>;
}

const v = <T>(variable: Variable<T>) => variable;

export const VARIABLES = {
  port: v({
    name: 'PORT', default: '3000',
    description: 'TCP port of the HTTP and socket server; 0 picks a free port.',
    schema: integerSchema(0, 65535, 'an integer from 0 to 65535'),
  }),
  host: v({
    name: 'HOST', default: '0.0.0.0',
    description: 'Network interface to bind; 127.0.0.1 keeps the server local.',
    schema: nonEmptySchema,
  }),
  dataDir: v({
    name: 'DATA_DIR', default: './data',
    description: 'Folder of the embedded SQLite database; created if missing.',
    schema: nonEmptySchema,
  }),
  databaseUrl: v({
    name: 'DATABASE_URL', default: undefined, secret: true,
    description: 'postgres:// or postgresql:// URL; when set, PostgreSQL replaces SQLite (for several nodes).',
    schema: urlSchema(['postgres', 'postgresql'], 'a postgres:// or postgresql:// URL'),
  }),
  databasePoolSize: v({
    name: 'DATABASE_POOL_SIZE', default: '20',
    description: "PostgreSQL connections this node opens at most (1 to 1000); keep nodes × this below the server's max_connections (100 by default).",
    schema: integerSchema(1, 1000, 'an integer from 1 to 1000 (connections)'),
  }),
  redisUrl: v({
    name: 'REDIS_URL', default: undefined, secret: true,
    description: 'redis:// or rediss:// URL; when set, nodes share socket events through the socket.io Redis adapter.',
    schema: urlSchema(['redis', 'rediss'], 'a redis:// or rediss:// URL'),
  }),
  redisKeyPrefix: v({
    name: 'REDIS_KEY_PREFIX', default: 'relaydesk',
    description: 'Prefix of every Redis key and channel this install uses, so several installs (or test runs) can share one Redis.',
    schema: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'expected 1 to 64 letters, digits, _ . : or -'),
  }),
  allowedOrigins: v({
    name: 'ALLOWED_ORIGINS', default: '*',
    description: 'Comma list of storefront origins allowed to open the widget socket; * allows any and is for the demo only.',
    schema: originsSchema,
  }),
  adminEmail: v({
    name: 'ADMIN_EMAIL', default: undefined, secret: true,
    description: 'Email of the ops account created or updated at start; set together with ADMIN_PASSWORD.',
    schema: z.email('expected an email address such as ops@example.com'),
  }),
  adminPassword: v({
    name: 'ADMIN_PASSWORD', default: undefined, secret: true,
    description: 'Password of that ops account: at least 10 characters and not a commonly used password; set together with ADMIN_EMAIL.',
    schema: z.string().superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `the password ${problem}` });
    }),
  }),
  logLevel: v({
    name: 'LOG_LEVEL', default: 'info',
    description: `Lowest pino level written: ${LOG_LEVELS.join(', ')}.`,
    schema: z.enum(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(', ')}`),
  }),
  intentsDir: v({
    name: 'INTENTS_DIR', default: './intents',
    description: 'Folder of the intent, safety and example files; changes are picked up without restart.',
    schema: nonEmptySchema,
  }),
  orderApiUrl: v({
    name: 'ORDER_API_URL', default: undefined, secret: true,
    description: "http(s) base URL of the shop's order API; unset uses the demo orders.",
    schema: urlSchema(['http', 'https'], 'an http:// or https:// URL'),
  }),
  orderApiTimeoutMs: v({
    name: 'ORDER_API_TIMEOUT_MS', default: '3000',
    description: 'Timeout of one order API call, in milliseconds (1 to 60000).',
    schema: integerSchema(1, 60_000, 'an integer from 1 to 60000 (milliseconds)'),
  }),
  businessHours: v({
    name: 'BUSINESS_HOURS', default: 'Mon-Fri 09:00-18:00 Europe/Berlin',
    description: 'When agents are expected to answer: days, local HH:MM-HH:MM and an IANA time zone.',
    schema: businessHoursSchema,
  }),
  followUpDelayHours: v({
    name: 'FOLLOW_UP_DELAY_HOURS', default: '48',
    description: 'Hours after a complaint or safety case is resolved until its follow-up reminder is due (0 to 720).',
    schema: integerSchema(0, 720, 'an integer from 0 to 720 (hours)'),
  }),
  botIdleMinutes: v({
    name: 'BOT_IDLE_MINUTES', default: '30',
    description: 'Minutes without a message after which a conversation the bot alone handled counts as finished (1 to 1440); then it is solved by the bot if the bot helped.',
    schema: integerSchema(1, 1440, 'an integer from 1 to 1440 (minutes)'),
  }),
  smtpUrl: v({
    name: 'SMTP_URL', default: undefined, secret: true,
    description: 'smtp:// or smtps:// URL (optional user:pass) for emailing agent replies a shopper did not see; unset: no email is sent.',
    schema: urlSchema(['smtp', 'smtps'], 'an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587'),
  }),
  mailFrom: v({
    name: 'MAIL_FROM', default: undefined,
    description: 'Sender address of reply emails, e.g. "Shop support <help@shop.example>"; required with SMTP_URL.',
    schema: z.string().trim().min(3, 'expected a sender address such as help@shop.example').refine((raw) => raw.includes('@'), 'expected a sender address such as help@shop.example'),
  }),
  emailUnseenSeconds: v({
    name: 'EMAIL_UNSEEN_SECONDS', default: '120',
    description: 'Seconds an agent reply may stay unseen (no widget connected) before it is emailed to the contact (1 to 86400).',
    schema: integerSchema(1, 86400, 'an integer from 1 to 86400 (seconds)'),
  }),
  publicUrl: v({
    name: 'PUBLIC_URL', default: undefined,
    description: 'Public http(s) base URL of this server, used in links; unset derives it from each request.',
    schema: publicUrlSchema,
  }),
  identitySecret: v({
    name: 'IDENTITY_SECRET', default: undefined, secret: true,
    description: "HS256 key the shop's backend signs shopper identity JWTs with (at least 32 characters); unset refuses every identity.",
    schema: secretSchema,
  }),
  trustProxy: v({
    name: 'TRUST_PROXY', default: 'false',
    description: "express 'trust proxy' value: false, true, a hop count (1) or addresses/names (loopback); decides whether X-Forwarded-For names the client IP, for HTTP and socket handshakes.",
    schema: trustProxySchema,
  }),
  limitConversationsPerIp: v({
    name: 'LIMIT_CONVERSATIONS_PER_IP', default: '60',
    description: 'New shopper conversations per client IP per hour (1 to 1000000).',
    schema: integerSchema(1, 1_000_000, 'an integer from 1 to 1000000'),
  }),
  limitSocketsPerIp: v({
    name: 'LIMIT_SOCKETS_PER_IP', default: '20',
    description: 'Open widget sockets per client IP at once (1 to 1000000).',
    schema: integerSchema(1, 1_000_000, 'an integer from 1 to 1000000'),
  }),
  limitMessagesPerConversation: v({
    name: 'LIMIT_MESSAGES_PER_CONVERSATION', default: '20',
    description: 'Shopper messages per conversation per 10 seconds, all its sockets together (1 to 1000000).',
    schema: integerSchema(1, 1_000_000, 'an integer from 1 to 1000000'),
  }),
  limitEventsPerConversation: v({
    name: 'LIMIT_EVENTS_PER_CONVERSATION', default: '60',
    description: 'typing and rate events per conversation per 10 seconds (1 to 1000000).',
    schema: integerSchema(1, 1_000_000, 'an integer from 1 to 1000000'),
  }),
  limitLoginsPerIp: v({
    name: 'LIMIT_LOGINS_PER_IP', default: '40',
    description: 'Sign-in attempts per client IP per hour, any account (1 to 1000000).',
    schema: integerSchema(1, 1_000_000, 'an integer from 1 to 1000000'),
  }),
  limitLoginsPerAccount: v({
    name: 'LIMIT_LOGINS_PER_ACCOUNT', default: '30',
    description: 'Sign-in attempts per account per hour, from any IP (1 to 1000000).',
    schema: integerSchema(1, 1_000_000, 'an integer from 1 to 1000000'),
  }),
  limitHashConcurrency: v({
    name: 'LIMIT_HASH_CONCURRENCY', default: '2',
    description: 'Password hashes (scrypt) computed at once; more wait in a short queue (1 to 64).',
    schema: integerSchema(1, 64, 'an integer from 1 to 64'),
  }),
  agentIdleMinutes: v({
    name: 'AGENT_IDLE_MINUTES', default: '240',
    description: 'An agent token unused for this many minutes stops working (5 to 10080); a login lasts 12 hours at most.',
    schema: integerSchema(5, 10_080, 'an integer from 5 to 10080 (minutes)'),
  }),
  shopperTokenDays: v({
    name: 'SHOPPER_TOKEN_DAYS', default: '30',
    description: "Days a shopper's resume token works after the conversation's last activity (1 to 3650).",
    schema: integerSchema(1, 3650, 'an integer from 1 to 3650 (days)'),
  }),
  retentionDays: v({
    name: 'RETENTION_DAYS', default: '365',
    description: 'Conversations resolved longer ago than this many days are erased (1 to 36500).',
    schema: integerSchema(1, 36_500, 'an integer from 1 to 36500 (days)'),
  }),
};

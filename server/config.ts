/**
 * Owns the server configuration: every environment variable with its meaning, unit and default
 * (`CONFIG_DOCS`, listed in the README), and `loadConfig(env)`, a pure function that returns a
 * frozen typed `Config` or throws a `ConfigError` whose message is one line naming the variable.
 *
 * | Variable             | Default                            | Meaning                                        |
 * | -------------------- | ---------------------------------- | ---------------------------------------------- |
 * | PORT                 | 3000                               | TCP port (0 = any free port)                   |
 * | HOST                 | 0.0.0.0                            | interface to bind                              |
 * | DATA_DIR             | ./data                             | folder of the embedded SQLite file             |
 * | DATABASE_URL         | (unset: SQLite)                    | postgres:// URL; selects PostgreSQL            |
 * | DATABASE_POOL_SIZE   | 20                                 | PostgreSQL connections per node                |
 * | REDIS_URL            | (unset: one node)                  | redis:// URL; socket.io Redis adapter          |
 * | ALLOWED_ORIGINS      | *                                  | storefront origins for the widget socket       |
 * | ADMIN_EMAIL          | (unset)                            | ops account created or updated at start        |
 * | ADMIN_PASSWORD       | (unset)                            | its password, at least 8 characters            |
 * | LOG_LEVEL            | info                               | pino level                                     |
 * | INTENTS_DIR          | ./intents                          | intent files folder                            |
 * | ORDER_API_URL        | (unset: demo orders)               | shop order API base URL                        |
 * | ORDER_API_TIMEOUT_MS | 3000                               | order API timeout, milliseconds                |
 * | BUSINESS_HOURS       | Mon-Fri 09:00-18:00 Europe/Berlin  | when agents are expected to answer             |
 * | FOLLOW_UP_DELAY_HOURS| 48                                 | complaint follow-up reminder delay, hours      |
 * | BOT_IDLE_MINUTES     | 30                                 | idle time that ends a bot-only conversation    |
 * | PUBLIC_URL           | (unset: from the request)          | public base URL of this server                 |
 * | SMTP_URL             | (unset: no email)                  | smtp:// URL for emailing unseen agent replies  |
 * | MAIL_FROM            | (unset)                            | sender of those emails; required with SMTP_URL |
 * | EMAIL_UNSEEN_SECONDS | 120                                | unseen time before a reply is emailed, seconds |
 * | IDENTITY_SECRET, TRUST_PROXY, LIMIT_*, AGENT_IDLE_MINUTES, SHOPPER_TOKEN_DAYS, RETENTION_DAYS: see config-variables.ts |
 *
 * @example
 *   const config = loadConfig(process.env); // only in main.ts; tests pass plain objects
 */
import type { BusinessHours, LogLevel } from './config-values.js';
import { VARIABLES, type Variable } from './config-variables.js';
import type { TrustProxy } from './limits/client-ip.js';
import type { LimitSettings } from './limits/limiters.js';

export type { BusinessHours, LogLevel } from './config-values.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** PostgreSQL pool size per node (DATABASE_POOL_SIZE); unused on SQLite. */
  readonly databasePoolSize: number;
  readonly redisUrl: string | undefined;
  /** Prefix of this install's Redis keys and channels (several installs or test runs on one Redis). */
  readonly redisKeyPrefix: string;
  /** `'*'` accepts any origin (demo only); otherwise exact origins such as `https://shop.example`. */
  readonly allowedOrigins: '*' | readonly string[];
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  readonly logLevel: LogLevel;
  readonly intentsDir: string;
  readonly orderApiUrl: string | undefined;
  readonly orderApiTimeoutMs: number;
  readonly businessHours: BusinessHours;
  /** After a complaint or safety case is resolved, its follow-up reminder is due this many hours later. */
  readonly followUpDelayHours: number;
  /** A conversation only the bot handled is finished (for containment) after this many idle minutes. */
  readonly botIdleMinutes: number;
  readonly publicUrl: string | undefined;
  /** HS256 key for shopper identity JWTs (SPEC §10); undefined refuses every identity. */
  readonly identitySecret: string | undefined;
  /** express `trust proxy`: whether X-Forwarded-For names the client IP (HTTP and sockets). */
  readonly trustProxy: TrustProxy;
  readonly limits: Readonly<LimitSettings>;
  readonly agentIdleMinutes: number;
  readonly shopperTokenDays: number;
  readonly retentionDays: number;
  /** Reply emails (SPEC §11); undefined without SMTP_URL: nothing is sent and the console says so. */
  readonly email: { readonly smtpUrl: string; readonly from: string; readonly unseenSeconds: number } | undefined;
}

/** A bad environment variable; `message` is one line such as `PORT: expected …, got "abc"`. */
export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`${variable}: ${detail}`.replace(/\s*\n\s*/g, ' '));
    this.name = 'ConfigError';
  }
}

/** One row per variable, for the README configuration table and `--help` output. */
export const CONFIG_DOCS: readonly { name: string; default: string | undefined; description: string }[] = Object.freeze(
  Object.values(VARIABLES).map(({ name, default: fallback, description }) => Object.freeze({ name, default: fallback, description })),
);

function describeValue(raw: string, secret: boolean | undefined): string {
  if (secret) {
    // The scheme helps with "postgres:// expected" and holds no credentials; the rest may.
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0];
    return scheme ? `"${scheme}…" (the rest is hidden)` : `a hidden value of ${raw.length} character${raw.length === 1 ? '' : 's'}`;
  }
  const shown = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
  return JSON.stringify(shown); // escapes newlines: the error stays on one line
}

/** Reads one variable; blank counts as unset so `PORT=` in a .env file falls back to the default. */
function read<T>(env: Record<string, string | undefined>, variable: Variable<T>): T | undefined {
  const given = env[variable.name];
  const raw = given === undefined || given.trim() === '' ? variable.default : given;
  if (raw === undefined) return undefined;
  const result = variable.schema.safeParse(raw);
  if (result.success) return result.data;
  const why = result.error.issues[0]?.message ?? 'invalid value';
  const source = raw === given ? '' : ' (the default)';
  throw new ConfigError(variable.name, `${why}, got ${describeValue(raw, variable.secret)}${source}`);
}

/** Reads a variable that has a default, so its value is always defined. */
function readWithDefault<T>(env: Record<string, string | undefined>, variable: Variable<T>): T {
  const value = read(env, variable);
  if (value === undefined) throw new ConfigError(variable.name, 'has no default; this is a bug in config.ts');
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates the environment into a frozen `Config`. Pure: reads only `env`, so tests pass plain
 * objects. Throws `ConfigError` on the first bad variable, in the documented order.
 *
 * @example
 *   loadConfig({ PORT: '8080' }).port // → 8080
 *   loadConfig({ PORT: 'abc' })       // throws: PORT: expected an integer from 0 to 65535, got "abc"
 */
function readEmail(env: Record<string, string | undefined>): Config['email'] {
  const smtpUrl = read(env, VARIABLES.smtpUrl);
  const from = read(env, VARIABLES.mailFrom);
  const unseenSeconds = readWithDefault(env, VARIABLES.emailUnseenSeconds);
  if (smtpUrl === undefined) return undefined;
  if (from === undefined) throw new ConfigError(VARIABLES.mailFrom.name, 'is required when SMTP_URL is set (the sender of reply emails)');
  return { smtpUrl, from, unseenSeconds };
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const port = readWithDefault(env, VARIABLES.port);
  const host = readWithDefault(env, VARIABLES.host);
  const dataDir = readWithDefault(env, VARIABLES.dataDir);
  const databaseUrl = read(env, VARIABLES.databaseUrl);
  const databasePoolSize = readWithDefault(env, VARIABLES.databasePoolSize);
  const redisUrl = read(env, VARIABLES.redisUrl);
  const redisKeyPrefix = readWithDefault(env, VARIABLES.redisKeyPrefix);
  const allowedOrigins = readWithDefault(env, VARIABLES.allowedOrigins);
  const adminEmail = read(env, VARIABLES.adminEmail);
  const adminPassword = read(env, VARIABLES.adminPassword);
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    const missing = adminEmail === undefined ? VARIABLES.adminEmail.name : VARIABLES.adminPassword.name;
    throw new ConfigError(missing, 'is required when ADMIN_EMAIL or ADMIN_PASSWORD is set (set both or neither)');
  }
  const config: Config = {
    port,
    host,
    dataDir,
    databaseUrl,
    databasePoolSize,
    redisUrl,
    redisKeyPrefix,
    allowedOrigins,
    admin: adminEmail !== undefined && adminPassword !== undefined ? { email: adminEmail, password: adminPassword } : undefined,
    logLevel: readWithDefault(env, VARIABLES.logLevel),
    intentsDir: readWithDefault(env, VARIABLES.intentsDir),
    orderApiUrl: read(env, VARIABLES.orderApiUrl),
    orderApiTimeoutMs: readWithDefault(env, VARIABLES.orderApiTimeoutMs),
    businessHours: readWithDefault(env, VARIABLES.businessHours),
    followUpDelayHours: readWithDefault(env, VARIABLES.followUpDelayHours),
    botIdleMinutes: readWithDefault(env, VARIABLES.botIdleMinutes),
    publicUrl: read(env, VARIABLES.publicUrl),
    identitySecret: read(env, VARIABLES.identitySecret),
    email: readEmail(env),
    trustProxy: readWithDefault(env, VARIABLES.trustProxy),
    limits: {
      conversationsPerIpPerHour: readWithDefault(env, VARIABLES.limitConversationsPerIp),
      socketsPerIp: readWithDefault(env, VARIABLES.limitSocketsPerIp),
      messagesPerConversationPer10s: readWithDefault(env, VARIABLES.limitMessagesPerConversation),
      eventsPerConversationPer10s: readWithDefault(env, VARIABLES.limitEventsPerConversation),
      loginsPerIpPerHour: readWithDefault(env, VARIABLES.limitLoginsPerIp),
      loginsPerAccountPerHour: readWithDefault(env, VARIABLES.limitLoginsPerAccount),
      hashConcurrency: readWithDefault(env, VARIABLES.limitHashConcurrency),
    },
    agentIdleMinutes: readWithDefault(env, VARIABLES.agentIdleMinutes),
    shopperTokenDays: readWithDefault(env, VARIABLES.shopperTokenDays),
    retentionDays: readWithDefault(env, VARIABLES.retentionDays),
  };
  return deepFreeze(config);
}

/**
 * Owns the zod schemas that turn one environment string into one typed config value (ports,
 * URLs, origin lists, business hours). Each failure message says what was expected, so that
 * `config.ts` can print it as one line naming the variable.
 *
 * @example portSchema.parse('8080') // → 8080
 */
import { z } from 'zod';
import { compileTrust, type TrustProxy } from './limits/client-ip.js';

/** Log levels pino knows, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Opening hours of the human team: `days` use `Date#getDay` numbering, 0 = Sunday … 6 = Saturday. */
export interface BusinessHours {
  readonly days: readonly number[];
  /** Local opening time `HH:MM` in `timeZone`. */
  readonly open: string;
  /** Local closing time `HH:MM` in `timeZone`, later than `open`; `24:00` means midnight. */
  readonly close: string;
  /** IANA time zone such as `Europe/Berlin`. */
  readonly timeZone: string;
}

/** `new URL` without throwing (`URL.parse` is missing from early Node 20 releases). */
function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Integer text within `[min, max]`, e.g. `integerSchema(0, 65535, 'an integer from 0 to 65535')`. */
export function integerSchema(min: number, max: number, expected: string) {
  return z
    .string()
    .regex(/^\d+$/, `expected ${expected}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `expected ${expected}`).max(max, `expected ${expected}`));
}

/** A URL whose scheme is one of `schemes` (written without `:`); the text is kept as given. */
export function urlSchema(schemes: readonly string[], expected: string) {
  return z.string().refine((raw) => {
    const url = parseUrl(raw);
    return url !== null && schemes.includes(url.protocol.slice(0, -1)) && url.hostname !== '';
  }, `expected ${expected}`);
}

/** A public base URL without a trailing slash, so `${publicUrl}/widget.js` is always right. */
export const publicUrlSchema = urlSchema(['http', 'https'], 'an http(s) URL such as https://chat.example.com').transform(
  (raw) => raw.replace(/\/+$/, ''),
);

export const nonEmptySchema = z.string().regex(/^\S+$/, 'expected a value without spaces');

/** `*` (any origin: for the demo only) or a comma list of exact origins, normalized by `URL#origin`. */
export const originsSchema = z.string().transform((raw, ctx): '*' | readonly string[] => {
  const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 1 && items[0] === '*') return '*';
  const origins: string[] = [];
  for (const item of items) {
    const url = parseUrl(item);
    // An origin has no path, query or credentials; a browser never sends one that does.
    const isOrigin = url !== null && /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username;
    if (!isOrigin) {
      ctx.addIssue({ code: 'custom', message: 'expected * or a comma list of origins such as https://shop.example.com,https://www.shop.example' });
      return z.NEVER;
    }
    origins.push(url.origin);
  }
  if (origins.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'expected * or at least one origin such as https://shop.example.com' });
    return z.NEVER;
  }
  return origins;
});

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const HOURS_FORMAT = 'expected days, hours and a time zone such as "Mon-Fri 09:00-18:00 Europe/Berlin"';

/** `Mon-Fri` → [1,2,3,4,5]; `Fri-Mon` wraps the weekend → [0,1,5,6]; `Mon,Wed` → [1,3]. */
function parseDays(text: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of text.toLowerCase().split(',')) {
    const names = part.split('-');
    const [from = -1, to = from] = names.map((name) => DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]));
    if (from < 0 || to < 0 || names.length > 2) return undefined;
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false; // RangeError: the runtime does not know this IANA name
  }
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** `Mon-Fri 09:00-18:00 Europe/Berlin` → `{ days: [1..5], open: '09:00', close: '18:00', timeZone }`. */
export const businessHoursSchema = z.string().transform((raw, ctx): BusinessHours => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const match = /^(\S+)\s+(\d\d:\d\d)-(\d\d:\d\d)\s+(\S+)$/.exec(raw.trim());
  if (!match) return fail(HOURS_FORMAT);
  const [, dayText = '', open = '', close = '', timeZone = ''] = match;
  const days = parseDays(dayText);
  if (!days) return fail(`${HOURS_FORMAT}; days are Sun Mon Tue Wed Thu Fri Sat, as ranges (Mon-Fri) or lists (Mon,Wed)`);
  if (!TIME.test(open) || !(TIME.test(close) || close === '24:00')) return fail(`${HOURS_FORMAT}; times are HH:MM, 00:00 to 24:00`);
  if (open >= close) return fail(`${HOURS_FORMAT}; the opening time must be before the closing time`);
  if (!isValidTimeZone(timeZone)) return fail(`unknown time zone ${JSON.stringify(timeZone)}; expected an IANA name such as Europe/Berlin`);
  return { days, open, close, timeZone };
});

const TRUST_PROXY_FORMAT = 'expected true, false, a hop count such as 1, or a comma list of addresses, ranges or loopback/linklocal/uniquelocal';

/** express's `trust proxy` value: `false`/`true`, a hop count, or addresses and names (compiled here to fail at start). */
export const trustProxySchema = z.string().transform((raw, ctx): TrustProxy => {
  const text = raw.trim().toLowerCase();
  if (text === 'false' || text === 'off') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const list = text.split(',').map((item) => item.trim()).filter(Boolean);
  try {
    compileTrust(list);
  } catch {
    ctx.addIssue({ code: 'custom', message: TRUST_PROXY_FORMAT });
    return z.NEVER;
  }
  return list;
});

/** A shared signing secret: long enough that it cannot be guessed offline from a signed JWT. */
export const secretSchema = z.string().min(32, 'expected at least 32 characters (for example: openssl rand -base64 32)');

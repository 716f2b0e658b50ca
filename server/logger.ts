/**
 * Owns logging: the pino factory with redact paths for secrets (tokens, passwords, auth headers,
 * email fields) and a scrubber that masks emails and payment card numbers inside every logged
 * string (`text`, `msg`, error messages and stacks, child bindings), so shopper PII never reaches
 * a log line. Redaction is asserted on the real JSON lines in `tests/unit/logger-redaction.test.ts`.
 *
 * @example
 *   const logger = createLogger({ level: config.logLevel });
 *   logger.child({ conversationId }).info({ text }, 'message stored'); // emails → [email], cards → [card]
 */
import { maskPhonesAndIbans } from './log-masks.js';
import { pino, stdSerializers, type DestinationStream, type Level, type LevelWithSilent, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Field paths whose whole value is replaced by `[redacted]` (fast-redact syntax). */
export const REDACT_PATHS: readonly string[] = [
  'token', '*.token', 'auth.token', '*.auth.token', 'handshake.auth.token',
  'password', '*.password', 'passwordHash', '*.passwordHash', 'tokenHash', '*.tokenHash',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'cookie', 'headers.cookie', '*.headers.cookie', 'headers["set-cookie"]', '*.headers["set-cookie"]',
  'email', '*.email',
];

export const REDACTED = '[redacted]';
export const EMAIL_MASK = '[email]';
export const CARD_MASK = '[card]';

// The lookbehind anchors the local part at its start, which keeps the match linear on long texts.
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@(?:[a-z\d-]+\.)+[a-z]{2,}/gi;
// A run of digits with single spaces or dashes between them; unambiguous, so linear too.
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;

/** The Luhn checksum that every payment card number satisfies (and ~90% of other numbers fail). */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Masks card numbers inside one digit run. A card may sit next to other numbers ("order 1001
 * 4242 4242 4242 4242"), so every span of whole groups holding 13–19 digits is tried.
 */
function maskCardsInRun(run: string): string {
  const groups = run.split(/[ -]/);
  const separators = run.match(/[ -]/g) ?? [];
  const out: string[] = [];
  for (let start = 0; start < groups.length; start += 1) {
    let end = -1;
    let digits = '';
    for (let i = start; i < groups.length && digits.length < 19; i += 1) {
      digits += groups[i];
      if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) end = i; // longest wins
    }
    if (end >= 0) {
      out.push(CARD_MASK, end + 1 < groups.length ? (separators[end] ?? '') : '');
      start = end;
    } else {
      out.push(groups[start] ?? '', separators[start] ?? '');
    }
  }
  return out.join('');
}

/**
 * Masks emails as `[email]`, Luhn-valid card numbers (13–19 digits, optionally grouped by
 * spaces or dashes) as `[card]`, IBANs as `[iban]` and phone numbers as `[phone]` (log-masks.ts).
 * Order ids and amounts stay readable.
 *
 * @example scrubText('me@shop.com paid 4242 4242 4242 4242') // → '[email] paid [card]'
 */
export function scrubText(text: string): string {
  const withoutEmails = text.includes('@') ? text.replace(EMAIL, EMAIL_MASK) : text;
  const withoutCards = withoutEmails.replace(DIGIT_RUN, (run) => (run.length < 13 ? run : maskCardsInRun(run)));
  return maskPhonesAndIbans(withoutCards);
}

const MAX_DEPTH = 8;

/** A scrubbed copy of any loggable value; never mutates what the caller passed in. */
function scrubValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return scrubValue(stdSerializers.err(value), depth, seen);
  if (seen.has(value) || depth >= MAX_DEPTH) return '[omitted]';
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  const copy: unknown = Array.isArray(value)
    ? value.map((item) => scrubValue(item, depth + 1, seen))
    : Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrubValue(inner, depth + 1, seen)]));
  seen.delete(value); // the same object twice in one line is fine; only a cycle is omitted
  return copy;
}

/** Scrubs every string inside a log object; errors become plain serialized objects first. */
export function scrubLogObject<T extends object>(object: T): T {
  return scrubValue(object, 0, new WeakSet()) as T;
}

export interface CreateLoggerOptions {
  level: LevelWithSilent;
  /** Where JSON lines go; stdout when omitted. Tests pass a stream that collects the lines. */
  destination?: DestinationStream;
}

/**
 * Builds the one root logger; `main.ts` calls it, everything else receives it or a child.
 *
 * @example
 *   const lines: string[] = [];
 *   const logger = createLogger({ level: 'info', destination: { write: (line) => lines.push(line) } });
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const root = pino(
    {
      level: options.level,
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      formatters: {
        bindings: (bindings) => scrubLogObject(bindings),
        log: (object) => scrubLogObject(object),
      },
      serializers: {
        // `formatters.log` already turned errors into scrubbed plain objects; keep those as they are.
        err: (error: unknown) => (error instanceof Error ? scrubLogObject(stdSerializers.err(error)) : error),
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as typeof args;
          // pino falls back to err.message as `msg` after this hook; supply it scrubbed instead.
          const first: unknown = scrubbed[0];
          const error = first instanceof Error ? first : (first as { err?: unknown } | null)?.err;
          if (error instanceof Error && typeof scrubbed[1] !== 'string') scrubbed.splice(1, 0, scrubText(error.message));
          method.apply(this, scrubbed);
        },
      },
    },
    options.destination ?? pino.destination(1),
  );
  // pino applies `formatters.bindings` to the root only, so children scrub their bindings here;
  // a child is `Object.create(parent)`, so grandchildren inherit this wrapper.
  const pinoChild = root.child;
  root.child = function scrubbedChild(this: Logger, bindings, childOptions) {
    return pinoChild.call(this, scrubLogObject(bindings), childOptions);
  } as Logger['child'];
  return root;
}

export type { Level, LevelWithSilent };

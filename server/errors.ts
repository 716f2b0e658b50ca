/**
 * Owns the one exception type of the server (`AppError`), the code → HTTP status map for REST,
 * and the conversion of any thrown value into a socket ack or an HTTP error body that never
 * leaks internals (hono's `HTTPException` + default `errorHandler`, socket.io's sanitizing).
 *
 * @example
 *   throw new AppError('already_claimed', ALREADY_CLAIMED_MESSAGE);
 *   ack(toAckError(error, logger)); // { ok: false, error: { code: 'already_claimed', message } }
 */
import type { Logger } from 'pino';
import type { AckError, AckErrorCode, ErrorCode } from './protocol.js';

/**
 * Every code an `AppError` may carry: the socket contract codes (SPEC §5) plus three that only
 * the server side knows: `forbidden` (a REST role check), `invalid_intents` (an intent edit that
 * does not validate; details name file, line and field) and `internal` (a bug or an outage).
 */
export type AppErrorCode = ErrorCode | 'internal' | 'forbidden' | 'invalid_intents';

/** HTTP status per code, for REST handlers. */
export const HTTP_STATUS = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_claimed: 409,
  conversation_closed: 409,
  too_long: 413,
  rate_limited: 429,
  // 422: the request was well-formed JSON, but the intent file it describes does not validate.
  invalid_intents: 422,
  internal: 500,
} as const satisfies Record<AppErrorCode, number>;

/** Said when something failed on our side; safe to show to anyone. */
export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on our side; nothing you sent was lost, please try again in a moment';

export interface AppErrorOptions {
  /** The underlying error; logged, never sent to a client. */
  cause?: unknown;
  /** Data the client may see and act on, such as `{ path: 'text' }` or validation issues. */
  details?: unknown;
}

/**
 * An error a person can act on, tagged with a code that decides the ack code and HTTP status.
 *
 * @example throw new AppError('not_found', 'No conversation with this id', { details: { id } });
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  /** The HTTP status of this error's code. */
  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** True for an `AppError` whose message may reach a client (all but `internal`). */
function isPublic(error: unknown): error is AppError {
  return error instanceof AppError && error.code !== 'internal';
}

/** Logs what the client will not see: the stack and the cause chain. */
function logUnexpected(error: unknown, logger: Pick<Logger, 'error'>): void {
  logger.error({ err: error }, 'unexpected error while handling a request');
}

/**
 * Converts anything thrown into a failure ack. An `AppError` keeps its code and message
 * (`forbidden` becomes `unauthorized`, `invalid_intents` becomes `invalid_payload`); anything else is logged with its stack and acked as
 * `internal` with a generic message, so no internals reach the client.
 *
 * @example
 *   toAckError(new AppError('too_long', 'At most 2000 characters'), logger);
 *   // → { ok: false, error: { code: 'too_long', message: 'At most 2000 characters' } }
 */
export function toAckError(error: unknown, logger: Pick<Logger, 'error'>): AckError {
  if (!isPublic(error)) {
    logUnexpected(error, logger);
    return { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } };
  }
  const code: AckErrorCode = error.code === 'forbidden' ? 'unauthorized' : error.code === 'invalid_intents' ? 'invalid_payload' : error.code;
  const path = pathOf(error.details);
  return { ok: false, error: path === undefined ? { code, message: error.message } : { code, message: error.message, path } };
}

/**
 * Converts anything thrown into an HTTP status and JSON body for REST handlers, with the same
 * rules as `toAckError` (details are included, internals are not).
 *
 * @example
 *   const { status, body } = toHttpError(error, logger); res.status(status).json(body);
 */
export function toHttpError(
  error: unknown,
  logger: Pick<Logger, 'error'>,
): { status: number; body: { error: { code: AppErrorCode; message: string; details?: unknown } } } {
  if (!isPublic(error)) {
    logUnexpected(error, logger);
    return { status: 500, body: { error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } } };
  }
  const body = { code: error.code, message: error.message };
  return { status: error.status, body: { error: error.details === undefined ? body : { ...body, details: error.details } } };
}

/** The issue path of an `invalid_payload` (practice 3), when the details carry one. */
function pathOf(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null || !('path' in details)) return undefined;
  return typeof details.path === 'string' ? details.path : undefined;
}

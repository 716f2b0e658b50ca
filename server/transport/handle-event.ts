/**
 * The one adapter for every client→server socket event: validate with zod, call the handler,
 * ack its result, and turn anything thrown into a coded failure ack. Handlers never try/catch,
 * and a bad or hostile payload can neither crash the server nor reach a handler.
 *
 * @example socket.on('message', handleEvent(CustomerMessageInput, logger, (input) => service.receive(id, input)));
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AckError } from '../protocol.js';
import { AppError, toAckError } from '../errors.js';

type AckCallback = (response: object) => void;

/**
 * Wraps `handler` for `socket.on(event, …)`. The handler's resolved object is acked as
 * `{ ok: true, ...result }`. A missing ack callback is tolerated (the work still happens).
 */
export function handleEvent<S extends z.ZodType, R extends object>(
  schema: S,
  logger: Logger,
  handler: (input: z.infer<S>) => Promise<R> | R,
): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as AckCallback) : () => {};
    const payload = typeof args[0] === 'function' ? undefined : args[0];
    void run(schema, logger, handler, payload).then(ack, (error: unknown) => ack(toAckError(error, logger)));
  };
}

async function run<S extends z.ZodType, R extends object>(
  schema: S,
  logger: Logger,
  handler: (input: z.infer<S>) => Promise<R> | R,
  payload: unknown,
): Promise<({ ok: true } & R) | AckError> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw toValidationError(parsed.error);
  try {
    return { ok: true, ...(await handler(parsed.data)) };
  } catch (error) {
    return toAckError(error, logger);
  }
}

/** A zod failure as an AppError: `too_long` for an over-long text, else `invalid_payload` with the path. */
export function toValidationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || '(payload)';
  if (issue?.code === 'too_big' && issue.origin === 'string') {
    return new AppError('too_long', `${path}: at most ${String(issue.maximum)} characters`, { details: { path } });
  }
  return new AppError('invalid_payload', `${path}: ${issue?.message ?? 'invalid'}`, { details: { path } });
}

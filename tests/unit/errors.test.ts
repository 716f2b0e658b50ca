// Unit tests of AppError, the code → HTTP status map and the conversion of thrown values to
// acks and HTTP bodies, with a real pino logger capturing what gets logged.
import { describe, expect, it } from 'vitest';
import { AppError, HTTP_STATUS, INTERNAL_ERROR_MESSAGE, toAckError, toHttpError } from '../../server/errors.js';
import { createLogger } from '../../server/logger.js';
import { ERROR_CODES } from '../../server/protocol.js';
import { parseLogLine } from '../support/log-line.js';

function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, records: () => lines.map(parseLogLine) };
}

describe('AppError', () => {
  it('carries its code, message, cause and details', () => {
    const cause = new Error('SQLITE_BUSY');
    const error = new AppError('not_found', 'No conversation with this id', { cause, details: { id: 'c1' } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('No conversation with this id');
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ id: 'c1' });
    expect(error.status).toBe(404);
  });
});

describe('HTTP_STATUS', () => {
  it('maps each code to its status', () => {
    expect(HTTP_STATUS).toEqual({
      invalid_payload: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      already_claimed: 409,
      conversation_closed: 409,
      too_long: 413,
      rate_limited: 429,
      invalid_intents: 422,
      internal: 500,
    });
  });

  it('covers every protocol error code', () => {
    for (const code of ERROR_CODES) expect(HTTP_STATUS[code], code).toBeGreaterThanOrEqual(400);
  });
});

describe('toAckError', () => {
  it('keeps the code and message of an AppError and logs nothing', () => {
    const { logger, records } = capturingLogger();
    const ack = toAckError(new AppError('already_claimed', 'Another agent took this conversation'), logger);
    expect(ack).toEqual({ ok: false, error: { code: 'already_claimed', message: 'Another agent took this conversation' } });
    expect(records()).toEqual([]);
  });

  it('passes the issue path of an invalid payload', () => {
    const ack = toAckError(new AppError('invalid_payload', 'Expected a string', { details: { path: 'text' } }), capturingLogger().logger);
    expect(ack).toEqual({ ok: false, error: { code: 'invalid_payload', message: 'Expected a string', path: 'text' } });
  });

  it('acks forbidden as the contract code unauthorized', () => {
    const ack = toAckError(new AppError('forbidden', 'Only ops may edit intents'), capturingLogger().logger);
    expect(ack.error).toEqual({ code: 'unauthorized', message: 'Only ops may edit intents' });
  });

  it('acks invalid_intents (a REST-only code) as the contract code invalid_payload', () => {
    const ack = toAckError(new AppError('invalid_intents', 'refund.yaml:3:5 keywords.en.x: a weight is a number'), capturingLogger().logger);
    expect(ack.error.code).toBe('invalid_payload');
  });

  it('hides an unexpected error behind a generic message and logs its stack', () => {
    const { logger, records } = capturingLogger();
    const ack = toAckError(new TypeError('cannot read properties of undefined (reading "seq") at /srv/app.ts'), logger);
    expect(ack).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
    expect(JSON.stringify(ack)).not.toContain('/srv/app.ts');
    const [record] = records();
    expect(record?.level).toBe(50);
    expect(record?.err?.type).toBe('TypeError');
    expect(record?.err?.stack).toContain('errors.test.ts');
  });

  it('hides the message of an internal AppError and of thrown non-errors', () => {
    const { logger, records } = capturingLogger();
    expect(toAckError(new AppError('internal', 'pool exhausted on db-2'), logger).error.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(toAckError('a string', logger).error.code).toBe('internal');
    expect(records()).toHaveLength(2);
  });
});

describe('toHttpError', () => {
  it('gives the status, code, message and details of an AppError', () => {
    const error = new AppError('rate_limited', 'Too many messages; wait a few seconds', { details: { retryAfterSeconds: 5 } });
    expect(toHttpError(error, capturingLogger().logger)).toEqual({
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Too many messages; wait a few seconds', details: { retryAfterSeconds: 5 } } },
    });
  });

  it('answers 422 with the field details for invalid intents', () => {
    const details = [{ file: 'intents/refund.yaml', line: 9, column: 5, path: 'keywords.en.refund', message: 'a weight is a number' }];
    expect(toHttpError(new AppError('invalid_intents', 'The intent file is invalid', { details }), capturingLogger().logger)).toEqual({
      status: 422,
      body: { error: { code: 'invalid_intents', message: 'The intent file is invalid', details } },
    });
  });

  it('answers 500 with a generic message for anything else', () => {
    const { logger, records } = capturingLogger();
    expect(toHttpError(new Error('ECONNREFUSED 10.0.0.5:5432'), logger)).toEqual({
      status: 500,
      body: { error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } },
    });
    expect(records()[0]?.err?.message).toBe('ECONNREFUSED 10.0.0.5:5432');
  });
});

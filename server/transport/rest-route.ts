/**
 * The small kit every REST router shares: `route` (async handler → JSON), `parseBody` (zod →
 * `invalid_payload` with the issue path), `requireRole` (bearer token → agent, 401/403) and
 * `jsonErrors` (any error → `{error:{code,message,details?}}` through `toHttpError`).
 *
 * @example
 *   router.get('/api/followups', route(async (req) => followUps.list(await requireRole(req, auth, 'agent'))));
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AuthService, AuthenticatedAgent } from '../auth/auth-service.js';
import { hasRole, type AgentRole } from '../auth/credentials.js';
import { AppError, toHttpError } from '../errors.js';
import { toValidationError } from './handle-event.js';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw toValidationError(parsed.error);
  return parsed.data;
}

/** The `Authorization: Bearer …` token of a request; 401 without one. */
export function bearerToken(req: Request): string {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!match?.[1]) throw new AppError('unauthorized', 'Send Authorization: Bearer <token> from POST /api/auth/login');
  return match[1];
}

/** Resolves the bearer token to an agent holding at least `role`; 401 without one, 403 with too little. */
export async function requireRole(req: Request, auth: Pick<AuthService, 'authenticate'>, role: AgentRole): Promise<AuthenticatedAgent> {
  const agent = await auth.authenticate(bearerToken(req));
  if (!hasRole(agent.role, role)) throw new AppError('forbidden', `This needs the ${role} role`);
  return agent;
}

/** Runs an async handler and sends its result as JSON; express 5 would forward a rejection, this keeps it local. */
export function route(handler: (req: Request) => Promise<object>, status = 200): RequestHandler {
  return (req, res, next) => {
    handler(req).then((body) => res.status(status).json(body), next);
  };
}

/**
 * The one JSON error handler (the app's and each router's, so a router behaves the same wherever
 * it is mounted). express.json() reports a bad body as a 400 SyntaxError with a `type`.
 */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const { type } = error as { type?: string };
    const appError =
      type === 'entity.parse.failed'
        ? new AppError('invalid_payload', 'The request body is not valid JSON')
        : type === 'entity.too.large'
          ? new AppError('too_long', 'The request body is too large')
          : error;
    const { status, body } = toHttpError(appError, logger);
    res.status(status).json(body);
  };
}

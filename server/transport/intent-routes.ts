/**
 * The Intents page API (ops tuning, SPEC §5 and §7): `GET /api/intents` (agent or ops), and for
 * ops `PUT /api/intents/:name`, `POST …/preview`, `GET …/history`, `POST …/restore`. An edit is
 * `{yaml}` (the whole file) or `{patch}` (fields to change); anything invalid answers 422
 * `invalid_intents` whose details name file, line, column and field.
 *
 * @example app.use(createIntentRouter({ auth, tuning, logger }));
 */
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { AuthService } from '../auth/auth-service.js';
import { AppError } from '../errors.js';
import { PATCH_KEYS } from '../intents/intent-editor.js';
import { INVALID_EDIT, type IntentChange, type IntentTuning } from '../intents/intent-tuning.js';
import { RestoreRequest, type IntentsResponse, type IntentVersion, type PreviewResponse, type SaveIntentResponse } from '../protocol.js';
import { jsonErrors, parseBody, requireRole, route } from './rest-route.js';

export interface IntentRouterDeps {
  auth: Pick<AuthService, 'authenticate'>;
  tuning: IntentTuning;
  /** The folder label errors use, such as `./intents`. */
  dir: string;
  logger: Logger;
}

/** Our largest intent file is about 14 KB; this leaves room and stays under the 64 KB body limit. */
const MAX_YAML_LENGTH = 60_000;

/** `{yaml}` or `{patch}`, checked by hand so every problem is a 422 with a field path, like the file's own errors. */
function parseChange(body: unknown, file: string): IntentChange {
  const fail = (path: string, message: string): never => {
    throw new AppError('invalid_intents', INVALID_EDIT, { details: [{ file, path, message }] });
  };
  if (!isObject(body)) return fail('', 'send {"yaml": "<the whole file>"} or {"patch": {<fields to change>}}');
  if ('yaml' in body) {
    if (typeof body.yaml !== 'string') return fail('yaml', 'expected the whole file as a string');
    if (body.yaml.length > MAX_YAML_LENGTH) return fail('yaml', `at most ${MAX_YAML_LENGTH} characters: split the terms into fewer, shorter phrases`);
    return { yaml: body.yaml };
  }
  if (!('patch' in body)) return fail('', 'send {"yaml": "<the whole file>"} or {"patch": {<fields to change>}}');
  if (!isObject(body.patch)) return fail('patch', `expected an object with any of ${PATCH_KEYS.join(', ')}`);
  for (const key of Object.keys(body.patch)) {
    if (!(PATCH_KEYS as readonly string[]).includes(key)) fail(`patch.${key}`, `cannot be changed from the console; the fields are ${PATCH_KEYS.join(', ')}`);
  }
  return { patch: body.patch };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createIntentRouter(deps: IntentRouterDeps): Router {
  const { auth, tuning } = deps;
  const router = express.Router();
  const name = (params: Record<string, unknown>) => String(params.name);
  const change = (params: Record<string, unknown>, body: unknown) => parseChange(body, `${deps.dir}/${name(params)}.yaml`);

  router.get('/api/intents', route(async (req): Promise<IntentsResponse> => {
    await requireRole(req, auth, 'agent');
    return tuning.list();
  }));

  router.put('/api/intents/:name', route(async (req): Promise<SaveIntentResponse> => {
    const agent = await requireRole(req, auth, 'ops');
    return tuning.save(name(req.params), change(req.params, req.body), agent);
  }));

  router.post('/api/intents/:name/preview', route(async (req): Promise<PreviewResponse> => {
    await requireRole(req, auth, 'ops');
    return tuning.preview(name(req.params), change(req.params, req.body));
  }));

  router.get('/api/intents/:name/history', route(async (req): Promise<IntentVersion[]> => {
    await requireRole(req, auth, 'ops');
    return tuning.history(name(req.params));
  }));

  router.post('/api/intents/:name/restore', route(async (req): Promise<SaveIntentResponse> => {
    const agent = await requireRole(req, auth, 'ops');
    return tuning.restore(name(req.params), parseBody(RestoreRequest, req.body).versionId, agent);
  }));

  router.use(jsonErrors(deps.logger));
  return router;
}

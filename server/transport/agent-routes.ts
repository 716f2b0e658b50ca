/**
 * The agent REST routes (SPEC §5): `POST /api/auth/login`, `POST /api/agents` (ops only),
 * `POST /api/triage` and `GET /api/conversations/:id` (agent token). Bodies are validated with
 * zod, tokens come from `Authorization: Bearer …`, the role is checked on the server for every
 * route, and every error goes out through `toHttpError`.
 *
 * @example app.use(createAgentRouter({ store, auth, triage: (text) => triage(text, NO_HISTORY, intents.current()), logger, clock }));
 */
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AuthService } from '../auth/auth-service.js';
import { ROLES } from '../auth/credentials.js';
import { passwordProblem } from '../auth/password-policy.js';
import { loadConversationView } from '../conversations/conversation-view.js';
import { LoginRequest, MAX_TEXT_LENGTH, type ConversationView, type EmailStatus, type LoginResponse, type TriageResult } from '../protocol.js';
import type { Store } from '../store/store.js';
import { AppError } from '../errors.js';
import { bearerToken, jsonErrors, parseBody as parse, requireRole, route } from './rest-route.js';

export interface AgentRouterDeps {
  store: Store;
  auth: Pick<AuthService, 'login' | 'authenticate' | 'createAgent' | 'logout' | 'updateAgent'>;
  /** Called after an account is disabled, to close its live console sockets. */
  onAgentDisabled?: (agentId: string) => void;
  /** True when SMTP_URL is set and unseen replies are emailed. */
  emailEnabled?: () => boolean;
  triage: (text: string) => TriageResult;
  logger: Logger;
  clock: () => Date;
}

const NewAgentBody = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  // SPEC §10: at least 10 characters and not a commonly used password (auth/password-policy.ts).
  password: z.string().max(200).superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `the password ${problem}` });
  }),
  role: z.enum(ROLES),
});
const AgentPatchBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)).max(20).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
const TriageBody = z.object({ text: z.string().trim().min(1).max(MAX_TEXT_LENGTH) });

/**
 * The agent API as an express Router, with its own JSON error handler so it behaves the same
 * wherever it is mounted.
 *
 * @example const router = createAgentRouter(deps); createHttpApp({ ...httpDeps, routers: [router] });
 */
export function createAgentRouter(deps: AgentRouterDeps): Router {
  const { auth } = deps;
  const router = express.Router();
  router.use('/api', express.json({ limit: '64kb' }));

  router.post('/api/auth/login', route(async (req): Promise<LoginResponse> => {
    const body = parse(LoginRequest, req.body);
    return auth.login(body.email, body.password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  }));

  router.post('/api/agents', route(async (req) => {
    await requireRole(req, auth, 'ops');
    const agent = await auth.createAgent(parse(NewAgentBody, req.body));
    return { agent };
  }, 201));

  router.post('/api/auth/logout', route(async (req) => {
    await requireRole(req, auth, 'agent');
    await auth.logout(bearerToken(req));
    return { ok: true };
  }));

  router.patch('/api/agents/:id', route(async (req) => {
    const signedIn = await requireRole(req, auth, 'agent');
    const patch = parse(AgentPatchBody, req.body);
    const id = String(req.params.id);
    // Agents say which languages they answer in themselves; everything else is ops' to change.
    const ownLanguages = id === signedIn.id && patch.languages !== undefined && Object.keys(patch).every((field) => field === 'languages');
    const caller = ownLanguages ? signedIn : await requireRole(req, auth, 'ops');
    // An ops account cannot lock itself out or give up the last way back into account settings.
    if (id === caller.id && (patch.disabled === true || patch.role === 'agent')) {
      throw new AppError('invalid_payload', 'You cannot disable your own account or remove your own ops role', { details: { path: patch.disabled ? 'disabled' : 'role' } });
    }
    const agent = await auth.updateAgent(id, patch);
    if (patch.disabled === true) deps.onAgentDisabled?.(id);
    return { agent };
  }));

  router.post('/api/triage', route(async (req): Promise<TriageResult> => {
    await requireRole(req, auth, 'agent');
    return deps.triage(parse(TriageBody, req.body).text);
  }));

  /** Whether agent replies a shopper missed are emailed (SPEC §11); the console says when they are not. */
  router.get('/api/email-status', route(async (req): Promise<EmailStatus> => {
    await requireRole(req, auth, 'agent');
    return { enabled: deps.emailEnabled?.() ?? false };
  }));

  router.get('/api/conversations/:id', route(async (req): Promise<ConversationView> => {
    await requireRole(req, auth, 'agent');
    return loadConversationView(deps.store, String(req.params.id));
  }));

  router.use(jsonErrors(deps.logger));
  return router;
}

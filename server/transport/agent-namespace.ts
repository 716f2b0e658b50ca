/**
 * The `/agent` socket namespace (SPEC §5), a thin adapter: a token handshake, rooms per agent
 * (every tab of one agent shares `agent:<id>`) and per followed conversation (`watch:<id>`), the
 * queue on connect, claim/reply/note/typing/transfer/resolve through `handleEvent` with the role
 * checked on every event, and the connect/disconnect signals of the release policy. The desk and
 * the release policy are built in app.ts; `createAgentPort` is how the desk reaches these rooms.
 *
 * @example
 *   const namespace = agentNamespace(io);
 *   const desk = createAgentDesk({ ..., agents: createAgentPort(namespace) });
 *   mountAgentNamespace(namespace, { auth, desk, queue, release, logger });
 */
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { AuthService, AuthenticatedAgent } from '../auth/auth-service.js';
import { hasRole } from '../auth/credentials.js';
import type { AgentPort, createAgentDesk } from '../conversations/agent-desk.js';
import type { QueuePublisher } from '../conversations/queue-publisher.js';
import type { AgentRelease } from '../handoff/agent-release.js';
import { AppError } from '../errors.js';
import {
  AgentHandshake,
  AgentNoteInput,
  AgentReplyInput,
  AgentTypingInput,
  ConversationRef,
  TransferInput,
  type AgentClientEvents,
  type AgentServerEvents,
} from '../protocol.js';
import { connectError } from './customer-namespace.js';
import { handleEvent } from './handle-event.js';

export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents>;
type SocketData = { agent: AuthenticatedAgent; token: string };
type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, SocketData>;

type AgentDesk = ReturnType<typeof createAgentDesk>;

export interface AgentNamespaceDeps {
  auth: Pick<AuthService, 'authenticate'>;
  desk: AgentDesk;
  queue: QueuePublisher;
  /** Told when an agent's sockets come and go; decides when their conversations go back. */
  release: AgentRelease;
  logger: Logger;
}

/** Every socket of one agent (several tabs) joins this room. */
export const agentRoom = (agentId: string) => `agent:${agentId}`;
/** Sockets following one conversation's messages, notes and changes. */
export const watchRoom = (conversationId: string) => `watch:${conversationId}`;
/** Every agent socket. */
export const AGENTS_ROOM = 'agents';

export const SIGN_IN_FIRST = 'Sign in first: connect with auth.token from POST /api/auth/login';

/** The `/agent` namespace of a socket.io server, typed. */
export const agentNamespace = (io: Server) => io.of('/agent') as AgentNamespace;

/** How the desk reaches agents: the followers of a conversation plus every tab of its holder. */
export function createAgentPort(namespace: AgentNamespace): AgentPort {
  const audience = (conversationId: string, holderId: string | null) =>
    holderId ? [watchRoom(conversationId), agentRoom(holderId)] : [watchRoom(conversationId)];
  return {
    // One emit to several rooms reaches each socket once, however many of the rooms it is in.
    message: (conversationId, holderId, message) => namespace.to(audience(conversationId, holderId)).emit('message', message),
    conversation: (holderId, view) => namespace.to(audience(view.id, holderId)).emit('conversation', view),
    follow: (agentId, conversationId) => namespace.in(agentRoom(agentId)).socketsJoin(watchRoom(conversationId)),
    unfollow: (agentId, conversationId) => namespace.in(agentRoom(agentId)).socketsLeave(watchRoom(conversationId)),
  };
}

/** True when no socket of `agentId` is connected; fetchSockets() asks every node (with the Redis adapter). */
export const agentIsAway = async (namespace: AgentNamespace, agentId: string) =>
  (await namespace.in(agentRoom(agentId)).fetchSockets()).length === 0;

export function mountAgentNamespace(namespace: AgentNamespace, deps: AgentNamespaceDeps) {
  const logger = deps.logger.child({ ns: '/agent' });
  const { desk, release } = deps;
  let closed = false;
  // The wait estimate depends on how many agents are online: waiting shoppers hear when it changes.
  const republish = () => {
    if (!closed) deps.queue.refreshEstimates().catch((error: unknown) => logger.error({ err: error }, 'could not publish the queue'));
  };

  namespace.use((socket, next) => {
    const parsed = AgentHandshake.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(connectError('unauthorized', SIGN_IN_FIRST));
    deps.auth.authenticate(parsed.data.token).then(
      (agent) => {
        Object.assign(socket.data, { agent, token: parsed.data.token });
        next();
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'agent handshake failed');
        next(error instanceof AppError ? connectError('unauthorized', error.message) : connectError('internal', 'Sign-in check failed; try again'));
      },
    );
  });

  namespace.on('connection', (raw) => {
    const socket = raw as AgentSocket;
    const { agent } = socket.data;
    const child = logger.child({ socketId: socket.id, agentId: agent.id });
    release.cancel(agent.id);
    void socket.join([agentRoom(agent.id), AGENTS_ROOM]);
    // A full re-read: with several nodes, other nodes' changes reach this node's view here too.
    deps.queue.publish().then(() => deps.queue.entries()).then(
      (entries) => socket.emit('queue', entries),
      (error: unknown) => child.error({ err: error }, 'could not send the queue'),
    );
    registerEvents(socket, deps.auth, desk, child);
    republish();
    socket.on('disconnect', () => {
      release.schedule(agent.id);
      republish();
    });
  });

  return {
    namespace,
    /** The shopper's typing, to the agents following that conversation (no store read: it is only a hint). */
    notifyShopperTyping(conversationId: string, typing: boolean): void {
      namespace.to(watchRoom(conversationId)).emit('typing', { conversationId, from: 'customer', typing });
    },
    /** Stops queue republishing on connects and disconnects (shutdown). */
    close: () => {
      closed = true;
    },
  };
}

export type AgentNamespaceHandle = ReturnType<typeof mountAgentNamespace>;

/**
 * Every event re-checks the token and the role on the server: a token that expired or was revoked
 * after the handshake stops working at once, not at the next reconnect.
 */
function registerEvents(socket: AgentSocket, auth: Pick<AuthService, 'authenticate'>, desk: AgentDesk, logger: Logger): void {
  const on = <S extends z.ZodType, R extends object>(event: keyof AgentClientEvents, schema: S, run: (agent: AuthenticatedAgent, input: z.infer<S>) => Promise<R>) => {
    socket.on(
      event,
      handleEvent(schema, logger, async (input: z.infer<S>) => {
        const agent = await auth.authenticate(socket.data.token);
        if (!hasRole(agent.role, 'agent')) throw new AppError('forbidden', 'This account may not take conversations');
        return run(agent, input);
      }),
    );
  };
  on('claim', ConversationRef, (agent, input) => desk.claim(agent, input.conversationId));
  on('reply', AgentReplyInput, (agent, input) => desk.reply(agent, input));
  on('note', AgentNoteInput, (agent, input) => desk.note(agent, input));
  on('typing', AgentTypingInput, (agent, input) => desk.typing(agent, input));
  on('transfer', TransferInput, (agent, input) => desk.transfer(agent, input));
  on('resolve', ConversationRef, (agent, input) => desk.resolve(agent, input));
}

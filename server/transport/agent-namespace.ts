/**
 * The `/agent` socket namespace (SPEC §5): a token handshake, rooms per agent (every tab of one
 * agent shares `agent:<id>`) and per followed conversation (`watch:<id>`), the queue on connect,
 * claim/reply/note/typing/transfer/resolve through `handleEvent` with the role checked on every
 * event, and the release of an agent's conversations when they stay away past a grace period.
 *
 * @example
 *   const agents = mountAgentNamespace(io, { store, auth, queue, shopper, logger, clock });
 *   notifier.message = (id, message) => agents.notifyAgentsOfMessage(id, message);
 */
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { AuthService, AuthenticatedAgent } from '../auth/auth-service.js';
import { hasRole } from '../auth/credentials.js';
import { createAgentDesk, type AgentPort, type ShopperPort } from '../conversations/agent-desk.js';
import type { DeskEvents } from '../conversations/desk-events.js';
import type { QueuePublisher } from '../conversations/queue-publisher.js';
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
  type ChatMessage,
} from '../protocol.js';
import type { ConversationRecord, Store } from '../store/store.js';
import { connectError } from './customer-namespace.js';
import { handleEvent } from './handle-event.js';

export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents>;
type SocketData = { agent: AuthenticatedAgent; token: string };
type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, SocketData>;

export interface AgentNamespaceDeps {
  store: Store;
  auth: Pick<AuthService, 'authenticate'>;
  queue: QueuePublisher;
  shopper: ShopperPort;
  logger: Logger;
  clock: () => Date;
  /** How long an agent may stay disconnected before their conversations go back to the queue. */
  releaseGraceMs?: number;
  /** Metrics, reports and follow-ups observe the desk here. */
  events?: DeskEvents;
}

/** Every socket of one agent (several tabs) joins this room. */
export const agentRoom = (agentId: string) => `agent:${agentId}`;
/** Sockets following one conversation's messages, notes and changes. */
export const watchRoom = (conversationId: string) => `watch:${conversationId}`;
/** Every agent socket. */
export const AGENTS_ROOM = 'agents';

export const SIGN_IN_FIRST = 'Sign in first: connect with auth.token from POST /api/auth/login';

export function mountAgentNamespace(io: Server, deps: AgentNamespaceDeps) {
  const namespace = io.of('/agent') as AgentNamespace;
  const logger = deps.logger.child({ ns: '/agent' });
  const audience = (conversationId: string, holderId: string | null) =>
    holderId ? [watchRoom(conversationId), agentRoom(holderId)] : [watchRoom(conversationId)];
  const port: AgentPort = {
    // One emit to several rooms reaches each socket once, however many of the rooms it is in.
    message: (conversationId, holderId, message) => namespace.to(audience(conversationId, holderId)).emit('message', message),
    conversation: (holderId, view) => namespace.to(audience(view.id, holderId)).emit('conversation', view),
    follow: (agentId, conversationId) => namespace.in(agentRoom(agentId)).socketsJoin(watchRoom(conversationId)),
    unfollow: (agentId, conversationId) => namespace.in(agentRoom(agentId)).socketsLeave(watchRoom(conversationId)),
  };
  const desk = createAgentDesk({ store: deps.store, queue: deps.queue, shopper: deps.shopper, agents: port, clock: deps.clock, logger, events: deps.events });
  const releases = createReleaseTimers(namespace, deps.releaseGraceMs ?? 60_000, (agentId) => desk.releaseAgent(agentId), logger);
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
    releases.cancel(agent.id);
    void socket.join([agentRoom(agent.id), AGENTS_ROOM]);
    // A full re-read: with several nodes, other nodes' changes reach this node's view here too.
    deps.queue.publish().then(() => deps.queue.entries()).then(
      (entries) => socket.emit('queue', entries),
      (error: unknown) => child.error({ err: error }, 'could not send the queue'),
    );
    registerEvents(socket, deps.auth, desk, child);
    republish();
    socket.on('disconnect', () => {
      releases.schedule(agent.id);
      republish();
    });
  });

  return {
    namespace,
    /** A stored shopper or bot message, verbatim, to the agents following that conversation. */
    notifyAgentsOfMessage(conversationId: string, message: ChatMessage, known?: ConversationRecord): void {
      desk.notifyAgentsOfMessage(conversationId, message, known).catch((error: unknown) => logger.error({ err: error, conversationId }, 'could not notify agents'));
    },
    /** The shopper's typing, to the agents following that conversation (no store read: it is only a hint). */
    notifyShopperTyping(conversationId: string, typing: boolean): void {
      namespace.to(watchRoom(conversationId)).emit('typing', { conversationId, from: 'customer', typing });
    },
    /** Runs the disconnect release for `agentId` now if none of their sockets is connected (tests, ops). */
    releaseIfGone: (agentId: string) => releases.fire(agentId),
    /** Stops pending release timers (shutdown). */
    close: () => {
      closed = true;
      releases.clear();
    },
  };
}

export type AgentNamespaceHandle = ReturnType<typeof mountAgentNamespace>;

/**
 * Every event re-checks the token and the role on the server: a token that expired or was revoked
 * after the handshake stops working at once, not at the next reconnect.
 */
function registerEvents(socket: AgentSocket, auth: Pick<AuthService, 'authenticate'>, desk: ReturnType<typeof createAgentDesk>, logger: Logger): void {
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

/** One timer per agent; process memory only schedules, the store's conditional update decides. */
function createReleaseTimers(namespace: AgentNamespace, graceMs: number, release: (agentId: string) => Promise<number>, logger: Logger) {
  const timers = new Map<string, NodeJS.Timeout>();
  async function fire(agentId: string): Promise<number> {
    timers.delete(agentId);
    // fetchSockets() asks every node (with the Redis adapter), so a tab on another node counts.
    if ((await namespace.in(agentRoom(agentId)).fetchSockets()).length > 0) return 0;
    return release(agentId);
  }
  return {
    fire,
    schedule(agentId: string) {
      if (timers.has(agentId)) return;
      const timer = setTimeout(() => {
        fire(agentId).catch((error: unknown) => logger.error({ err: error, agentId }, 'could not release conversations'));
      }, graceMs);
      timer.unref();
      timers.set(agentId, timer);
    },
    cancel(agentId: string) {
      clearTimeout(timers.get(agentId));
      timers.delete(agentId);
    },
    clear() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

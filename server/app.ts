/**
 * `createApp(deps)`: builds the whole server (HTTP routes, socket.io namespaces, services) from
 * ready-made parts and never reads the environment. `main.ts` and the tests both call it; tests
 * pass a temporary SQLite store and listen on port 0.
 *
 * @example const app = createApp({ config, logger, store, intents, orders, clock: () => new Date() });
 *          app.httpServer.listen(0);
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type ServerOptions } from 'socket.io';
import type { BuiltAssets } from './assets/built-assets.js';
import { createAuthService, type AuthService } from './auth/auth-service.js';
import type { QueueChanges } from './cluster/queue-sync.js';
import { startTurnSweep } from './cluster/turn-sweep.js';
import type { Config } from './config.js';
import { createAgentDesk } from './conversations/agent-desk.js';
import { createConversationService, type ConversationService } from './conversations/conversation-service.js';
import type { BotTurnDeps } from './conversations/bot-turn.js';
import { createQueuePublisher } from './conversations/queue-publisher.js';
import { createAgentRelease } from './handoff/agent-release.js';
import { isOpen, nextOpening } from './handoff/business-hours.js';
import { attachIdentity } from './identity/identity-sessions.js';
import { createIdentityVerifier } from './identity/verify-identity.js';
import { createClientIp } from './limits/client-ip.js';
import { sweepRetention } from './privacy/shopper-privacy.js';
import { createPrivacyRouter } from './transport/privacy-routes.js';
import { watchWrites } from './store/write-health.js';
import { createLimiters, type Limiters } from './limits/limiters.js';
import { createEmailReplies, type EmailReplies } from './email/email-replies.js';
import { createOps, type LiveIntents, type Ops } from './ops.js';
import type { OrderProvider } from './orders/order-provider.js';
import type { Store } from './store/store.js';
import { agentIsAway, agentNamespace, createAgentPort, mountAgentNamespace } from './transport/agent-namespace.js';
import { createAgentRouter } from './transport/agent-routes.js';
import { conversationRoom, createShopperNotifier, mountCustomerNamespace } from './transport/customer-namespace.js';
import { createHttpApp } from './transport/http-routes.js';
import { createStaticRouter } from './transport/static-routes.js';
import { createWidgetStringsRouter } from './transport/widget-strings-route.js';
import { LocalAdapter } from './transport/local-adapter.js';
import { CoalescingWebSocketServer } from './transport/coalescing-websocket.js';
import { NO_HISTORY, triage } from './triage/triage.js';
import { warmUpTriage } from './triage/warm-up.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  store: Store;
  /** The live intent set; ops edit and reload it, metrics count its reloads. */
  intents: LiveIntents;
  orders: OrderProvider;
  clock: () => Date;
  /** The widget and console bundles `npm run build` wrote to `dist/` (`loadBuiltAssets`). */
  assets: BuiltAssets;
  /** Abuse limits; default in memory from `config.limits` (several nodes pass Redis-backed ones). */
  limits?: Limiters;
  /** socket.io's adapter: the Redis adapter when several nodes share events (REDIS_URL), else `LocalAdapter`. */
  socketAdapter?: ServerOptions['adapter'];
  /** Agent sockets on every node (several nodes: Redis presence); default this node's own. */
  agentsOnline?: () => number;
  /** A console intent save is live here; several nodes announce it to the others. */
  onIntentSaved?: (intent: string, versionId: string) => void;
  /** Several nodes: one conversation's bot turns run on one node at a time (PostgreSQL advisory locks). */
  turnLocks?: BotTurnDeps['turnLocks'];
  /** Several nodes: queue changes announced to and heard from the other nodes (server/cluster/queue-sync.ts). */
  queueChanges?: Pick<QueueChanges, 'announce' | 'onRemote'>;
  /** The process's own metrics (GC pauses, event-loop delay, memory) on `/metrics`: the app that serves the process (main.ts). */
  runtimeMetrics?: boolean;
}

export interface App {
  httpServer: HttpServer;
  io: Server;
  service: ConversationService;
  /** Agent accounts and sessions (tests create agents and log in through it). */
  auth: AuthService;
  /** `releaseIfGone(agentId)`: the disconnect release, now, if the agent is away (tests, ops). */
  agents: { releaseIfGone(agentId: string): Promise<number> };
  /** Reply emails (SPEC §11): `enabled` is false without SMTP_URL. */
  email: EmailReplies;
  /** Metrics, the idle sweep of bot conversations (`settle`), desk events. */
  ops: Ops;
  /** Stops accepting, lets in-flight bot turns finish, closes sockets. The caller closes the store. */
  close(): Promise<void>;
}

/** How long an agent may stay disconnected before their conversations go back to the queue. */
const AGENT_RELEASE_GRACE_MS = 60_000;

export function createApp(deps: AppDeps): App {
  const { config, logger, clock } = deps;
  // Dictionaries and indexes load now, not inside the first shoppers' replies.
  warmUpTriage(deps.intents.current());
  // A write that fails for a storage reason (disk full) is logged by its code and turns /healthz red.
  const writes = watchWrites(deps.store, logger);
  const ops = createOps({ config, logger, store: writes.store, intents: deps.intents, clock, onIntentSaved: deps.onIntentSaved, runtimeMetrics: deps.runtimeMetrics });
  // The ops store counts every stored message; everything else behaves as the given store.
  const { store, events } = ops;
  const limits = deps.limits ?? createLimiters(config.limits);
  const clientIp = createClientIp(config.trustProxy);
  const auth = createAuthService({ store, clock, limits, idleMs: config.agentIdleMinutes * 60 * 1000 });
  // Set once the email wiring exists (below); the console asks whether replies are emailed.
  let emailEnabled = false;
  const http = createHttpApp({
    logger,
    trustProxy: config.trustProxy,
    routers: [
      createStaticRouter(deps.assets),
      createWidgetStringsRouter(),
      createAgentRouter({
        store,
        auth,
        triage: (text) => triage(text, NO_HISTORY, deps.intents.current()),
        logger,
        clock,
        emailEnabled: () => emailEnabled,
        // Tokens are already revoked; closing the console's sockets makes it show the sign-in page now.
        onAgentDisabled: (agentId) => {
          for (const socket of io.of('/agent').sockets.values()) if ((socket.data as { agent?: { id: string } }).agent?.id === agentId) socket.disconnect(true);
        },
      }),
      ...ops.routers(auth),
      createPrivacyRouter({
        store,
        auth,
        clock,
        logger,
        onErased: (conversationId) => io.of('/customer').in(conversationRoom(conversationId)).disconnectSockets(true),
      }),
    ],
    // A real query: a health check that never touches the database would stay green while it is gone.
    health: async () => {
      const queued = (await store.listConversations({ status: ['queued'] })).length;
      const fault = writes.fault();
      return fault ? { ok: false, reason: fault, queued } : { ok: true, queued };
    },
  });
  const httpServer = createServer(http);
  const io = new Server(httpServer, {
    cors: { origin: config.allowedOrigins === '*' ? true : [...config.allowedOrigins], credentials: false },
    // A chat message is at most 2,000 characters: anything near this limit is not a shopper.
    maxHttpBufferSize: 64 * 1024,
    adapter: deps.socketAdapter ?? LocalAdapter,
    // A message's echo, ack and bot reply leave in one write (transport/coalescing-websocket.ts).
    wsEngine: CoalescingWebSocketServer,
  });
  const shoppers = createShopperNotifier(io);
  const agentSockets = agentNamespace(io);
  const queue = createQueuePublisher({
    store,
    clock,
    agentsOnline: () => Math.max(1, deps.agentsOnline?.() ?? agentSockets.sockets.size),
    toAgents: (update) => agentSockets.emit('queue:update', update),
    toShopper: shoppers.status,
    businessHours: config.businessHours,
    announce: deps.queueChanges?.announce,
  });
  deps.queueChanges?.onRemote((ids) => void queue.sync(ids).catch((error: unknown) => logger.error({ err: error }, 'could not sync the queue')));
  // The domain core: the desk and its release policy know ports, not sockets.
  const desk = createAgentDesk({ store, queue, shopper: shoppers, agents: createAgentPort(agentSockets), clock, logger: logger.child({ ns: '/agent' }), events });
  const release = createAgentRelease({
    graceMs: AGENT_RELEASE_GRACE_MS,
    isAway: (agentId) => agentIsAway(agentSockets, agentId),
    release: (agentId) => desk.releaseAgent(agentId),
    logger,
  });
  const agents = mountAgentNamespace(agentSockets, { auth, desk, queue, release, logger });
  const service = createConversationService({
    store,
    intents: deps.intents,
    orders: deps.orders,
    clock,
    logger,
    queue,
    businessHours: config.businessHours,
    returnsUrl: `${config.publicUrl ?? ''}/returns`,
    events,
    turnLocks: deps.turnLocks,
    notifier: {
      message: (conversationId, message, conversation) => {
        shoppers.message(conversationId, message);
        desk.notifyAgentsOfMessage(conversationId, message, conversation).catch((error: unknown) => logger.error({ err: error, conversationId }, 'could not notify agents'));
      },
      status: shoppers.status,
    },
  });
  const verifyIdentity = createIdentityVerifier(config.identitySecret, clock);
  const tokenLifetimeMs = config.shopperTokenDays * 24 * 60 * 60 * 1000;
  mountCustomerNamespace(io, {
    service,
    logger,
    allowedOrigins: config.allowedOrigins,
    limits,
    clientIp,
    onTyping: agents.notifyShopperTyping,
    identity: { verify: verifyIdentity, attach: (conversation, identity) => attachIdentity(store, conversation, identity, clock().toISOString()) },
    // A resume token works for SHOPPER_TOKEN_DAYS after the conversation's last activity.
    resumable: (conversation) => Date.parse(conversation.updatedAt) + tokenLifetimeMs > clock().getTime(),
    offDutyUntil: () => (isOpen(clock(), config.businessHours) ? undefined : nextOpening(clock(), config.businessHours).toISOString()),
  });
  const email = createEmailReplies({ config, store, clock, logger, customers: io.of('/customer'), room: conversationRoom });
  emailEnabled = email.enabled;
  // Turns a crash left between the ack and the reply (SPEC §8): answered now, exactly once.
  service.resumeBotTurns().catch((error: unknown) => logger.error({ err: error }, 'could not resume pending bot turns'));
  // The queue is read once now: a routine answer decided inside the message's write needs the wait estimate at hand.
  queue.estimateFor('normal').catch((error: unknown) => logger.error({ err: error }, 'could not read the queue'));
  // Several nodes: turns a dead node left are taken over by whichever node sweeps first.
  const sweep = deps.turnLocks ? startTurnSweep(service, logger) : undefined;

  // RETENTION_DAYS: erase conversations resolved longer ago, at start and then hourly.
  let closed = false;
  const retentionSweep = () =>
    !closed &&
    void sweepRetention(store, config.retentionDays, clock()).then(
      (counts) => counts.conversations > 0 && logger.info(counts, 'retention sweep erased old conversations'),
      (error: unknown) => logger.error({ err: error }, 'retention sweep failed'),
    );
  const retention = setInterval(retentionSweep, 60 * 60 * 1000);
  retention.unref();
  setImmediate(retentionSweep);

  return {
    httpServer,
    io,
    service,
    auth,
    agents: { releaseIfGone: release.fire },
    ops,
    email,
    async close() {
      sweep?.stop();
      closed = true;
      clearInterval(retention);
      ops.close();
      email.close();
      agents.close();
      release.clear();
      // io.close also returns a promise, but only the callback waits for the HTTP server to close.
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await service.idle();
    },
  };
}

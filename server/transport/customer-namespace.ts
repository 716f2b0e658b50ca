/**
 * The `/customer` socket namespace (SPEC §5): checks the storefront origin, opens or resumes
 * the shopper's conversation, sends `session`, and routes `message`, `typing` and `rate` through
 * `handleEvent`. One room per conversation, so every tab of the same shopper stays in sync.
 *
 * @example mountCustomerNamespace(io, { service, logger, allowedOrigins: '*' });
 */
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { ShopperPort } from '../conversations/agent-desk.js';
import type { ConversationService, Session } from '../conversations/conversation-service.js';
import { AppError } from '../errors.js';
import type { ClientIpFn } from '../limits/client-ip.js';
import type { Limiters } from '../limits/limiters.js';
import { identityCustomerKey } from '../identity/identity-sessions.js';
import type { ShopperIdentity } from '../identity/verify-identity.js';
import type { ConversationRecord } from '../store/store.js';

export interface IdentityGate {
  verify(jwt: string): Promise<ShopperIdentity>;
  attach(conversation: ConversationRecord, identity: ShopperIdentity): Promise<ConversationRecord>;
}
import {
  ContactInput,
  CustomerHandshake,
  CustomerMessageInput,
  HistoryInput,
  RateInput,
  TypingInput,
  type CustomerClientEvents,
  type CustomerServerEvents,
} from '../protocol.js';
import { handleEvent } from './handle-event.js';

export type CustomerNamespace = Namespace<CustomerClientEvents, CustomerServerEvents>;
type CustomerSocket = Socket<CustomerClientEvents, CustomerServerEvents, Record<string, never>, { conversationId: string; session?: Session }>;

export interface CustomerNamespaceDeps {
  service: ConversationService;
  logger: Logger;
  allowedOrigins: '*' | readonly string[];
  /** Called when a shopper types; app.ts relays it to the agents following the conversation. */
  onTyping: (conversationId: string, typing: boolean) => void;
  limits: Limiters;
  /** Verifies `auth.identity` and links the conversation to that customer (identity/*). */
  identity: IdentityGate;
  /** False when a known token may no longer resume (SHOPPER_TOKEN_DAYS): a new conversation starts. */
  resumable: (conversation: ConversationRecord) => boolean;
  /** The client IP of a handshake under `TRUST_PROXY` (X-Forwarded-For only from trusted proxies). */
  clientIp: ClientIpFn;
  /** The ISO time the team is next on duty while no one is (business hours), else undefined. */
  offDutyUntil?: () => string | undefined;
}

/** Room of one conversation on `/customer`. */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;

/**
 * The one way events reach shoppers: every tab in the conversation's room. The bot's replies,
 * the queue's status updates and the agent desk all send through it.
 */
export function createShopperNotifier(io: Server): ShopperPort {
  const room = (conversationId: string) => (io.of('/customer') as CustomerNamespace).to(conversationRoom(conversationId));
  return {
    message: (conversationId, message) => room(conversationId).emit('message', message),
    status: (conversationId, status) => room(conversationId).emit('status', status),
    typing: (conversationId, typing) => room(conversationId).emit('typing', typing),
  };
}

export function mountCustomerNamespace(io: Server, deps: CustomerNamespaceDeps): CustomerNamespace {
  const namespace = io.of('/customer') as CustomerNamespace;
  namespace.use((socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (deps.allowedOrigins !== '*' && origin && !deps.allowedOrigins.includes(origin)) {
      next(connectError('unauthorized', `origin ${origin} is not allowed to open the chat (ALLOWED_ORIGINS)`));
      return;
    }
    const handshake = CustomerHandshake.safeParse(socket.handshake.auth ?? {});
    if (!handshake.success) {
      next(connectError('invalid_payload', 'handshake auth must be {token?, locale?, page?, identity?} strings'));
      return;
    }
    void admit(socket as CustomerSocket, handshake.data, deps).then(() => next(), (error: unknown) => next(refusal(error, deps.logger)));
  });
  namespace.on('connection', (socket) => void onConnection(socket as CustomerSocket, deps));
  return namespace;
}

/**
 * The handshake's gate: one more socket for this client IP, then the session (a new conversation
 * counts against the IP's hourly limit; a resume does not). Refusals become `connect_error`.
 */
async function admit(socket: CustomerSocket, handshake: CustomerHandshake, deps: CustomerNamespaceDeps): Promise<void> {
  const ip = deps.clientIp(socket.request.socket.remoteAddress ?? socket.handshake.address, socket.handshake.headers['x-forwarded-for']);
  // A refused identity costs nothing: it is checked before any limit or storage.
  const identity = handshake.identity === undefined ? undefined : await deps.identity.verify(handshake.identity);
  const release = await deps.limits.openSocket(ip);
  try {
    const session = await deps.service.openSession(handshake, {
      beforeCreate: () => deps.limits.newConversation(ip),
      resumable: deps.resumable,
      ...(identity ? { customerKey: identityCustomerKey(identity.sub) } : {}),
    });
    if (identity) session.conversation = await deps.identity.attach(session.conversation, identity);
    // A verified identity's email is how to reach the shopper: the widget never asks (SPEC §11).
    if (identity && !session.conversation.contactEmail) {
      await deps.service.setContact(session.conversation.id, { email: identity.email, ...(identity.name ? { name: identity.name } : {}) });
      session.conversation = { ...session.conversation, contactEmail: identity.email, contactName: identity.name ?? null };
    }
    socket.data.session = session;
  } catch (error) {
    release();
    throw error;
  }
  socket.once('disconnect', release);
}

/** A refused handshake: an AppError keeps its code; anything else is logged and named `internal`. */
function refusal(error: unknown, logger: Logger): Error {
  if (error instanceof AppError && error.code !== 'internal') return connectError(error.code, error.message);
  logger.error({ err: error, ns: '/customer' }, 'could not open a session');
  return connectError('internal', 'Something went wrong on our side; please try again in a moment');
}

async function onConnection(socket: CustomerSocket, deps: CustomerNamespaceDeps): Promise<void> {
  const logger = deps.logger.child({ ns: '/customer', socketId: socket.id });
  try {
    const session = socket.data.session;
    if (!session) throw new Error('connected without a session');
    socket.data.session = undefined;
    const conversationId = session.conversation.id;
    logger.debug({ conversationId, auth: socket.handshake.auth, resumed: session.messages.length > 0 }, 'shopper connected');
    socket.data.conversationId = conversationId;
    await socket.join(conversationRoom(conversationId));
    const child = logger.child({ conversationId });
    registerEvents(socket, deps, child, conversationId);
    socket.emit('session', {
      token: session.token,
      conversationId,
      status: session.conversation.status,
      messages: session.messages,
      contactKnown: Boolean(session.conversation.contactEmail),
      earlier: session.earlier,
      ...offDuty(deps),
    });
  } catch (error) {
    logger.error({ err: error }, 'could not open a session');
    socket.disconnect(true);
  }
}

/** `nextOpenAt` for the session while no one is on duty, so the widget asks for an email (SPEC §11). */
function offDuty(deps: CustomerNamespaceDeps): { nextOpenAt?: string } {
  const nextOpenAt = deps.offDutyUntil?.();
  return nextOpenAt ? { nextOpenAt } : {};
}

/** A refused connection; the client reads `err.data.code` (socket.io `connect_error`). */
export function connectError(code: string, message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}

function registerEvents(socket: CustomerSocket, deps: CustomerNamespaceDeps, logger: Logger, conversationId: string): void {
  const { limits } = deps;
  // Limits are per conversation, not per socket: ten tabs (or a reconnect) share one budget.
  socket.on(
    'message',
    handleEvent(CustomerMessageInput, logger, async (input) => {
      await limits.message(conversationId);
      return deps.service.receiveCustomerMessage(conversationId, input);
    }),
  );
  // The other events spend from the conversation's event budget first.
  const limited = <S extends z.ZodType, R extends object>(schema: S, handler: (input: z.infer<S>) => Promise<R> | R) =>
    handleEvent(schema, logger, async (input: z.infer<S>) => {
      await limits.event(conversationId);
      return handler(input);
    });
  socket.on(
    'typing',
    limited(TypingInput, (input) => {
      deps.onTyping(conversationId, input.typing);
      return {};
    }),
  );
  socket.on('contact', limited(ContactInput, (input) => deps.service.setContact(conversationId, input)));
  socket.on('rate', limited(RateInput, (input) => deps.service.rate(conversationId, input)));
  socket.on('history', limited(HistoryInput, (input) => deps.service.history(conversationId, input)));
}

/**
 * The `/customer` socket namespace (SPEC §5): checks the storefront origin, opens or resumes
 * the shopper's conversation, sends `session`, and routes `message`, `typing` and `rate` through
 * `handleEvent`. One room per conversation, so every tab of the same shopper stays in sync.
 *
 * @example mountCustomerNamespace(io, { service, logger, allowedOrigins: '*' });
 */
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import type { ConversationService } from '../conversations/conversation-service.js';
import { AppError } from '../errors.js';
import {
  CustomerHandshake,
  CustomerMessageInput,
  RateInput,
  TypingInput,
  type CustomerClientEvents,
  type CustomerServerEvents,
} from '../protocol.js';
import { handleEvent } from './handle-event.js';
import { createRateLimiter } from './rate-limit.js';

export type CustomerNamespace = Namespace<CustomerClientEvents, CustomerServerEvents>;
type CustomerSocket = Socket<CustomerClientEvents, CustomerServerEvents, Record<string, never>, { conversationId: string }>;

export interface CustomerNamespaceDeps {
  service: ConversationService;
  logger: Logger;
  allowedOrigins: '*' | readonly string[];
  /** Called when a shopper types, so agents can see it (the agent namespace subscribes). */
  onTyping?: (conversationId: string, typing: boolean) => void;
}

/** Room of one conversation on `/customer`. */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;

/** A burst of 8 messages, then one every 1.5 s: faster than any person types, slower than a script. */
const MESSAGE_RATE = { burst: 8, refillPerSecond: 1 / 1.5 };

export function mountCustomerNamespace(io: Server, deps: CustomerNamespaceDeps): CustomerNamespace {
  const namespace = io.of('/customer') as CustomerNamespace;
  namespace.use((socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (deps.allowedOrigins !== '*' && origin && !deps.allowedOrigins.includes(origin)) {
      next(connectError('unauthorized', `origin ${origin} is not allowed to open the chat (ALLOWED_ORIGINS)`));
      return;
    }
    if (!CustomerHandshake.safeParse(socket.handshake.auth ?? {}).success) {
      next(connectError('invalid_payload', 'handshake auth must be {token?, locale?, page?} strings'));
      return;
    }
    next();
  });
  namespace.on('connection', (socket) => void onConnection(socket as CustomerSocket, deps));
  return namespace;
}

async function onConnection(socket: CustomerSocket, deps: CustomerNamespaceDeps): Promise<void> {
  const logger = deps.logger.child({ ns: '/customer', socketId: socket.id });
  try {
    const session = await deps.service.openSession(CustomerHandshake.parse(socket.handshake.auth ?? {}));
    const conversationId = session.conversation.id;
    logger.debug({ conversationId, auth: socket.handshake.auth, resumed: session.messages.length > 0 }, 'shopper connected');
    socket.data.conversationId = conversationId;
    await socket.join(conversationRoom(conversationId));
    const child = logger.child({ conversationId });
    registerEvents(socket, deps, child, conversationId);
    socket.emit('session', { token: session.token, conversationId, status: session.conversation.status, messages: session.messages });
  } catch (error) {
    logger.error({ err: error }, 'could not open a session');
    socket.disconnect(true);
  }
}

/** A refused connection; the client reads `err.data.code` (socket.io `connect_error`). */
export function connectError(code: string, message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}

function registerEvents(socket: CustomerSocket, deps: CustomerNamespaceDeps, logger: Logger, conversationId: string): void {
  const limiter = createRateLimiter(MESSAGE_RATE);
  socket.on(
    'message',
    handleEvent(CustomerMessageInput, logger, (input) => {
      if (!limiter.take()) throw new AppError('rate_limited', 'You are sending messages very fast; please wait a moment and try again');
      return deps.service.receiveCustomerMessage(conversationId, input);
    }),
  );
  socket.on(
    'typing',
    handleEvent(TypingInput, logger, (input) => {
      deps.onTyping?.(conversationId, input.typing);
      return {};
    }),
  );
  socket.on('rate', handleEvent(RateInput, logger, (input) => deps.service.rate(conversationId, input)));
}

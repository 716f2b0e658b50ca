/**
 * The conversations' ports: where shopper- and agent-facing events go (app.ts implements them
 * with sockets) and the desk's dependencies. Shared by the conversation service, the bot turn,
 * the desk and the handover, so none of them imports another just for a type.
 */
import type { Logger } from 'pino';
import type { AgentTypingPayload, ChatMessage, ConversationView, StatusPayload } from '../protocol.js';
import type { ConversationRecord, Store } from '../store/store.js';
import type { DeskEvents } from './desk-events.js';
import type { QueuePublisher } from './queue-publisher.js';

/** Where shopper-facing events go (the `/customer` rooms). */
export interface ShopperPort {
  message(conversationId: string, message: ChatMessage): void;
  status(conversationId: string, status: StatusPayload): void;
  typing(conversationId: string, typing: AgentTypingPayload): void;
}

/** Where agent-facing events go (the `/agent` rooms). `holderId` adds every tab of the agent holding it. */
export interface AgentPort {
  message(conversationId: string, holderId: string | null, message: ChatMessage): void;
  conversation(holderId: string | null, view: ConversationView): void;
  /** Every socket of `agentId` starts (or stops) receiving this conversation's updates. */
  follow(agentId: string, conversationId: string): void;
  unfollow(agentId: string, conversationId: string): void;
}

export interface AgentDeskDeps {
  store: Store;
  queue: QueuePublisher;
  shopper: ShopperPort;
  agents: AgentPort;
  clock: () => Date;
  logger: Logger;
  /** Metrics, reports and follow-ups observe the desk here; none by default. */
  events?: DeskEvents;
}

/** Where the conversation service's and the bot turn's events go; app.ts implements it. */
export interface ConversationNotifier {
  /** A stored message, to the shopper's room and to agents following the conversation. */
  /** `conversation`: its state right after the write, when the caller has it (saves agents a read). */
  message(conversationId: string, message: ChatMessage, conversation?: ConversationRecord): void;
  /** A status change, to the shopper. */
  status(conversationId: string, status: StatusPayload): void;
}

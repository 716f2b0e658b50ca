/**
 * The agent side of a conversation: claim (the store's conditional update decides a race),
 * reply, internal note and typing; handing over (transfer, resolve, release) lives in
 * `agent-handover.ts`. Sockets are not known here: shoppers and agents are reached through ports.
 *
 * @example
 *   const desk = createAgentDesk(deps);
 *   const { conversation } = await desk.claim(agent, 'c_123'); // AppError('already_claimed') for the loser
 */
import type { AuthenticatedAgent } from '../auth/auth-service.js';
import { AppError } from '../errors.js';
import type { AgentNoteInput, AgentReplyInput, AgentTypingInput, ChatMessage, ConversationView } from '../protocol.js';
import type { ConversationRecord } from '../store/store.js';
import { CONVERSATION_NOT_FOUND, loadConversationView } from './conversation-view.js';
import { AGENT_TOOK_OVER } from '../handoff/handoff-reason.js';
import { systemText } from '../i18n/system-texts.js';
import { createAgentHandover } from './agent-handover.js';
import type { AgentDeskDeps } from './ports.js';
import { NO_DESK_EVENTS } from './desk-events.js';

// The desk's ports and deps live in ports.ts, so agent-handover.ts needs nothing from this file.
export type { AgentDeskDeps, AgentPort, ShopperPort } from './ports.js';

export const NOT_HOLDING = 'You do not hold this conversation; claim it from the queue first';
export const ALREADY_CLAIMED = 'A colleague has already taken this conversation';
export const CONVERSATION_CLOSED = 'This conversation is resolved';

/** Shown to the shopper on claim, so they know nothing needs repeating. */
export const joinedText = (name: string, language?: string | null) => systemText(language, 'joined', { name });

export function createAgentDesk(deps: AgentDeskDeps) {
  const { store, shopper, agents, clock } = deps;
  const events = deps.events ?? NO_DESK_EVENTS;

  /** Stores a system message and sends it to the shopper and the agents following along. */
  async function say(conversationId: string, holderId: string | null, text: string): Promise<ChatMessage> {
    const { message } = await store.appendMessage({ conversationId, from: 'system', text, at: clock().toISOString() });
    shopper.message(conversationId, message);
    agents.message(conversationId, holderId, message);
    return message;
  }

  /** The conversation if `agent` holds it; otherwise the reason they may not act on it. */
  async function requireHeld(agent: AuthenticatedAgent, conversationId: string): Promise<ConversationRecord> {
    const conversation = await store.getConversation(conversationId);
    if (!conversation) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
    if (conversation.status === 'resolved') throw new AppError('conversation_closed', CONVERSATION_CLOSED);
    if (conversation.status !== 'assigned' || conversation.assigneeId !== agent.id) throw new AppError('unauthorized', NOT_HOLDING);
    return conversation;
  }

  async function claim(agent: AuthenticatedAgent, conversationId: string): Promise<{ conversation: ConversationView }> {
    const claimedAt = clock().toISOString();
    const won = await store.claimConversation(conversationId, agent, ['queued', 'bot'], claimedAt);
    if (!won) {
      const current = await store.getConversation(conversationId);
      if (!current) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
      if (current.status === 'resolved') throw new AppError('conversation_closed', CONVERSATION_CLOSED);
      // Claiming again what you already hold (a reload, a second tab) just reopens it.
      if (current.assigneeId !== agent.id) throw new AppError('already_claimed', ALREADY_CLAIMED);
      agents.follow(agent.id, conversationId);
      return { conversation: await loadConversationView(store, conversationId) };
    }
    agents.follow(agent.id, conversationId);
    // Only a hand-over sets queuedAt, so none means the agent took the chat straight from the bot.
    const claimed = await store.getConversation(conversationId);
    if (claimed && claimed.queuedAt === null) await events.handedOff(claimed, [AGENT_TOOK_OVER], claimedAt);
    await say(conversationId, agent.id, joinedText(agent.name, claimed?.language));
    shopper.status(conversationId, { status: 'assigned', agent: { name: agent.name } });
    await deps.queue.publish([conversationId]);
    return { conversation: await loadConversationView(store, conversationId) };
  }

  async function reply(agent: AuthenticatedAgent, input: AgentReplyInput): Promise<{ message: ChatMessage; duplicate?: boolean }> {
    const conversation = await requireHeld(agent, input.conversationId);
    const at = clock().toISOString();
    const { message, duplicate } = await store.appendMessage({
      conversationId: conversation.id,
      from: 'agent',
      text: input.text,
      clientId: input.clientId,
      authorName: agent.name,
      at,
    });
    if (duplicate) return { message, duplicate: true };
    // The SLA clock for the first human answer stops here, once.
    if (conversation.firstResponseAt === null) await events.firstResponse(await store.updateConversation(conversation.id, { firstResponseAt: at }));
    shopper.message(conversation.id, message);
    agents.message(conversation.id, agent.id, message);
    return { message };
  }

  /** Any agent may leave a note on any conversation (advice to a colleague); it never reaches the shopper. */
  async function note(agent: AuthenticatedAgent, input: AgentNoteInput) {
    const conversation = await store.getConversation(input.conversationId);
    if (!conversation) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
    const stored = await store.addNote({ conversationId: conversation.id, agentId: agent.id, agentName: agent.name, text: input.text, at: clock().toISOString() });
    agents.conversation(conversation.assigneeId, await loadConversationView(store, conversation.id));
    return { note: { id: stored.id, text: stored.text, at: stored.at, agentName: stored.agentName } };
  }

  async function typing(agent: AuthenticatedAgent, input: AgentTypingInput): Promise<object> {
    await requireHeld(agent, input.conversationId);
    shopper.typing(input.conversationId, { from: 'agent', typing: input.typing, name: agent.name });
    return {};
  }

  /** A stored message (shopper's or bot's) to the agents following the conversation, verbatim. */
  /** `known`: the conversation right after the message was stored, when the caller has it (no read then). */
  async function notifyAgentsOfMessage(conversationId: string, message: ChatMessage, known?: ConversationRecord): Promise<void> {
    const conversation = known ?? (await store.getConversation(conversationId));
    if (!conversation) return;
    const holderId = conversation.status === 'assigned' ? conversation.assigneeId : null;
    agents.message(conversationId, holderId, message);
    if (holderId) agents.conversation(holderId, await loadConversationView(store, conversationId));
  }

  const handover = createAgentHandover({ ...deps, say, requireHeld });
  return { claim, reply, note, typing, notifyAgentsOfMessage, ...handover };
}

export type AgentDesk = ReturnType<typeof createAgentDesk>;

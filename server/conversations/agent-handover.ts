/**
 * Owns how a conversation leaves an agent: transfer to a colleague or back to the queue, resolve
 * (the shopper is then asked for a 1–5 rating), and release when an agent stayed disconnected.
 * Every move is a conditional update in the store, so it happens only while the agent still holds it.
 *
 * @example
 *   await desk.transfer(agent, { conversationId });            // back to the queue, place kept
 *   await desk.resolve(agent, { conversationId });             // widget asks for a rating
 *   await desk.releaseAgent(agentId);                          // after the disconnect grace period
 */
import type { AuthenticatedAgent } from '../auth/auth-service.js';
import { AppError } from '../errors.js';
import type { ChatMessage, ConversationRef, TransferInput } from '../protocol.js';
import type { ConversationRecord } from '../store/store.js';
import type { AgentDeskDeps } from './ports.js';
import { loadConversationView } from './conversation-view.js';
import { NO_DESK_EVENTS } from './desk-events.js';
import { systemText } from '../i18n/system-texts.js';

export interface HandoverDeps extends AgentDeskDeps {
  say(conversationId: string, holderId: string | null, text: string): Promise<ChatMessage>;
  requireHeld(agent: AuthenticatedAgent, conversationId: string): Promise<ConversationRecord>;
}

/** Said when a move lost a race with another one (a release, a colleague's transfer). */
export const NO_LONGER_HOLDING = 'You no longer hold this conversation';
export const NO_SUCH_AGENT = 'No agent with this id';

// Shopper-facing, so in the conversation's language (server/i18n/system-texts.ts).
export const passedToColleagueText = (from: string, to: string, language?: string | null) => systemText(language, 'passedToColleague', { name: from, to });
export const backToQueueText = (from: string, language?: string | null) => systemText(language, 'backToQueue', { name: from });
export const resolvedText = (name: string, language?: string | null) => systemText(language, 'resolved', { name });
export const RELEASED_TEXT = systemText('en', 'released');

export function createAgentHandover(deps: HandoverDeps) {
  const { store, shopper, agents, clock, say, requireHeld } = deps;

  async function transfer(agent: AuthenticatedAgent, input: TransferInput): Promise<object> {
    const conversation = await requireHeld(agent, input.conversationId);
    if (input.toAgentId === undefined) return toQueue(agent, conversation);
    const target = await store.getAgent(input.toAgentId);
    if (!target) throw new AppError('not_found', NO_SUCH_AGENT);
    if (target.id === agent.id) return {};
    const moved = await store.transferConversation(conversation.id, agent.id, { id: target.id, name: target.name }, clock().toISOString());
    if (!moved) throw new AppError('unauthorized', NO_LONGER_HOLDING);
    agents.unfollow(agent.id, conversation.id);
    agents.follow(target.id, conversation.id);
    await say(conversation.id, target.id, passedToColleagueText(agent.name, target.name, conversation.language));
    shopper.status(conversation.id, { status: 'assigned', agent: { name: target.name } });
    agents.conversation(target.id, await loadConversationView(store, conversation.id));
    await deps.queue.publish([conversation.id]);
    return { status: 'assigned', assignee: { id: target.id, name: target.name } };
  }

  /** Back to the queue with `queuedAt` kept: the shopper does not start waiting again from zero. */
  async function toQueue(agent: AuthenticatedAgent, conversation: ConversationRecord): Promise<object> {
    const moved = await store.releaseConversation(conversation.id, agent.id, clock().toISOString());
    if (!moved) throw new AppError('unauthorized', NO_LONGER_HOLDING);
    agents.unfollow(agent.id, conversation.id);
    await say(conversation.id, null, backToQueueText(agent.name, conversation.language));
    // publish() tells the shopper their queue position and wait estimate.
    await deps.queue.publish([conversation.id]);
    return { status: 'queued' };
  }

  async function resolve(agent: AuthenticatedAgent, input: ConversationRef): Promise<object> {
    await requireHeld(agent, input.conversationId);
    const resolved = await store.resolveConversation(input.conversationId, agent.id, clock().toISOString());
    if (!resolved) throw new AppError('unauthorized', NO_LONGER_HOLDING);
    await (deps.events ?? NO_DESK_EVENTS).resolved(resolved);
    await say(resolved.id, agent.id, resolvedText(agent.name, resolved.language));
    // The widget shows the 1–5 rating on this status.
    shopper.status(resolved.id, { status: 'resolved' });
    agents.conversation(agent.id, await loadConversationView(store, resolved.id));
    await deps.queue.publish([resolved.id]);
    return { status: 'resolved' };
  }

  /** Puts every conversation `agentId` still holds back in the queue; returns how many moved. */
  async function releaseAgent(agentId: string): Promise<number> {
    const held = await store.listConversations({ status: ['assigned'], assigneeId: agentId });
    let released = 0;
    for (const conversation of held) {
      // Conditional: if the agent came back and acted meanwhile, or a colleague took over, nothing moves.
      if (!(await store.releaseConversation(conversation.id, agentId, clock().toISOString()))) continue;
      released += 1;
      agents.unfollow(agentId, conversation.id);
      await say(conversation.id, null, systemText(conversation.language, 'released'));
    }
    if (released > 0) {
      deps.logger.info({ agentId, released }, 'released the conversations of a disconnected agent');
      await deps.queue.publish();
    }
    return released;
  }

  return { transfer, resolve, releaseAgent };
}

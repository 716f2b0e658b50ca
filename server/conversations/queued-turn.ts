/**
 * The bot's turn while a conversation waits in the queue (SPEC §4), the I/O around the pure
 * `decideWhileQueued`: look orders up, decide, and answer only if the conversation is still
 * queued (from the moment an agent holds it the bot says nothing); a safety report re-publishes
 * the queue, since its urgency has just been raised.
 *
 * @example await runQueuedTurn(deps, conversation, turn); // turn: a pending outbox row
 */
import { decideWhileQueued, type QueuedBotState } from '../bot/queued-reply.js';
import { orderIdsToLookUp } from '../bot/reply-policy.js';
import { formatOpening, isOpen, nextOpening } from '../handoff/business-hours.js';
import type { BotTurnRecord, ConversationRecord } from '../store/store.js';
import { afterAcks, BOT_NAME, storedBotState, type BotTurnDeps } from './bot-turn.js';

export async function runQueuedTurn(deps: BotTurnDeps, conversation: ConversationRecord, turn: BotTurnRecord): Promise<void> {
  const { store, clock, notifier } = deps;
  const { message, triage: result } = turn;
  if (result === null) {
    await store.completeBotTurn(turn.id, () => ({}), clock().toISOString());
    return;
  }
  const state: QueuedBotState = storedBotState(deps, conversation);
  const lookups = await Promise.all(orderIdsToLookUp(result, state, message.text).map((orderId) => deps.orders.lookup(orderId)));
  const now = clock();
  const open = isOpen(now, deps.businessHours);
  const language = conversation.language ?? result.language;
  const decision = decideWhileQueued({
    language,
    triage: result,
    text: message.text,
    state,
    lookups,
    intents: deps.intents.current(),
    context: {
      // Not shown in queued texts (the banner carries the live position); the type needs them.
      queuePosition: 1,
      waitMinutes: 1,
      open,
      nextOpen: open ? undefined : formatOpening(nextOpening(now, deps.businessHours), deps.businessHours, language, conversation.botState.timeZone),
      returnsUrl: deps.returnsUrl,
      now,
    },
  });
  // Publish first: a safety report moves up the queue even if an agent claims it right now.
  if (decision.safety) await deps.queue.publish([conversation.id]);
  const at = clock().toISOString();
  // The reply and the turn's completion commit together (exactly once); silent once someone holds the chat.
  const { reply, conversation: after } = await store.completeBotTurn(
    turn.id,
    (current) =>
      current.status !== 'queued'
        ? {}
        : { reply: { from: 'bot', text: decision.text, authorName: BOT_NAME, at }, patch: { botState: { ...current.botState, ...decision.state, turns: current.botState.turns } } },
    at,
  );
  if (!reply) return;
  await afterAcks();
  notifier.message(conversation.id, reply, after);
}

/**
 * A scripted day at the desk for the metrics and reports tests, through real sockets: one
 * shopper the bot helps, one safety case an agent claims, answers and resolves (then the shopper
 * rates it), and one shopper who asks for a person and is still waiting. Texts may carry commas,
 * quotes and newlines, to exercise the CSV ledger.
 */
import { expect } from 'vitest';
import { connectAgent, signUp, type SignedInAgent } from './agent-client.js';
import { connectCustomer, type CustomerClient } from './socket-client.js';
import type { TestServer } from './start-test-server.js';

export const HELPED_TEXT = 'where is my order 1001?';
export const SAFETY_TEXT = 'My kettle caught fire, "really" scary!\nEmail me at jo.shopper@example.com';
export const HUMAN_TEXT = 'I want to talk to a human';
export const AGENT_REPLY = 'Sorry, "Jo", that sounds frightening —\nwe will send a replacement, today';
export const NOTE_TEXT = 'Replacement sent, "RMA-7", see\nticket 12, refund if it fails';

export interface DeskScript {
  agent: SignedInAgent;
  helpedId: string;
  safetyId: string;
  humanId: string;
}

async function say(server: TestServer, socket: CustomerClient, text: string): Promise<void> {
  const ack = await socket.emitWithAck('message', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(`message refused: ${ack.error.code}`);
  await server.app.service.idle();
}

async function shopper(server: TestServer, text: string): Promise<{ socket: CustomerClient; id: string }> {
  const { socket, session } = await connectCustomer(server.url, { locale: 'en-GB', page: '/kettles?color=red,blue' });
  await say(server, socket, text);
  return { socket, id: session.conversationId };
}

export async function runDeskScript(server: TestServer, options: { note?: boolean; rating?: number } = {}): Promise<DeskScript> {
  const agent = await signUp(server, 'Mia');
  const helped = await shopper(server, HELPED_TEXT);
  const safety = await shopper(server, SAFETY_TEXT);
  const human = await shopper(server, HUMAN_TEXT);
  expect((await server.store.getConversation(helped.id))?.status).toBe('bot');
  expect((await server.store.getConversation(safety.id))?.status).toBe('queued');
  expect((await server.store.getConversation(human.id))?.status).toBe('queued');

  const { socket: desk } = await connectAgent(server.url, agent.token);
  const claim = await desk.emitWithAck('claim', { conversationId: safety.id });
  if (!claim.ok) throw new Error(`claim refused: ${claim.error.code}`);
  const reply = await desk.emitWithAck('reply', { conversationId: safety.id, clientId: crypto.randomUUID(), text: AGENT_REPLY });
  if (!reply.ok) throw new Error(`reply refused: ${reply.error.code}`);
  if (options.note) {
    const note = await desk.emitWithAck('note', { conversationId: safety.id, text: NOTE_TEXT });
    if (!note.ok) throw new Error(`note refused: ${note.error.code}`);
  }
  const resolved = await desk.emitWithAck('resolve', { conversationId: safety.id });
  if (!resolved.ok) throw new Error(`resolve refused: ${resolved.error.code}`);
  const rated = await safety.socket.emitWithAck('rate', { score: options.rating ?? 4 });
  if (!rated.ok) throw new Error(`rating refused: ${rated.error.code}`);
  return { agent, helpedId: helped.id, safetyId: safety.id, humanId: human.id };
}

/**
 * Warms the message path before a node takes traffic. V8 compiles a function for speed only after
 * it has run many times, so the first shoppers after a start met slow code: in the load benchmark
 * (10,000 widgets @ 2,000 msg/s) the first second's replies took 24–130 ms at p50 against 2 ms a
 * second later. `serve` first sends routine questions through a throwaway app on an in-memory
 * SQLite store: triage, the bot's answer and order lookup, the conversation service, the SQLite
 * write path and its group commit run ~2,000 times (about 0.6 s at start). Nothing reaches the
 * real store, the real app's metrics or a shop's order API: the caller builds the throwaway app on
 * `:memory:` with the demo orders.
 *
 * @example await warmUpMessagePath(createApp({ ...deps, store: memoryStore, orders: createDemoOrderProvider() }));
 */
import type { App } from './app.js';

/**
 * Questions the bot answers itself, in several shoppers' languages; each conversation asks each
 * once (a third question of one intent reads as the bot not helping, and would hand over).
 */
export const WARM_UP_QUESTIONS: readonly string[] = [
  'how long does shipping to Germany take?',
  'what payment methods do you accept?',
  'where is my order 1002',
  'what is your return policy?',
  'Kann ich mit PayPal bezahlen?',
  'Comment retourner un article ?',
];

/** Runs the questions through `app` from `conversations` shoppers at once, each turn to its end; returns their conversation ids. */
export async function warmUpMessagePath(app: App, conversations = 300): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < conversations; i += 1) ids.push((await app.service.openSession({ locale: 'en' })).conversation.id);
  for (const [round, text] of WARM_UP_QUESTIONS.entries()) {
    await Promise.all(ids.map((id, i) => app.service.receiveCustomerMessage(id, { clientId: `warm-${round}-${i}`, text })));
    await app.service.idle();
  }
  return ids;
}

// General vocabulary of the project's intent files that is easy to break: words that share a stem
// with a term but mean something else, and phrasings every shop hears.
import { describe, expect, it } from 'vitest';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

const CASES: Array<[text: string, intent: string, why: string]> = [
  ['I need assistance changing the delivery address', 'logistics', '"assistance" is help with a task, not a person (=assistant)'],
  ['assistance with buying two of these lamps', 'other', '"assistance" is help with a task, not a person (=assistant)'],
  ['how do I update my personal details', 'other', '"personal" is not "person" (=person)'],
  ['can I talk to an assistant please', 'human', 'the whole word "assistant" still asks for a person'],
  ['is there a real person I can speak to', 'human', 'the whole word "person" still counts'],
  ['how can I contact someone from your team', 'human', 'contacting someone'],
  ['can I chat with someone about this', 'human', 'chatting with someone'],
  ['I want to make a reclamation about my kettle', 'complaint', '"reclamation": complaint in many European shoppers\' English'],
  ['where do I lodge a claim against the shop', 'complaint', 'lodging a claim'],
  ['please cancel the account I opened last year', 'other', 'cancelling an account is no order cancellation'],
  ['question about account cancellation', 'other', 'account cancellation'],
  ['please cancel the order I placed yesterday', 'refund', 'cancelling an order still is'],
  ['what is the status of order 1234', 'logistics', 'status of order'],
];

describe('intent vocabulary', () => {
  const set = projectIntents();
  it('has cases', () => expect(CASES.length).toBeGreaterThan(0));
  for (const [text, intent, why] of CASES) {
    it(`"${text}" → ${intent} (${why})`, () => expect(triage(text, NO_HISTORY, set).intent).toBe(intent));
  }
});

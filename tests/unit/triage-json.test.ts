// The triage JSON written with a message and as its conversation's last triage (store/rows.ts):
// stringified once per result, yet every row must hold its own message's triage, whichever
// results were written before it.
import { describe, expect, it } from 'vitest';
import { toConversationColumns, triageJson } from '../../server/store/rows.js';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

describe('triageJson', () => {
  it('gives each result its own JSON, also when results alternate', () => {
    const shipping = triage('how long does shipping to Germany take?', NO_HISTORY, projectIntents());
    const refund = triage('I want a refund for order 1001, the mug arrived broken', NO_HISTORY, projectIntents());
    expect(shipping.intent).not.toBe(refund.intent);
    for (const result of [shipping, refund, refund, shipping, refund]) {
      expect(JSON.parse(triageJson(result))).toEqual(result);
      expect(JSON.parse(toConversationColumns({ lastTriage: result }).last_triage_json!)).toEqual(result);
    }
  });

  it('writes a cleared last triage as NULL', () => {
    expect(toConversationColumns({ lastTriage: null })).toEqual({ last_triage_json: null });
  });
});

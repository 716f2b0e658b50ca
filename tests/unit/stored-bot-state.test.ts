// The store boundary for the bot state (store/rows.ts): stored JSON is checked against the one
// schema in protocol.ts, and whatever cannot be read becomes the initial state with a reason,
// so a bad row never crashes a bot turn.
import { describe, expect, it } from 'vitest';
import { INITIAL_BOT_STATE, type StoredBotState } from '../../server/protocol.js';
import { readBotState, writtenBotState } from '../../server/store/rows.js';

describe('readBotState', () => {
  it('reads a state the bot wrote, lookups and case history included', () => {
    const state: StoredBotState = {
      failures: 1,
      awaitingOrderId: true,
      pendingIntent: 'logistics',
      turns: [{ intent: 'logistics', sentimentScore: -0.2 }],
      timeZone: 'Europe/Berlin',
      queuedAcks: 2,
      lookups: [
        { orderId: '#1001', result: 'found', order: { id: '1001', status: 'shipped', items: [], total: { value: 10, currency: 'EUR' }, country: 'DE' } },
        { orderId: '1002', result: 'unavailable', message: 'timeout' },
      ],
      caseOpenedAt: '2026-11-29T10:00:00.000Z',
    };
    expect(readBotState(JSON.stringify(state))).toEqual({ botState: state });
  });

  it('keeps keys it does not know instead of failing or dropping them', () => {
    expect(readBotState('{"failures":0,"lookups":[],"fromAnOlderVersion":true}')).toEqual({ botState: { failures: 0, lookups: [], fromAnOlderVersion: true } });
  });

  it("keeps what order privacy remembers (typed emails, locked lookups, the agent's full copy)", () => {
    const order = { id: '1001', status: 'shipped' as const, trackingNumber: 'JD1', items: [{ name: 'Earbuds', quantity: 1, price: 10 }], total: { value: 10, currency: 'EUR' }, country: 'DE' };
    const state = { failures: 0, lookups: [], orderEmails: ['anna@example.com'], awaitingEmailFor: ['1001'], wrongEmails: 2, agentLookups: [{ orderId: '1001', order }] };
    expect(readBotState(JSON.stringify(state))).toEqual({ botState: state });
  });

  it.each([
    ['not JSON', '{"failures":', /not JSON/],
    ['a wrong type', '{"failures":"two","lookups":[]}', /at failures/],
    ['a malformed lookup', '{"failures":0,"lookups":["garbage from an older bot version"]}', /at lookups\.0/],
    ['null', 'null', /\(root\)/],
  ])('falls back to the initial state for %s, saying why', (_name, json, fault) => {
    const read = readBotState(json);
    expect(read.botState).toEqual(INITIAL_BOT_STATE);
    expect(read.botStateFault).toMatch(fault);
  });

  it('never hands out the frozen initial state itself (a turn may extend it)', () => {
    expect(Object.isFrozen(readBotState('oops').botState)).toBe(false);
  });
});

describe('writtenBotState', () => {
  const earlier = readBotState('{"failures":0,"lookups":[{"orderId":"1002","result":"not_found"}],"turns":[{"intent":"payment","sentimentScore":0}]}').botState;

  it('keeps a valid state as written, frozen, sharing what it carried over, and equal to reading its JSON back', () => {
    const state = { ...earlier, turns: [...(earlier.turns ?? []), { intent: 'refund' as const, sentimentScore: -0.3 }], lastReply: 'Refunds take 5 days.' };
    const json = JSON.stringify(state);
    const written = writtenBotState(state);
    expect(written.botState).toBe(state);
    expect(written.botState.lookups).toBe(earlier.lookups);
    expect(written.botStateFault).toBeUndefined();
    expect(Object.isFrozen(state) && Object.isFrozen(state.turns) && Object.isFrozen(state.turns[1])).toBe(true);
    expect(written).toEqual(readBotState(json));
  });

  it('gives what reading the row back gives for a state that fails the schema: the initial state and the fault', () => {
    const state = { failures: 'many', lookups: 'none' } as never;
    const json = JSON.stringify(state);
    expect(writtenBotState(state)).toEqual(readBotState(json));
    expect(writtenBotState(state).botStateFault).toMatch(/failures/);
  });
  // Entries carried over are checked once (rows.ts keeps what passed, per list): what is new is still checked.
  it('still refuses a bad entry added to a list whose other entries were checked before', () => {
    const state = { ...earlier, lookups: [...earlier.lookups, { orderId: '1003', result: 'lost in the mail' }] } as never;
    expect(writtenBotState(state)).toEqual(readBotState(JSON.stringify(state)));
    expect(writtenBotState(state).botStateFault).toMatch(/at lookups\.1/);
  });

  it('checks an entry moved from another list against its new list', () => {
    const state = { ...earlier, lookups: [...(earlier.turns ?? [])] } as never;
    expect(writtenBotState(state).botStateFault).toMatch(/at lookups\.0/);
  });

  it('still checks the fields beside lists that are all carried over', () => {
    const state = { ...earlier, failures: -1 } as never;
    expect(writtenBotState(state).botStateFault).toMatch(/at failures/);
  });
});

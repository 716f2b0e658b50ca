// Safety incidents go to a person at once; look-alike words ("fire red", "killer deal") do not.
import { describe, expect, it } from 'vitest';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { LOOKALIKE_MESSAGES, SAFETY_MESSAGES } from '../fixtures/safety-cases.js';
import { projectIntents } from '../support/intents.js';

describe('safety', () => {
  it('has at least 40 messages of each kind', () => {
    expect(SAFETY_MESSAGES.length).toBeGreaterThanOrEqual(40);
    expect(LOOKALIKE_MESSAGES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SAFETY_MESSAGES.map((text) => [text]))('critical: %s', (text) => {
    const result = triage(text, NO_HISTORY, projectIntents());
    expect(result.urgency).toBe('critical');
    expect(result.handoff).toBe(true);
    expect(result.reasons.some((reason) => reason.startsWith('safety:') || reason === 'threat:legal')).toBe(true);
  });

  it.each(LOOKALIKE_MESSAGES.map((text) => [text]))('not critical: %s', (text) => {
    const result = triage(text, NO_HISTORY, projectIntents());
    expect(result.safety).toBe(false);
    expect(result.urgency).not.toBe('critical');
  });

  it('does not count a negated incident ("no smoke, no fire")', () => {
    const result = triage('no smoke, no fire, it just does not turn on', NO_HISTORY, projectIntents());
    expect(result.safety).toBe(false);
  });
});

// Complaint detection reads dissatisfaction with the shop: unmet expectations, broken promises,
// things that keep failing, repeated contact, sad faces; a neutral question stays neutral.
import { describe, expect, it } from 'vitest';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { intentSetFrom, projectIntents } from '../support/intents.js';

const UPSET = [
  'honestly expected better from you, the stitching came loose',
  'you promised it would ship on Monday',
  'I was told I would get a call back and nobody called',
  'why is my order taking so long',
  'the app keeps crashing when I check out',
  'I am not able to log in to my account :(',
  'this is the third time I write about the same problem',
  'the chat got disconnected and the agent before was unhelpful',
  'the quality used to be better, the last two were sloppy',
];
const CALM = ['do you have this jacket in blue?', 'what are your opening hours', 'thanks, that helped', 'why is the blue one cheaper than the red one?', "can't wait to wear it to the wedding"];

describe('complaint detection', () => {
  const set = projectIntents();
  it('has cases', () => expect(UPSET.length).toBeGreaterThan(0));
  for (const text of UPSET) {
    it(`upset: "${text}"`, () => expect(triage(text, NO_HISTORY, set).sentiment.label).toBe('negative'));
  }
  for (const text of CALM) {
    it(`not upset: "${text}"`, () => expect(triage(text, NO_HISTORY, set).sentiment.label).not.toBe('negative'));
  }
  it('a broken promise about the product is a complaint', () => {
    expect(triage('not what I expected at all, the colour is off', NO_HISTORY, set).intent).toBe('complaint');
  });
});

describe('a clear complaint is dissatisfaction even without mood words', () => {
  // No shop mood terms (and no AFINN word in the complaint texts): only the complaint score can make these negative.
  const set = intentSetFrom({
    'complaint.yaml': 'intent: complaint\nphrases:\n  en:\n    came apart: 3\n    some feedback: 1.5\n',
    'sentiment.yaml': 'terms: {}\n',
  });

  it('a top complaint score of 2 or more reads as negative', () => {
    const result = triage('the handle came apart', NO_HISTORY, set);
    expect(result.intent).toBe('complaint');
    expect(result.sentiment.label).toBe('negative');
  });

  it('a weak complaint hint stays neutral', () => {
    expect(triage('I have some feedback about the handle', NO_HISTORY, set).sentiment.label).toBe('neutral');
  });

  it('glad words win: a positive message is not made negative', () => {
    expect(triage('the box came apart, still a lovely gift', NO_HISTORY, set).sentiment.label).toBe('positive');
  });

  it('does not hand over by itself: the mood sum decides that', () => {
    expect(triage('the handle came apart', NO_HISTORY, set).handoff).toBe(false);
  });
});

describe('exclamation and question runs', () => {
  const set = projectIntents();
  const label = (text: string) => triage(text, NO_HISTORY, set).sentiment.label;

  it('an insisting question is exasperated without any mood word', () => {
    expect(label('where is the parcel??')).toBe('negative');
    expect(label('where is the parcel?!')).toBe('negative');
  });

  it('"!!" adds to upset words', () => {
    expect(triage('the seam is crooked!!', NO_HISTORY, set).sentiment.score).toBeLessThan(triage('the seam is crooked', NO_HISTORY, set).sentiment.score);
  });

  it('"!!" with no mood word is not anger ("it is here!!")', () => {
    expect(label('the parcel is here!!')).not.toBe('negative');
    expect(label('order now and save!!!')).not.toBe('negative');
  });
});

describe('a negator leans the label towards upset', () => {
  const set = intentSetFrom({ 'sentiment.yaml': 'terms:\n  en:\n    late: -0.5\n' });
  const sentiment = (text: string) => triage(text, NO_HISTORY, set).sentiment;

  it('half a mood point: what did not happen tips a mildly negative message over', () => {
    expect(sentiment('the parcel is late').label).toBe('neutral');
    expect(sentiment('the parcel is late and the courier did not ring').label).toBe('negative');
  });

  it('a negator alone is not upset', () => {
    expect(sentiment('the courier did not ring').label).toBe('neutral');
  });

  it('moves the label only: the score (and what handoff reads) stays the sum of mood words', () => {
    expect(sentiment('the parcel is late and the courier did not ring').score).toBe(sentiment('the parcel is late').score);
  });
});

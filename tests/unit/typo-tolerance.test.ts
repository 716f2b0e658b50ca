// Typo tolerance: bounded Damerau–Levenshtein against the intent vocabulary, run-together words,
// and both shown in `matched` so ops see why a term fired.
import { describe, expect, it } from 'vitest';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { buildTypoIndex, correctTypo, maxEdits, osaDistance, splitRunTogether } from '../../server/triage/typo-index.js';
import { intentSetFrom, projectIntents } from '../support/intents.js';

const cases: Array<{ text: string; intent: string; matched: string }> = [
  { text: 'i want a refnud', intent: 'refund', matched: 'refnud→refund' }, // swapped letters, 6 letters
  { text: 'i need a refundd', intent: 'refund', matched: 'refundd→refund' }, // doubled letter
  { text: 'my shpiment is late', intent: 'logistics', matched: 'shpiment→shipment' }, // swap, 8 letters
  { text: 'payment faild at checkot', intent: 'payment', matched: 'checkot→checkout' }, // dropped letter
  { text: 'can i get a reimbursmnt', intent: 'refund', matched: 'reimbursmnt→reimburse' }, // two edits, 13 letters (same stem as reimburse)
  { text: 'how do i tocancel my order', intent: 'refund', matched: 'tocancel→cancel' }, // run together
  { text: 'what is your refundpolicy', intent: 'refund', matched: 'refundpolicy→refund policy' },
];

describe('typo tolerance in triage', () => {
  const set = projectIntents();
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const { text, intent, matched } of cases) {
    it(`"${text}" → ${intent}, matched shows ${matched}`, () => {
      const result = triage(text, NO_HISTORY, set);
      expect(result.intent).toBe(intent);
      expect(result.intents.find((entry) => entry.intent === intent)!.matched).toContain(matched);
    });
  }

  it('leaves real words alone: "charger" is not "charged", "could" is not "mould"', () => {
    expect(triage('my new phone charger', NO_HISTORY, set).intent).toBe('other');
    const could = triage('where could I check my invoice?', NO_HISTORY, set);
    expect(could.safety).toBe(false);
    expect(could.intent).toBe('payment');
  });

  it('leaves irregular word forms alone: "I chose the wrong size" is no choking case', () => {
    for (const text of ['I chose the wrong size, can I exchange it?', 'I chose a wrong shipping address']) {
      const result = triage(text, NO_HISTORY, set);
      expect(result.safety).toBe(false);
      expect(result.reasons).not.toContain('safety:choking');
    }
    expect(triage('my son choked on a small part', NO_HISTORY, set).reasons).toContain('safety:choking');
  });

  it('reads an unknown word in a message clearly in another language as that language, not an English typo', () => {
    const german = triage('Bitte erstatten Sie mir den Betrag.', NO_HISTORY, set);
    expect(german.safety).toBe(false); // "bitte" is no misspelt "bitten"
    expect(german.intent).toBe('refund');
    expect(german.sentiment.label).not.toBe('negative'); // "Betrag" (amount) is no misspelt "Betrug" (fraud, =exact)
    expect(triage('Das ist Betrug!', NO_HISTORY, set).sentiment.label).toBe('negative');
    expect(triage('i want a refnud', NO_HISTORY, set).intent).toBe('refund'); // English still corrected
  });

  it('never corrects short words or =exact terms', () => {
    const exact = intentSetFrom({ 'logistics.yaml': 'intent: logistics\nkeywords:\n  en:\n    =zorbs: 3\n    parcel: 2\n' });
    expect(triage('zorbz', NO_HISTORY, exact).intent).toBe('other'); // exact-only term: no typo match
    expect(triage('parcl', NO_HISTORY, exact).intent).toBe('logistics'); // 5 letters: one edit
    expect(triage('prcl', NO_HISTORY, exact).intent).toBe('other'); // 4 letters: never
  });
});

describe('typo index', () => {
  const index = buildTypoIndex(['refund', 'shipping', 'reimbursement', 'cancel', 'policy', 'card']);

  it('allows 1 edit at 5-8 letters, 2 at 9+, none below 5', () => {
    expect([maxEdits(4), maxEdits(5), maxEdits(8), maxEdits(9)]).toEqual([0, 1, 1, 2]);
    expect(correctTypo(index, 'refnud')).toBe('refund');
    expect(correctTypo(index, 'rfnud')).toBeUndefined(); // two edits on a 6-letter word
    expect(correctTypo(index, 'shipipng')).toBe('shipping');
    expect(correctTypo(index, 'reimbursmnt')).toBe('reimbursement');
    expect(correctTypo(index, 'caard')).toBeUndefined(); // "card" is too short to be a target
  });

  it('measures adjacent swaps as one edit and stops early past the bound', () => {
    expect(osaDistance('refnud', 'refund', 2)).toBe(1);
    expect(osaDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });

  it('splits run-together words into two known words, one from the intent files', () => {
    const isWord = (word: string) => ['to', 'my', 'your'].includes(word);
    expect(splitRunTogether('tocancel', index, isWord)).toEqual(['to', 'cancel']);
    expect(splitRunTogether('refundpolicy', index, isWord)).toEqual(['refund', 'policy']);
    expect(splitRunTogether('banana', index, isWord)).toBeUndefined();
  });
});

// Unit tests of the pure intent editor: a patch changes only what differs and keeps every
// comment; the summary names each change in one line.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyIntentPatch, summarizeIntentChange } from '../../server/intents/intent-editor.js';
import { IntentFile } from '../../server/intents/intent-file-schema.js';

const FILE = `# Refund: money back. Keep "cancel" here.
intent: refund
priority: 40
keywords:
  # English first: most shoppers write it.
  en:
    refund: 3.5 # the main word
    reimburse: 3
  de:
    erstattung: 3.5
exclude:
  en:
    - refund policy # a question, not a request
    - return to the home page
replies: {}
`;

const data = (text: string) => IntentFile.parse(parse(text));

describe('applyIntentPatch', () => {
  it('changes a weight, adds and removes keywords, and keeps every comment', () => {
    const out = applyIntentPatch(FILE, { keywords: { en: { refund: 4, refundo: 2 }, de: { erstattung: 3.5 } } });
    expect(out).toBe(FILE.replace('refund: 3.5 # the main word\n    reimburse: 3\n', 'refund: 4 # the main word\n    refundo: 2\n'));
  });

  it('leaves the text byte for byte when the patch changes nothing', () => {
    expect(applyIntentPatch(FILE, { keywords: parse(FILE).keywords, priority: 40 })).toBe(FILE);
  });

  it('replaces a map given in the patch: languages not named are removed', () => {
    expect(parse(applyIntentPatch(FILE, { keywords: { en: { refund: 3.5 } } })).keywords).toEqual({ en: { refund: 3.5 } });
  });

  it('keeps list items by value, with their comments', () => {
    const out = applyIntentPatch(FILE, { exclude: { en: ['refund policy', 'store credit'] } });
    expect(out).toContain('- refund policy # a question, not a request');
    expect(out).toContain('- store credit');
    expect(out).not.toContain('return to the home page');
  });

  it('writes a block map into an empty flow map, and adds fields the file lacks', () => {
    const out = applyIntentPatch(FILE, { replies: { en: { fallback: { acknowledge: 'a', empathize: 'b', reassure: 'c' } } }, negatable: true });
    expect(out).toContain('replies:\n  en:\n    fallback:\n      acknowledge: a');
    expect(out).toMatch(/\nnegatable: true\n$/);
    expect(data(out).replies.en?.fallback?.reassure).toBe('c');
  });

  it('never folds long lines it did not touch', () => {
    const long = `intent: refund\nreplies:\n  en:\n    x:\n      acknowledge: "${'word '.repeat(40).trim()}"\n      empathize: e\n      reassure: r\n`;
    expect(applyIntentPatch(long, { priority: 1 })).toBe(`${long}priority: 1\n`);
  });

  it('refuses a file with YAML errors', () => {
    expect(() => applyIntentPatch('keywords: [unclosed\n', { priority: 1 })).toThrow(/YAML errors/);
  });
});

describe('summarizeIntentChange', () => {
  it('names added, removed and re-weighted terms, list changes, replies and scalars', () => {
    const after = applyIntentPatch(FILE, {
      keywords: { en: { refund: 4, refundo: 2 }, de: { erstattung: 3.5 } },
      exclude: { en: ['refund policy', 'store credit'] },
      priority: 45,
      replies: { en: { fallback: { acknowledge: 'a', empathize: 'b', reassure: 'c' } } },
    });
    expect(summarizeIntentChange(data(FILE), data(after))).toBe(
      'keywords.en: +refundo, -reimburse, refund 3.5→4; exclude.en: +store credit, -return to the home page; replies.en: fallback; priority 40→45',
    );
  });

  it('says so when nothing changed or a side does not validate', () => {
    expect(summarizeIntentChange(data(FILE), data(FILE))).toBe('no changes');
    expect(summarizeIntentChange(undefined, data(FILE))).toBe('replaced a file that did not validate');
  });
});

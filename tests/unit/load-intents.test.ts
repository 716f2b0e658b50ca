import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntentLoadError, parseIntentFiles, type IntentFileText } from '../../server/intents/load-intents.js';
import { INTENTS_DIR } from '../support/intents.js';

const projectFiles = (): IntentFileText[] =>
  readdirSync(INTENTS_DIR).filter((name) => name.endsWith('.yaml')).map((name) => ({ name, text: readFileSync(join(INTENTS_DIR, name), 'utf8') }));

/** The project's files with one replaced, so each test breaks exactly one thing. */
function withFile(name: string, text: string): IntentFileText[] {
  return [...projectFiles().filter((file) => file.name !== name), { name, text }];
}

function loadError(files: IntentFileText[]): string {
  try {
    parseIntentFiles(files);
  } catch (error) {
    expect(error).toBeInstanceOf(IntentLoadError);
    return (error as Error).message;
  }
  throw new Error('expected the files to be rejected');
}

describe('parseIntentFiles', () => {
  it('accepts the project intents', () => {
    const sources = parseIntentFiles(projectFiles());
    expect(sources.intents.map((file) => file.intent).sort()).toEqual(['complaint', 'human', 'logistics', 'other', 'payment', 'refund']);
  });

  it('names file, line, column and field for a wrong weight', () => {
    const message = loadError(withFile('refund.yaml', 'intent: refund\nkeywords:\n  en:\n    refund: lots\n'));
    expect(message).toBe('intents/refund.yaml:4:5 keywords.en.refund: a weight is a number such as 1, 2.5 or 0.5');
  });

  it('refuses regular expressions in terms', () => {
    const message = loadError(withFile('payment.yaml', 'intent: payment\nphrases:\n  en:\n    "pay(ment)?.*": 2\n'));
    expect(message).toMatch(/^intents\/payment\.yaml:4:5 phrases\.en\.pay\(ment\)\?\.\*: write plain words, not a regular expression/);
  });

  it('refuses a letter three times in a row, which shopper text loses ("bbb" would be "b")', () => {
    const message = loadError(withFile('human.yaml', 'intent: human\nkeywords:\n  en:\n    agent: 2\n    heeelp: 2\n'));
    expect(message).toMatch(/^intents\/human\.yaml:5:5 keywords\.en\.heeelp: a letter three times in a row/);
  });

  it('reports YAML syntax errors with their line', () => {
    const message = loadError(withFile('human.yaml', 'intent: human\nkeywords:\n  en:\n    agent: 2\n    agent: 3\n'));
    expect(message).toMatch(/^intents\/human\.yaml:5:\d+ YAML syntax: Map keys must be unique/);
  });

  it('rejects unknown fields, a wrong language code and a mismatched intent name', () => {
    expect(loadError(withFile('other.yaml', 'intent: other\nkeywrds: {}\n'))).toMatch(/intents\/other\.yaml:1:1 .*keywrds/);
    expect(loadError(withFile('other.yaml', 'intent: other\nkeywords:\n  english:\n    hello: 1\n'))).toMatch(
      /intents\/other\.yaml:3:\d+ keywords\.english: use a two-letter language code/,
    );
    expect(loadError(withFile('other.yaml', 'intent: human\n'))).toMatch(/intents\/other\.yaml intent: says "human" but the file is other\.yaml/);
  });

  it('requires every intent file and names the missing one', () => {
    const message = loadError(projectFiles().filter((file) => file.name !== 'logistics.yaml'));
    expect(message).toContain('intents/logistics.yaml missing');
  });

  it('rejects a file it does not know', () => {
    expect(loadError([...projectFiles(), { name: 'shipping.yaml', text: 'intent: logistics\n' }])).toContain('intents/shipping.yaml unknown file');
  });
});

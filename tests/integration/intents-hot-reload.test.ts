// Hot reload on a real server watching a temporary copy of intents/: an edit on disk is live
// within 2 s without a restart; a broken edit is rejected with file, line and field, shown by
// GET /api/intents and logged, while the last valid set keeps classifying.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntentsResponse } from '../../server/protocol.js';
import { signUp, type SignedInAgent } from '../support/agent-client.js';
import { api, classify, pollUntil } from '../support/rest-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let agent: SignedInAgent;
let refundFile: string;
let original: string;

/** A word no intent file knows, so it can only classify through the edit. */
const WORD = 'zorblax';

beforeAll(async () => {
  server = await startTestServer({ copyIntents: true });
  agent = await signUp(server, 'Hana');
  refundFile = join(server.intentsDir, 'refund.yaml');
  original = readFileSync(refundFile, 'utf8');
});
afterAll(async () => {
  await server.close();
});

/** refund.yaml with one more English keyword, written as its first entry. */
function withKeyword(entry: string): string {
  const edited = original.replace(/^keywords:\n {2}en:\n/m, (header) => `${header}    ${entry}\n`);
  expect(edited).not.toBe(original);
  return edited;
}

describe('hot reload of intent files', () => {
  it('serves a copy, not the project folder', () => {
    expect(server.intentsDir).not.toBe(join(process.cwd(), 'intents'));
    expect(original).toContain('intent: refund');
  });

  it('makes a keyword added on disk live within 2 seconds, without a restart', async () => {
    expect((await classify(server, agent.token, `${WORD} please`)).intent).toBe('other');
    writeFileSync(refundFile, withKeyword(`${WORD}: 5`));
    const elapsed = await pollUntil(async () => (await classify(server, agent.token, `${WORD} please`)).intent === 'refund', 2000);
    expect(elapsed, 'the edit was not live within 2 s').toBeGreaterThanOrEqual(0);
    expect((await classify(server, agent.token, `${WORD} please`)).intents[0]).toMatchObject({ intent: 'refund', matched: [WORD] });
  });

  it('rejects a broken edit with file, line and field, and keeps classifying with the last valid set', async () => {
    const broken = withKeyword(`${WORD}: lots`);
    const line = broken.split('\n').findIndex((text) => text.includes(`${WORD}: lots`)) + 1;
    writeFileSync(refundFile, broken);
    const elapsed = await pollUntil(async () => (await api<IntentsResponse>(server, agent.token, 'GET', '/api/intents')).body.errors.length > 0, 2000);
    expect(elapsed, 'the broken edit was not reported within 2 s').toBeGreaterThanOrEqual(0);

    const { status, body } = await api<IntentsResponse>(server, agent.token, 'GET', '/api/intents');
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      { file: expect.stringMatching(/refund\.yaml$/), line, column: 5, path: `keywords.en.${WORD}`, message: expect.stringContaining('a weight is a number') },
    ]);
    // The page shows the file as it is on disk, next to the set that keeps serving.
    expect(body.intents.find((intent) => intent.name === 'refund')!.yaml).toBe(broken);
    expect(body.intents.find((intent) => intent.name === 'refund')!.data!.keywords.en![WORD]).toBe(5);

    // The previous valid set (with the keyword at weight 5) still classifies.
    expect((await classify(server, agent.token, `${WORD} please`)).intent).toBe('refund');
    expect((await classify(server, agent.token, 'where is my parcel, the tracking has not moved')).intent).toBe('logistics');
    expect(server.logs.some((log) => log.level === 40 && String(log.msg).includes('intent edit rejected') && String(log.errors).includes(`keywords.en.${WORD}`))).toBe(true);
  });

  it('clears the errors once the file is valid again', async () => {
    writeFileSync(refundFile, original);
    const elapsed = await pollUntil(async () => (await api<IntentsResponse>(server, agent.token, 'GET', '/api/intents')).body.errors.length === 0, 2000);
    expect(elapsed).toBeGreaterThanOrEqual(0);
    expect((await classify(server, agent.token, `${WORD} please`)).intent).toBe('other');
  });
});

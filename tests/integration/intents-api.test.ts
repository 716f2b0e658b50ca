// The Intents page API on a real server over a temporary copy of intents/: an ops PUT changes
// the very next classification, agents are refused, invalid edits answer 422 with file, line and
// field, preview lists the flips on examples.jsonl, history records who/when/what, restore brings
// the previous file back, and a patch keeps the comments ops wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntentFileError, IntentsResponse, IntentVersion, PreviewResponse, SaveIntentResponse } from '../../server/protocol.js';
import { signUp, type SignedInAgent } from '../support/agent-client.js';
import { api, classify } from '../support/rest-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let ops: SignedInAgent;
let agent: SignedInAgent;
const refundFile = () => join(server.intentsDir, 'refund.yaml');
const refundText = () => readFileSync(refundFile(), 'utf8');
/** The body of a refused call; a 422 `invalid_intents` lists where in `details`. */
interface ErrorBody {
  error: { code: string; message: string; details: IntentFileError[] };
}

/** refund.yaml's English keywords as on disk now, plus `extra` (a weight, or a wrong value to be refused): a patch replaces the whole map. */
const keywordsWith = (extra: Record<string, unknown>) => {
  const keywords = parse(refundText()).keywords as Record<string, Record<string, number>>;
  return { ...keywords, en: { ...keywords.en, ...extra } };
};

beforeAll(async () => {
  server = await startTestServer({ copyIntents: true });
  [ops, agent] = await Promise.all([signUp(server, 'Olga', 'ops'), signUp(server, 'Ari', 'agent')]);
});
afterAll(async () => {
  await server.close();
});

describe('GET /api/intents', () => {
  it('lists every intent with its file, text and parsed data, no errors and the examples count, to agents too', async () => {
    const { status, body } = await api<IntentsResponse>(server, agent.token, 'GET', '/api/intents');
    expect(status).toBe(200);
    expect(body.intents.map((intent) => intent.name)).toEqual(['logistics', 'refund', 'payment', 'complaint', 'human', 'other']);
    const refund = body.intents[1];
    expect(refund).toMatchObject({ file: expect.stringMatching(/refund\.yaml$/), yaml: refundText(), data: { intent: 'refund', priority: 40 } });
    expect(body.errors).toEqual([]);
    expect(body.examplesCount).toBeGreaterThan(100);
  });
});

describe('PUT /api/intents/:name', () => {
  it('lets ops add a keyword that the very next classification uses', async () => {
    expect((await classify(server, agent.token, 'quorvex now')).intent).toBe('other');
    const { status, body } = await api<SaveIntentResponse>(server, ops.token, 'PUT', '/api/intents/refund', { patch: { keywords: keywordsWith({ quorvex: 5 }) } });
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, version: { id: expect.any(String), at: expect.any(String), author: 'Olga', summary: 'keywords.en: +quorvex' } });
    expect((await classify(server, agent.token, 'quorvex now')).intent).toBe('refund');
    expect(parse(refundText()).keywords.en.quorvex).toBe(5);
  });

  it('refuses an agent with 403 and changes nothing', async () => {
    const before = refundText();
    const { status, body } = await api<ErrorBody>(server, agent.token, 'PUT', '/api/intents/refund', { patch: { priority: 99 } });
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
    expect(refundText()).toBe(before);
    expect((await api(server, agent.token, 'POST', '/api/intents/refund/preview', { patch: { priority: 99 } })).status).toBe(403);
    expect((await api(server, agent.token, 'GET', '/api/intents/refund/history')).status).toBe(403);
  });

  it('answers 422 with file, line and field for an invalid value, and keeps the file and the live set', async () => {
    const before = refundText();
    const { status, body } = await api<ErrorBody>(server, ops.token, 'PUT', '/api/intents/refund', { patch: { keywords: keywordsWith({ blorp: 'lots' }) } });
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: 'invalid_intents', message: expect.any(String) });
    expect(body.error.details).toEqual([
      { file: expect.stringMatching(/refund\.yaml$/), line: expect.any(Number), column: 5, path: 'keywords.en.blorp', message: expect.stringContaining('a weight is a number') },
    ]);
    expect(refundText()).toBe(before);
    expect((await classify(server, agent.token, 'quorvex now')).intent).toBe('refund');
  });

  it('answers 422 with the field path for a bad body, a YAML syntax error and a renamed intent', async () => {
    const unknownField = await api<ErrorBody>(server, ops.token, 'PUT', '/api/intents/refund', { patch: { intent: 'payment' } });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.details[0]).toMatchObject({ path: 'patch.intent' });
    const syntax = await api<ErrorBody>(server, ops.token, 'PUT', '/api/intents/refund', { yaml: 'intent: refund\nkeywords: [unclosed\n' });
    expect(syntax.status).toBe(422);
    expect(syntax.body.error.details[0]).toMatchObject({ file: expect.stringMatching(/refund\.yaml$/), line: expect.any(Number), message: expect.stringContaining('YAML syntax') });
    const renamed = await api<ErrorBody>(server, ops.token, 'PUT', '/api/intents/refund', { yaml: refundText().replace('intent: refund', 'intent: payment') });
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.details[0]).toMatchObject({ path: 'intent' });
    expect((await api(server, ops.token, 'PUT', '/api/intents/shipping', { patch: { priority: 1 } })).status).toBe(404);
  });

  it('keeps the comments of the file when applying a patch', async () => {
    const before = refundText();
    const comments = before.split('\n').filter((line) => line.trim().startsWith('#'));
    expect(comments.length).toBeGreaterThan(2);
    const { status } = await api(server, ops.token, 'PUT', '/api/intents/refund', { patch: { priority: 41 } });
    expect(status).toBe(200);
    const after = refundText();
    for (const comment of comments) expect(after).toContain(comment);
    // Only the changed line differs.
    expect(after).toBe(before.replace(/^priority: 40$/m, 'priority: 41'));
  });
});

describe('POST /api/intents/:name/preview', () => {
  it('evaluates the current and the candidate set on examples.jsonl and lists the rows that would flip', async () => {
    const before = refundText();
    const { status, body } = await api<PreviewResponse>(server, ops.token, 'POST', '/api/intents/refund/preview', { patch: { keywords: keywordsWith({ tracking: 10 }) } });
    expect(status).toBe(200);
    expect(body.current.n).toBeGreaterThan(100);
    expect(body.flips).toContainEqual({ text: 'tracking pls', expected: 'logistics', from: 'logistics', to: 'refund' });
    expect(body.flips.every((flip) => flip.to === 'refund')).toBe(true);
    expect(body.candidate.intent!.perIntent.logistics!.recall).toBeLessThan(body.current.intent!.perIntent.logistics!.recall);
    expect(body.candidate.intent!.perIntent.refund!.precision).toBeLessThan(body.current.intent!.perIntent.refund!.precision);
    // A preview saves nothing.
    expect(refundText()).toBe(before);
    expect((await classify(server, agent.token, 'tracking pls')).intent).toBe('logistics');
  });

  it('answers 422 like PUT for an invalid candidate', async () => {
    const { status, body } = await api<ErrorBody>(server, ops.token, 'POST', '/api/intents/refund/preview', { patch: { priority: 'high' } });
    expect(status).toBe(422);
    expect(body.error.details[0]).toMatchObject({ path: 'priority' });
  });
});

describe('history and restore', () => {
  it('lists who changed what, newest first, and restores the previous version: file and classification', async () => {
    const before = refundText();
    const saved = await api<SaveIntentResponse>(server, ops.token, 'PUT', '/api/intents/refund', { patch: { keywords: keywordsWith({ vexaly: 4 }) } });
    expect(saved.status).toBe(200);
    expect((await classify(server, agent.token, 'vexaly')).intent).toBe('refund');

    const history = await api<IntentVersion[]>(server, ops.token, 'GET', '/api/intents/refund/history');
    expect(history.status).toBe(200);
    const [latest, previous, ...older] = history.body;
    expect(latest).toEqual(saved.body.version);
    expect(latest!.summary).toBe('keywords.en: +vexaly');
    expect(previous).toMatchObject({ author: 'Olga', summary: 'priority 40→41' });
    // The audit log starts with the file as it was before the first console edit.
    expect(older.at(-1)).toMatchObject({ author: 'file on disk', summary: 'the file as it was before the first console edit' });

    const restored = await api<SaveIntentResponse>(server, ops.token, 'POST', '/api/intents/refund/restore', { versionId: previous!.id });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ ok: true, version: { author: 'Olga', summary: expect.stringMatching(/^restored the version of .* by Olga: keywords\.en: -vexaly$/) } });
    expect(refundText()).toBe(before);
    expect((await classify(server, agent.token, 'vexaly')).intent).toBe('other');
    const after = await api<IntentVersion[]>(server, ops.token, 'GET', '/api/intents/refund/history');
    expect(after.body).toHaveLength(history.body.length + 1);
    expect(after.body[0]).toEqual(restored.body.version);
  });

  it('answers 404 for a version of another intent', async () => {
    const [version] = (await api<IntentVersion[]>(server, ops.token, 'GET', '/api/intents/refund/history')).body;
    const { status } = await api(server, ops.token, 'POST', '/api/intents/payment/restore', { versionId: version!.id });
    expect(status).toBe(404);
  });
});

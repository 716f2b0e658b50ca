// Reports on a real server after a scripted set of conversations: the summary numbers, the
// complaint ledger CSV (parsed back with a small RFC 4180 parser: commas, quotes and newlines
// inside fields), and the follow-up loop (created on resolving a complaint, listed, marked done).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Followup, ReportSummary } from '../../server/protocol.js';
import { closeAgents, signUp, type SignedInAgent } from '../support/agent-client.js';
import { AGENT_REPLY, NOTE_TEXT, runDeskScript, SAFETY_TEXT, type DeskScript } from '../support/desk-script.js';
import { api } from '../support/rest-client.js';
import { closeClients } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let script: DeskScript;
let ops: SignedInAgent;
let colleague: SignedInAgent;
let offsetMs = 0;
const period = () => {
  const now = Date.now() + offsetMs;
  return `from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`;
};

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + offsetMs), env: { FOLLOW_UP_DELAY_HOURS: '24' } });
  script = await runDeskScript(server, { note: true, rating: 2 });
  [ops, colleague] = await Promise.all([signUp(server, 'Olga', 'ops'), signUp(server, 'Leo')]);
  // Past BOT_IDLE_MINUTES (30 by default): the conversation the bot helped is now finished.
  offsetMs = 31 * 60_000;
  await server.app.ops.settle(); // the sweep's timer, run now: reports only read
});
afterAll(async () => {
  closeClients();
  closeAgents();
  await server.close();
});

/** RFC 4180: records of fields; quoted fields may hold commas, CRLF/LF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') record.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field), records.push(record), (record = []), (field = ''), i++;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

describe('parseCsv (the test parser itself)', () => {
  it('reads quoted commas, quotes and newlines', () => {
    expect(parseCsv('a,b\r\n"1, 2","say ""hi""\nthere"\r\n')).toEqual([['a', 'b'], ['1, 2', 'say "hi"\nthere']]);
  });
});

describe('GET /api/reports/summary', () => {
  it('gives containment, handoffs by reason, first response, ratings, top intents and keyword hits', async () => {
    const { status, body } = await api<ReportSummary>(server, script.agent.token, 'GET', `/api/reports/summary?${period()}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      conversations: 3,
      solvedByBot: 1,
      containment: 0.3333,
      handoffs: 2,
      handoffRate: 0.6667,
      handoffsByReason: { safety: 1, request: 1 },
      averageRating: 2,
      ratings: 1,
      topIntents: [
        { intent: 'complaint', count: 1 },
        { intent: 'human', count: 1 },
        { intent: 'logistics', count: 1 },
      ],
    });
    expect(body.firstResponseSeconds.p50).toBeGreaterThanOrEqual(0);
    expect(body.firstResponseSeconds.p50).toBeLessThan(60);
    expect(body.firstResponseSeconds.p90).toBe(body.firstResponseSeconds.p50);
    expect(body.keywords.fired).toContainEqual({ term: 'caught fire', intent: 'complaint', count: 1 });
    expect(body.keywords.fired).toContainEqual({ term: 'where is my order', intent: 'logistics', count: 1 });
    expect(body.keywords.neverFired).toContainEqual({ term: 'refund', intent: 'refund' });
    expect(body.keywords.neverFired).not.toContainEqual({ term: 'caught fire', intent: 'complaint' });
  });

  it('counts nothing in a period before the script and refuses a bad range', async () => {
    const empty = await api<ReportSummary>(server, script.agent.token, 'GET', '/api/reports/summary?from=2020-01-01T00:00:00Z&to=2020-01-08T00:00:00Z');
    expect(empty.body).toMatchObject({ conversations: 0, containment: null, handoffRate: null, averageRating: null, firstResponseSeconds: { p50: null, p90: null } });
    expect((await api(server, script.agent.token, 'GET', '/api/reports/summary?from=yesterday')).status).toBe(400);
    expect((await fetch(`${server.url}/api/reports/summary`)).status).toBe(401);
  });
});

describe('GET /api/reports/ledger.csv', () => {
  it('has one row per escalated conversation that parses back with commas, quotes and newlines intact', async () => {
    const res = await fetch(`${server.url}/api/reports/ledger.csv?${period()}`, { headers: { authorization: `Bearer ${script.agent.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(['conversation', 'contact', 'intent', 'reasons', 'opened', 'first_response', 'resolved', 'resolution_note', 'rating', 'case']);
    expect(rows.map((row) => row[0]).sort()).toEqual([script.safetyId, script.humanId].sort());
    const safety = Object.fromEntries(header!.map((name, i) => [name, rows.find((row) => row[0] === script.safetyId)![i]]));
    const conversation = await server.store.getConversation(script.safetyId);
    expect(safety).toEqual({
      conversation: script.safetyId,
      contact: 'jo.shopper@example.com',
      intent: 'complaint',
      reasons: expect.stringContaining('safety:fire'),
      opened: conversation!.createdAt,
      first_response: conversation!.firstResponseAt,
      resolved: conversation!.resolvedAt,
      resolution_note: NOTE_TEXT,
      rating: '2',
      case: '1',
    });
    const human = Object.fromEntries(header!.map((name, i) => [name, rows.find((row) => row[0] === script.humanId)![i]]));
    expect(human).toMatchObject({ contact: 'locale en-GB; page /kettles?color=red,blue', intent: 'human', resolved: '', resolution_note: '', rating: '' });
    expect(SAFETY_TEXT).toContain('\n');
  });

  it('falls back to the last agent message when there is no note', async () => {
    const second = await startTestServer();
    try {
      const run = await runDeskScript(second);
      const res = await fetch(`${second.url}/api/reports/ledger.csv`, { headers: { authorization: `Bearer ${run.agent.token}` } });
      const [header, ...rows] = parseCsv(await res.text());
      const row = rows.find((fields) => fields[0] === run.safetyId)!;
      expect(row[header!.indexOf('resolution_note')]).toBe(AGENT_REPLY);
    } finally {
      await second.close();
    }
  });
});

describe('follow-ups', () => {
  it('schedules a reminder for the resolving agent when a complaint is resolved, due after FOLLOW_UP_DELAY_HOURS', async () => {
    const mine = await api<Followup[]>(server, script.agent.token, 'GET', '/api/followups');
    expect(mine.status).toBe(200);
    const resolvedAt = (await server.store.getConversation(script.safetyId))!.resolvedAt!;
    expect(mine.body).toEqual([
      {
        id: expect.any(String),
        conversationId: script.safetyId,
        agentId: script.agent.id,
        dueAt: new Date(Date.parse(resolvedAt) + 24 * 3_600_000).toISOString(),
        createdAt: expect.any(String),
        done: false,
        doneAt: null,
        intent: 'complaint',
        preview: SAFETY_TEXT,
      },
    ]);
    expect((await api<Followup[]>(server, colleague.token, 'GET', '/api/followups')).body).toEqual([]);
    expect((await api<Followup[]>(server, ops.token, 'GET', '/api/followups')).body).toHaveLength(1);
  });

  it('is marked done by its agent (not by a colleague) and then listed as done', async () => {
    const [followUp] = (await api<Followup[]>(server, script.agent.token, 'GET', '/api/followups')).body;
    const refused = await api(server, colleague.token, 'POST', `/api/followups/${followUp!.id}/done`, {});
    expect(refused.status).toBe(403);
    const done = await api(server, script.agent.token, 'POST', `/api/followups/${followUp!.id}/done`, {});
    expect(done.status).toBe(200);
    const [after] = (await api<Followup[]>(server, script.agent.token, 'GET', '/api/followups')).body;
    expect(after).toMatchObject({ id: followUp!.id, done: true, doneAt: expect.any(String) });
    expect((await api(server, script.agent.token, 'POST', '/api/followups/nope/done', {})).status).toBe(404);
  });
});

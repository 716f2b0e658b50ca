// The REST half of the protocol holds at run time too: every answer the console reads from a real
// server (login, email status, intents, preview, save, history, restore, report summary,
// follow-ups) parses with its zod schema from server/protocol-rest.ts, so the console's
// `import type` describes what actually arrives (tsc checks the routes' declared results).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  EmailStatus,
  Followup,
  IntentsResponse,
  IntentVersion,
  LoginResponse,
  PreviewResponse,
  ReportSummary,
  SaveIntentResponse,
} from '../../server/protocol.js';
import { login, signUp, type SignedInAgent } from '../support/agent-client.js';
import { api } from '../support/rest-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let ops: SignedInAgent;

beforeAll(async () => {
  server = await startTestServer({ copyIntents: true });
  ops = await signUp(server, 'Rita', 'ops');
});
afterAll(async () => {
  await server.close();
});

/** Parses with the schema (extra fields allowed, as the server may send more than the console reads). */
async function expectShape(schema: z.ZodType, path: string, method = 'GET', body?: unknown): Promise<void> {
  const res = await api(server, ops.token, method, path, body);
  expect(res.status, `${method} ${path}`).toBe(200);
  const parsed = schema.safeParse(res.body);
  expect(parsed.success ? [] : parsed.error.issues, `${method} ${path}`).toEqual([]);
}

describe('REST responses against the protocol schemas', () => {
  it('login answers a LoginResponse', async () => {
    const res = await login(server, ops.email, ops.password);
    expect(LoginResponse.safeParse(await res.json()).success).toBe(true);
  });

  it('the intents tuning answers match', async () => {
    await expectShape(IntentsResponse, '/api/intents');
    const patch = { priority: 41 };
    await expectShape(PreviewResponse, '/api/intents/refund/preview', 'POST', { patch });
    await expectShape(SaveIntentResponse, '/api/intents/refund', 'PUT', { patch });
    await expectShape(IntentVersion.array(), '/api/intents/refund/history');
    const [version] = (await api<IntentVersion[]>(server, ops.token, 'GET', '/api/intents/refund/history')).body;
    await expectShape(SaveIntentResponse, '/api/intents/refund/restore', 'POST', { versionId: version!.id });
  });

  it('email status, report summary and follow-ups match', async () => {
    await expectShape(EmailStatus, '/api/email-status');
    await expectShape(ReportSummary, '/api/reports/summary');
    await expectShape(Followup.array(), '/api/followups');
  });
});

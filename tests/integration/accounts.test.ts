// Accounts over a real server (SPEC §10): logout revokes the token; ops disable an account and
// its tokens stop at once (REST and the console socket); name, role and languages change;
// passwords are at least 10 characters and not common; tokens expire after inactivity.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSummary } from '../../server/auth/auth-service.js';
import { closeAgents, connectAgent, login, signUp, type SignedInAgent } from '../support/agent-client.js';
import { api } from '../support/rest-client.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
let boss: SignedInAgent;
let now = Date.parse('2026-11-30T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ env: { AGENT_IDLE_MINUTES: '30' }, clock: () => new Date(now) });
  boss = await signUp(server, 'Boss', 'ops');
});
afterEach(() => closeAgents());
afterAll(async () => {
  await server.close();
});

const me = (token: string) => api(server, token, 'GET', '/api/followups');

describe('accounts', () => {
  it('logout revokes the token at once', async () => {
    const mia = await signUp(server, 'Mia');
    expect((await me(mia.token)).status).toBe(200);
    await connectAgent(server.url, mia.token);
    expect((await api(server, mia.token, 'POST', '/api/auth/logout', {})).status).toBe(200);
    expect((await me(mia.token)).status).toBe(401);
    await expect(connectAgent(server.url, mia.token)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });

  it('ops disable an account: its tokens and its open console stop at once, and it cannot sign in', async () => {
    const leo = await signUp(server, 'Leo');
    const console = await connectAgent(server.url, leo.token);
    const closed = new Promise((resolve) => console.socket.once('disconnect', resolve));
    const res = await api<{ agent: AgentSummary }>(server, boss.token, 'PATCH', `/api/agents/${leo.id}`, { disabled: true });
    expect(res).toMatchObject({ status: 200, body: { agent: { id: leo.id, disabled: true } } });
    expect((await me(leo.token)).status).toBe(401);
    await closed;
    expect((await login(server, leo.email, leo.password)).status).toBe(401);
    await api(server, boss.token, 'PATCH', `/api/agents/${leo.id}`, { disabled: false });
    expect((await login(server, leo.email, leo.password)).status).toBe(200);
  });

  it('ops rename, change role and languages; an agent may not; ops cannot disable themselves', async () => {
    const nina = await signUp(server, 'Nina');
    const changed = await api<{ agent: AgentSummary }>(server, boss.token, 'PATCH', `/api/agents/${nina.id}`, { name: 'Nina K', role: 'ops', languages: ['de', 'fr'] });
    expect(changed.body).toEqual({ agent: { id: nina.id, name: 'Nina K', role: 'ops', email: nina.email, languages: ['de', 'fr'], disabled: false } });
    const agent = await signUp(server, 'Plain');
    expect((await api(server, agent.token, 'PATCH', `/api/agents/${nina.id}`, { disabled: true })).status).toBe(403);
    expect((await api(server, boss.token, 'PATCH', `/api/agents/${boss.id}`, { disabled: true })).status).toBe(400);
    expect((await api(server, boss.token, 'PATCH', `/api/agents/${nina.id}`, { password: 'x' })).status).toBe(400);
    expect((await api(server, boss.token, 'PATCH', '/api/agents/nobody', { name: 'X' })).status).toBe(404);
  });

  it('an agent sets their own languages (and nothing else about themselves); sign-in returns them', async () => {
    const li = await signUp(server, 'Li');
    const own = await api<{ agent: AgentSummary }>(server, li.token, 'PATCH', `/api/agents/${li.id}`, { languages: ['zh', 'en'] });
    expect(own).toMatchObject({ status: 200, body: { agent: { id: li.id, languages: ['zh', 'en'], role: 'agent' } } });
    expect((await api(server, li.token, 'PATCH', `/api/agents/${li.id}`, { languages: ['zh'], role: 'ops' })).status).toBe(403);
    expect((await api(server, li.token, 'PATCH', `/api/agents/${boss.id}`, { languages: ['zh'] })).status).toBe(403);
    const again = await login(server, li.email, li.password);
    expect(await again.json()).toMatchObject({ agent: { id: li.id, languages: ['zh', 'en'] } });
  });

  it('refuses short and common passwords for new accounts', async () => {
    const create = (password: string) => api<{ error: { details: { path: string } } }>(server, boss.token, 'POST', '/api/agents', { email: `p${Math.random()}@shop.example`, name: 'P', password, role: 'ops' });
    for (const weak of ['12345678', '1234567890', '12345678901', 'Password2024!', 'qwertyuiop', 'aaaaaaaaaaaa']) {
      const res = await create(weak);
      expect(res.status, weak).toBe(400);
      expect(res.body.error.details.path).toBe('password');
    }
    expect((await create('violet lantern harbor')).status).toBe(201);
  });

  it('a token stops working after AGENT_IDLE_MINUTES without use, and use keeps it alive', async () => {
    const ida = await signUp(server, 'Ida');
    now += 25 * 60 * 1000;
    expect((await me(ida.token)).status).toBe(200);
    now += 25 * 60 * 1000; // 50 minutes after login, but only 25 after the last use
    expect((await me(ida.token)).status).toBe(200);
    now += 31 * 60 * 1000;
    expect((await me(ida.token)).status).toBe(401);
  });
});

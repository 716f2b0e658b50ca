/**
 * Several real RelayDesk nodes (child processes, `relaydesk serve`) on one fresh PostgreSQL
 * database and one Redis (a key prefix of their own), as a shop runs them behind a load
 * balancer. Nodes can be killed and started again; `close()` stops them all and drops the database.
 *
 * @example
 *   const cluster = await startCluster(2);
 *   const [a, b] = cluster.nodes; … a.child.kill('SIGKILL'); … await cluster.close();
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTENTS_DIR } from './intents.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { TEST_REDIS_URL, uniqueRedisPrefix } from './redis.js';
import { spawnServer, type SpawnedServer } from './spawn-server.js';

export const ADMIN = { email: 'ops@cluster.example', password: 'cluster-admin-password-1' };

export interface Cluster {
  nodes: SpawnedServer[];
  database: TestDatabase;
  /** The environment every node gets (DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX, admin). */
  env: Record<string, string>;
  /** Starts one more node on the same database and Redis (e.g. a restart after SIGKILL). */
  startNode(extraEnv?: Record<string, string>): Promise<SpawnedServer>;
  close(): Promise<void>;
}

export async function startCluster(count: number, extraEnv: Record<string, string> = {}): Promise<Cluster> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-cluster-'));
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: uniqueRedisPrefix(),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...extraEnv,
  };
  const started: SpawnedServer[] = [];
  let copies = 0;
  const startNode = async (more: Record<string, string> = {}) => {
    // Each node reads intents from its own disk, as on separate machines (edits travel through the database and Redis).
    const intentsDir = join(dataDir, `intents-${(copies += 1)}`);
    cpSync(INTENTS_DIR, intentsDir, { recursive: true });
    const node = await spawnServer({ ...env, INTENTS_DIR: intentsDir, ...more });
    started.push(node);
    return node;
  };
  // One after the other: the first migrates, the next find the schema ready (parallel starts are
  // also safe, kysely serializes migrations with an advisory lock, but slower on a loaded CI box).
  const nodes: SpawnedServer[] = [];
  for (let i = 0; i < count; i++) nodes.push(await startNode());
  return {
    nodes,
    database,
    env,
    startNode,
    async close() {
      await Promise.all(
        started.map(async (node) => {
          if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGTERM');
          await node.exited;
        }),
      );
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in over REST on `url`; returns the token. */
export async function loginAt(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login on ${url} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Creates an agent account through `POST /api/agents` on `url` (ops token) and signs it in there. */
export async function createAgentAt(url: string, opsToken: string, name: string): Promise<{ email: string; password: string; token: string }> {
  const email = `${name.toLowerCase()}@cluster.example`;
  const password = `${name.toLowerCase()}-secret-password-9`;
  const res = await fetch(`${url}/api/agents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${opsToken}` },
    body: JSON.stringify({ email, name, password, role: 'agent' }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST /api/agents answered ${res.status}: ${await res.text()}`);
  return { email, password, token: await loginAt(url, email, password) };
}

// A production install serves everything: a copy of the project with its build, after
// `npm prune --omit=dev` (no esbuild, no Preact: the bundles are built; socket.io-client stays, for
// `serve`'s warm-up through loopback sockets), starts and serves /widget.js and
// /console with its hashed assets, each with the cache policy the build promises.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let copy: string;
let server: SpawnedServer;

/** The project's files (tracked or new, not ignored) plus its current build and dependencies. */
async function copyProject(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'relaydesk-prod-'));
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, maxBuffer: 16 << 20 });
  for (const file of stdout.split('\0').filter((f) => f && existsSync(join(ROOT, f)))) cpSync(join(ROOT, file), join(dir, file));
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  // Hard links make the 260 MB copy take a second; prune only unlinks, so the original stays whole.
  // npm rewrites its own .package-lock.json, which therefore gets a real copy.
  const modules = realpathSync(join(ROOT, 'node_modules'));
  await run('cp', ['-al', modules, join(dir, 'node_modules')]);
  rmSync(join(dir, 'node_modules', '.package-lock.json'));
  cpSync(join(modules, '.package-lock.json'), join(dir, 'node_modules', '.package-lock.json'));
  return dir;
}

beforeAll(async () => {
  copy = await copyProject();
  await run('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: copy });
  server = await spawnServer({ DATA_DIR: join(copy, 'data'), ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'a long enough password 1' }, { projectDir: copy });
}, 120_000);

afterAll(async () => {
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('a production install (npm prune --omit=dev)', () => {
  it('has no build tools, and starts without rebuilding', () => {
    expect(existsSync(join(copy, 'node_modules', 'esbuild'))).toBe(false);
    expect(existsSync(join(copy, 'node_modules', 'preact'))).toBe(false);
    expect(existsSync(join(copy, 'node_modules', 'socket.io-client'))).toBe(true); // warm-start.ts drives it
    expect(server.output()).not.toMatch(/rebuilding|building|esbuild/);
  });

  it('serves /widget.js under its fixed name with a short cache and an ETag that revalidates', async () => {
    const widget = await fetch(`${server.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect(widget.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await widget.text()).length).toBeGreaterThan(20_000);
    const again = await fetch(`${server.url}/widget.js`, { headers: { 'if-none-match': widget.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves /console and its content-hashed script and stylesheet, cached for a year', async () => {
    const page = await fetch(`${server.url}/console`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/console\/assets\/console-[0-9a-f]{12}\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await response.text()).length).toBeGreaterThan(1_000);
    }
  });
});

// Storage faults (SPEC §2): at start an unusable DATA_DIR (a file, a corrupt database, a folder
// where the database file belongs) is one line naming DATA_DIR, exit 1, no stack; at run time a
// full disk is logged as SQLITE_FULL and /healthz answers 503 with the reason until space returns.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeClients, connectCustomer } from '../support/socket-client.js';
import { startTestServer } from '../support/start-test-server.js';

const BIN = fileURLToPath(new URL('../../bin/relaydesk.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'relaydesk-faults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function serveWith(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

function expectOneLine(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^relaydesk: DATA_DIR: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('a bad DATA_DIR at start', () => {
  it('a file as DATA_DIR', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a folder');
    expectOneLine(await serveWith(file), /is not a folder/);
  }, 40_000);

  it('a corrupt database file', async () => {
    const dir = join(scratch, 'corrupt');
    mkdirSync(dir);
    writeFileSync(join(dir, 'relaydesk.sqlite'), Buffer.alloc(8192, 7));
    expectOneLine(await serveWith(dir), /not a SQLite database/);
  }, 40_000);

  it('a folder where the database file belongs', async () => {
    const dir = join(scratch, 'wrong-kind');
    mkdirSync(join(dir, 'relaydesk.sqlite'), { recursive: true });
    expectOneLine(await serveWith(dir), /cannot be opened/);
  }, 40_000);
});

/** A 2 MB tmpfs: a full disk for real. Needs root with mount (CI and this container have it). */
function mountSmallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a full disk at run time', () => {
  const disk = join(scratch, 'disk');
  mkdirSync(disk);
  const mounted = mountSmallDisk(disk);
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', disk]);
  });

  it.skipIf(!mounted)('logs SQLITE_FULL and answers /healthz 503 with the reason until space returns (skipped without root mount)', async () => {
    const dataDir = join(disk, 'data');
    const server = await startTestServer({ dataDir });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      // Fill the disk to the last byte.
      const filler = join(disk, 'filler');
      try {
        writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
      } catch {
        // ENOSPC: the file holds what fitted, and the disk is full.
      }
      const refusals: unknown[] = [];
      // Writes that fit in space the WAL already holds still succeed (after a checkpoint SQLite
      // reuses the file from its start): keep opening chats until one needs a new page on disk.
      for (let i = 0; i < 200 && refusals.length === 0; i++) await connectCustomer(server.url).catch((error: unknown) => refusals.push(error));
      expect(refusals.length).toBeGreaterThan(0);
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, reason: expect.stringContaining('SQLITE_FULL') });
      expect(server.rawLogs.join('\n')).toContain('storage cannot write: SQLITE_FULL');
      expect(server.rawLogs.join('\n')).not.toMatch(/cannot rollback|no transaction is active/);

      rmSync(filler);
      await connectCustomer(server.url);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      closeClients();
      await server.close().catch(() => undefined);
    }
  }, 60_000);
});

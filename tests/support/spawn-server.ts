/**
 * Runs `relaydesk serve` as a real child process (the way `npm start` does) on a free port and
 * resolves once it prints its address. For crash, restart and shutdown tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/relaydesk.js', import.meta.url));

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** `projectDir` runs another copy of the project (the production-install test). */
export async function spawnServer(env: Record<string, string>, options: { projectDir?: string } = {}): Promise<SpawnedServer> {
  const bin = options.projectDir ? join(options.projectDir, 'bin', 'relaydesk.js') : BIN;
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd: options.projectDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', BUSINESS_HOURS: 'Mon-Sun 00:00-24:00 UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = () => {
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });
  return { url, child, output: () => output, exited };
}

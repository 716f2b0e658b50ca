/**
 * A real nginx (Debian's package) as the load balancer in front of several nodes, run in the
 * foreground from a temporary prefix: round robin over the upstreams, WebSocket upgrade, and the
 * next upstream tried when one is down. The same proxy settings as the README's "Several nodes".
 *
 * @example
 *   const lb = await startNginx([portA, portB]);  // → lb.url = http://127.0.0.1:<free port>
 *   … await lb.stop();
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** True when nginx is installed; otherwise prints why the test is skipped, or throws under `REQUIRE_ALL=1`. */
export function requireNginx(): boolean {
  try {
    accessSync(NGINX_PATH, constants.X_OK);
    return true;
  } catch {
    const why = `nginx not found at ${NGINX_PATH}`;
    if (process.env.REQUIRE_ALL === '1') throw new Error(`${why}; REQUIRE_ALL=1 makes a skipped load-balancer test a failure (.ci/run installs it)`);
    console.warn(`${why}: load-balancer tests skipped; install it with apt-get install nginx`);
    return false;
  }
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function config(prefix: string, port: number, upstreams: number[]): string {
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'tmp', name)};`;
  return `
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream relaydesk {
    ${upstreams.map((upstream) => `server 127.0.0.1:${upstream} max_fails=1 fail_timeout=2s;`).join('\n    ')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://relaydesk;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
`;
}

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(upstreams: number[]): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'relaydesk-nginx-'));
  mkdirSync(join(prefix, 'tmp'));
  const port = await freePort();
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, config(prefix, port, upstreams));
  const child = spawn(NGINX_PATH, ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', file, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Ready once it answers; nginx forwards /healthz to a node.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const ok = await fetch(`${url}/healthz`).then((res) => res.status < 500, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM'); // fast shutdown: a graceful one would wait for every open WebSocket
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the agent console: one minified browser IIFE from `console.ts`, plus the HTML shell
 * and stylesheet read from disk. The server serves `html` at `/console`, `js` at
 * `/console/console.js` and `css` at `/console/console.css` (no inline script or style, so a
 * strict CSP holds). `npx tsx server/console/build.ts` writes them to `dist/console/`.
 *
 * @example
 *   const { html, js, css } = await buildConsole();
 *   app.get('/console', (_req, res) => res.type('html').send(html));
 */
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ConsoleBuild {
  js: string;
  html: string;
  css: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const CONSOLE_ENTRY = resolve(here, 'console.ts');
export const CONSOLE_OUTDIR = resolve(here, '..', '..', 'dist', 'console');

/** The URL paths the shell refers to; the server mounts the build at exactly these. */
export const CONSOLE_PATHS = { html: '/console', js: '/console/console.js', css: '/console/console.css' } as const;

export async function buildConsole(): Promise<ConsoleBuild> {
  const [result, html, css] = await Promise.all([
    build({
      entryPoints: [CONSOLE_ENTRY],
      bundle: true,
      minify: true,
      format: 'iife',
      // `browser` makes socket.io-client resolve to its debug-free build, as for the widget.
      platform: 'browser',
      target: 'es2020',
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
    }),
    readFile(resolve(here, 'index.html'), 'utf8'),
    readFile(resolve(here, 'console.css'), 'utf8'),
  ]);
  return { js: result.outputFiles[0]?.text ?? '', html, css };
}

async function main(): Promise<void> {
  const out = await buildConsole();
  await mkdir(CONSOLE_OUTDIR, { recursive: true });
  await Promise.all([
    writeFile(resolve(CONSOLE_OUTDIR, 'index.html'), out.html),
    writeFile(resolve(CONSOLE_OUTDIR, 'console.js'), out.js),
    writeFile(resolve(CONSOLE_OUTDIR, 'console.css'), out.css),
  ]);
  console.log(`dist/console/console.js  ${(Buffer.byteLength(out.js) / 1024).toFixed(1)} KB`);
}

// Run as a script (directly or through a loader such as bin/run-ts.js), not when imported.
if (process.argv.slice(1).some((arg) => resolve(arg) === fileURLToPath(import.meta.url))) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

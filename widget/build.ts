/**
 * Builds `widget.js`: one minified browser IIFE from `widget/index.ts`, measured raw, gzip -9
 * and brotli, and held to a gzip budget. Run `npx tsx widget/build.ts` to write `dist/widget.js`;
 * the server and the size test call `buildWidget()` to build in memory.
 *
 * @example
 *   const { code, gzipBytes } = await buildWidget();
 *   if (gzipBytes > WIDGET_GZIP_BUDGET) throw new Error('widget too big');
 */
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Gzip budget in bytes. socket.io-client alone is ~13.6 KB; the rest is ours. */
export const WIDGET_GZIP_BUDGET = 24 * 1024;

export interface WidgetBuild {
  code: string;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** The compressed bodies, for a server that wants to send `Content-Encoding: gzip|br`. */
  gzip: Buffer;
  brotli: Buffer;
}

const here = dirname(fileURLToPath(import.meta.url));
export const WIDGET_ENTRY = resolve(here, 'index.ts');
export const WIDGET_OUTFILE = resolve(here, '..', 'dist', 'widget.js');

/** Bundles the widget in memory. `dev: true` keeps the debug hook (`window.__relaydeskDebug`). */
export async function buildWidget(options: { dev?: boolean } = {}): Promise<WidgetBuild> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    // `browser` makes socket.io-client resolve to its debug-free build (~20 KB gzip less than `node`).
    platform: 'browser',
    target: 'es2020',
    define: { __RELAYDESK_DEV__: options.dev ? 'true' : 'false' },
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const raw = Buffer.from(code);
  const gzip = gzipSync(raw, { level: 9 });
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return { code, rawBytes: raw.length, gzipBytes: gzip.length, brotliBytes: brotli.length, gzip, brotli };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const out = await buildWidget({ dev: process.argv.includes('--dev') });
  await mkdir(dirname(WIDGET_OUTFILE), { recursive: true });
  await writeFile(WIDGET_OUTFILE, out.code);
  console.log(`dist/widget.js  raw ${kb(out.rawBytes)}  gzip ${kb(out.gzipBytes)}  brotli ${kb(out.brotliBytes)}`);
  if (out.gzipBytes > WIDGET_GZIP_BUDGET) {
    console.error(`widget.js is ${kb(out.gzipBytes)} gzipped, over the ${kb(WIDGET_GZIP_BUDGET)} budget`);
    process.exitCode = 1;
  }
}

// Run as a script (directly or through a loader such as bin/run-ts.js), not when imported.
if (process.argv.slice(1).some((arg) => resolve(arg) === fileURLToPath(import.meta.url))) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

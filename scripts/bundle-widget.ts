/**
 * Bundles `widget.js` in memory: one minified browser IIFE from `widget/index.ts`, measured raw,
 * gzip -9 and brotli. `npm run build` (build.ts beside this file) writes it to `dist/` and holds it to the
 * gzip budget; the size test and the benchmark call `buildWidget()` directly. Build-time only:
 * the server serves the files in `dist/` and never imports esbuild.
 *
 * @example
 *   const { code, gzipBytes } = await buildWidget();
 *   if (gzipBytes > WIDGET_GZIP_BUDGET) throw new Error('widget too big');
 */
import { build } from 'esbuild';
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
  /** The compressed bodies, served as `Content-Encoding: gzip|br`. */
  gzip: Buffer;
  brotli: Buffer;
  /** The files bundled in, relative to the project root (for the staleness check). */
  inputs: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
export const WIDGET_ENTRY = resolve(root, 'widget', 'index.ts');

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
    metafile: true,
    absWorkingDir: root,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const raw = Buffer.from(code);
  const gzip = gzipSync(raw, { level: 9 });
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const inputs = Object.keys(result.metafile.inputs);
  return { code, rawBytes: raw.length, gzipBytes: gzip.length, brotliBytes: brotli.length, gzip, brotli, inputs };
}

/**
 * Bundles the agent console in memory: one minified browser IIFE from `console.tsx` (Preact views), plus the
 * HTML shell and stylesheet read from disk. `npm run build` (build.ts beside this file) writes them to
 * `dist/console/` under content-hashed names and points the shell at them (no inline script or
 * style, so a strict CSP holds). Build-time only: the server never imports this file.
 *
 * @example
 *   const { html, js, css } = await buildConsole();
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ConsoleBuild {
  js: string;
  /** The shell as written, with the `CONSOLE_SOURCE_PATHS` placeholders the build replaces. */
  html: string;
  css: string;
  /** The files bundled or read, relative to the project root (for the staleness check). */
  inputs: string[];
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const here = resolve(root, 'server', 'console');
export const CONSOLE_ENTRY = resolve(here, 'console.tsx');
const HTML_FILE = resolve(here, 'index.html');
const CSS_FILE = resolve(here, 'console.css');

/** How `index.html` refers to the script and stylesheet; the build swaps in the hashed URLs. */
export const CONSOLE_SOURCE_PATHS = { js: '/console/console.js', css: '/console/console.css' } as const;

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
      // Views are TSX compiled to Preact's `jsx()` calls: no runtime template parser, props type-checked.
      jsx: 'automatic',
      jsxImportSource: 'preact',
      legalComments: 'none',
      write: false,
      metafile: true,
      absWorkingDir: root,
      logLevel: 'silent',
    }),
    readFile(HTML_FILE, 'utf8'),
    readFile(CSS_FILE, 'utf8'),
  ]);
  const inputs = [...Object.keys(result.metafile.inputs), relative(root, HTML_FILE), relative(root, CSS_FILE)];
  return { js: result.outputFiles[0]?.text ?? '', html, css, inputs };
}

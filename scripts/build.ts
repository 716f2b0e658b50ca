/**
 * `npm run build`: bundles the widget and the agent console into `dist/`, which the server serves
 * as static files (so production needs neither esbuild nor socket.io-client):
 * - `dist/widget.js` (+ `.gz`, `.br`): a fixed name, because shops embed that URL;
 * - `dist/console/index.html` pointing at `dist/console/assets/console-<hash>.js|css`, whose
 *   content hashes let the server cache them for a year;
 * - `dist/manifest.json`, written last, naming the files and hashing every project source
 *   bundled in, so `npm start` can rebuild when the sources changed (server/assets/ensure-built.ts).
 * Prints raw and gzip sizes of both bundles; fails when the widget is over its gzip budget.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, hashFile, MANIFEST_FILE, PROJECT_ROOT, CONSOLE_ASSETS_URL, type AssetManifest } from '../server/assets/built-assets.js';
import { buildConsole, CONSOLE_SOURCE_PATHS } from './bundle-console.js';
import { buildWidget, WIDGET_GZIP_BUDGET } from './bundle-widget.js';

export interface BuildReport {
  manifest: AssetManifest;
  widget: { rawBytes: number; gzipBytes: number; brotliBytes: number };
  console: { jsBytes: number; jsGzipBytes: number; cssBytes: number };
}

const THIS_FILE = fileURLToPath(import.meta.url);
const contentHash = (text: string) => createHash('sha256').update(text).digest('hex');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Builds both bundles into `distDir`; only the manifest's rename makes the new build visible. */
export async function buildAssets(distDir = DIST_DIR, root = PROJECT_ROOT): Promise<BuildReport> {
  const [widget, consoleBuild] = await Promise.all([buildWidget(), buildConsole()]);
  const assetsDir = join('console', 'assets');
  mkdirSync(join(distDir, assetsDir), { recursive: true });

  writeFileSync(join(distDir, 'widget.js'), widget.code);
  writeFileSync(join(distDir, 'widget.js.gz'), widget.gzip);
  writeFileSync(join(distDir, 'widget.js.br'), widget.brotli);

  const js = `console-${contentHash(consoleBuild.js).slice(0, 12)}.js`;
  const css = `console-${contentHash(consoleBuild.css).slice(0, 12)}.css`;
  writeFileSync(join(distDir, assetsDir, js), consoleBuild.js);
  writeFileSync(join(distDir, assetsDir, css), consoleBuild.css);
  const html = consoleBuild.html
    .replace(`"${CONSOLE_SOURCE_PATHS.js}"`, `"${CONSOLE_ASSETS_URL}/${js}"`)
    .replace(`"${CONSOLE_SOURCE_PATHS.css}"`, `"${CONSOLE_ASSETS_URL}/${css}"`);
  writeFileSync(join(distDir, 'console', 'index.html'), html);

  // node_modules is left out: `npm prune --omit=dev` removes socket.io-client, which must not
  // make a production install look stale. After a dependency upgrade, run `npm run build`.
  const sources = [...widget.inputs, ...consoleBuild.inputs, relative(root, THIS_FILE), 'scripts/bundle-widget.ts', 'scripts/bundle-console.ts']
    .filter((path) => !path.split('/').includes('node_modules'));
  const manifest: AssetManifest = {
    widget: { file: 'widget.js', gzip: 'widget.js.gz', brotli: 'widget.js.br', hash: contentHash(widget.code).slice(0, 16) },
    console: { html: join('console', 'index.html'), assetsDir, js, css },
    inputs: Object.fromEntries([...new Set(sources)].sort().map((path) => [path, hashFile(resolve(root, path))])),
  };
  const temporary = join(distDir, `${MANIFEST_FILE}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(temporary, join(distDir, MANIFEST_FILE));
  // Hashed files of earlier builds go; a server started before this build keeps its bundles in memory
  // except the console assets, which a page loaded before the rebuild may still ask for once.
  for (const file of readdirSync(join(distDir, assetsDir))) {
    if (file !== js && file !== css) rmSync(join(distDir, assetsDir, file), { force: true });
  }
  return {
    manifest,
    widget: { rawBytes: widget.rawBytes, gzipBytes: widget.gzipBytes, brotliBytes: widget.brotliBytes },
    console: { jsBytes: Buffer.byteLength(consoleBuild.js), jsGzipBytes: gzipSync(consoleBuild.js, { level: 9 }).length, cssBytes: Buffer.byteLength(consoleBuild.css) },
  };
}

/** One line per bundle, as `npm run build` prints it. */
export function formatBuildReport(report: BuildReport): string {
  const { widget, console: c, manifest } = report;
  return [
    `dist/widget.js  raw ${kb(widget.rawBytes)}  gzip ${kb(widget.gzipBytes)}  brotli ${kb(widget.brotliBytes)}  (budget ${kb(WIDGET_GZIP_BUDGET)} gzip)`,
    `dist/console/assets/${manifest.console.js}  raw ${kb(c.jsBytes)}  gzip ${kb(c.jsGzipBytes)};  ${manifest.console.css}  ${kb(c.cssBytes)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const report = await buildAssets();
  console.log(formatBuildReport(report));
  if (report.widget.gzipBytes > WIDGET_GZIP_BUDGET) {
    console.error(`widget.js is ${kb(report.widget.gzipBytes)} gzipped, over the ${kb(WIDGET_GZIP_BUDGET)} budget`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === THIS_FILE) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

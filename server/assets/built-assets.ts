/**
 * The bundles `npm run build` wrote to `dist/` (widget and console), read at start without
 * esbuild, so a production install (`npm prune --omit=dev`) serves them. `manifest.json` names
 * the files and the source hash of every project file bundled in, so a start can tell whether
 * the build is missing or older than its sources (`staleInputs`).
 *
 * @example
 *   const manifest = readManifest(DIST_DIR);
 *   if (manifest && staleInputs(manifest, PROJECT_ROOT).length === 0) app = createApp({ ..., assets: loadBuiltAssets(DIST_DIR) });
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST_DIR = resolve(PROJECT_ROOT, 'dist');
export const MANIFEST_FILE = 'manifest.json';
/** Where the console's hashed script and stylesheet are served (and written under `dist/`). */
export const CONSOLE_ASSETS_URL = '/console/assets';

const manifestSchema = z.object({
  widget: z.object({ file: z.string(), gzip: z.string(), brotli: z.string(), hash: z.string() }),
  console: z.object({ html: z.string(), assetsDir: z.string(), js: z.string(), css: z.string() }),
  /** Project-relative path → sha256 of the file as bundled. */
  inputs: z.record(z.string(), z.string()),
});
export type AssetManifest = z.infer<typeof manifestSchema>;

/** What the HTTP layer serves: the widget in memory (three encodings), the console shell and its assets folder. */
export interface BuiltAssets {
  widget: { code: Buffer; gzip: Buffer; brotli: Buffer; etag: string };
  console: { html: string; assetsDir: string };
}

export function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The manifest in `distDir`, or undefined when there is no (readable) build. */
export function readManifest(distDir: string): AssetManifest | undefined {
  const path = join(distDir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
}

/** The inputs that changed or vanished since the build; empty when the build is current. */
export function staleInputs(manifest: AssetManifest, root: string): string[] {
  return Object.entries(manifest.inputs)
    .filter(([path, hash]) => !existsSync(resolve(root, path)) || hashFile(resolve(root, path)) !== hash)
    .map(([path]) => path);
}

/** Reads the built files named by the manifest; throws when the build is missing. */
export function loadBuiltAssets(distDir: string): BuiltAssets {
  const manifest = readManifest(distDir);
  if (!manifest) throw new Error(`no build in ${distDir}: run npm run build`);
  const read = (file: string) => readFileSync(join(distDir, file));
  return {
    widget: {
      code: read(manifest.widget.file),
      gzip: read(manifest.widget.gzip),
      brotli: read(manifest.widget.brotli),
      etag: `"${manifest.widget.hash}"`,
    },
    console: { html: read(manifest.console.html).toString('utf8'), assetsDir: join(distDir, manifest.console.assetsDir) },
  };
}

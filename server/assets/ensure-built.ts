/**
 * Makes `npm install && npm start` work on a fresh clone: at start, the bundles in `dist/` are
 * rebuilt when they are missing or older than their sources. The builder (esbuild) is imported
 * only then, so a production install with a current build never loads it; without esbuild, a
 * stale build is served with a warning and a missing one is an error naming the fix.
 *
 * @example await ensureBuilt({ log: (line) => process.stderr.write(line) });
 */
import type * as Builder from '../../scripts/build.js';
import { DIST_DIR, PROJECT_ROOT, readManifest, staleInputs } from './built-assets.js';

export interface EnsureBuiltOptions {
  distDir?: string;
  root?: string;
  /** One line per decision (rebuilt, or serving a stale build); the caller picks the stream. */
  log: (line: string) => void;
}

export class MissingBuildError extends Error {}

/** Returns what it did: `current`, `built`, or `stale` (sources changed, but no builder installed). */
export async function ensureBuilt(options: EnsureBuiltOptions): Promise<'current' | 'built' | 'stale'> {
  const distDir = options.distDir ?? DIST_DIR;
  const root = options.root ?? PROJECT_ROOT;
  const manifest = readManifest(distDir);
  const changed = manifest ? staleInputs(manifest, root) : [];
  if (manifest && changed.length === 0) return 'current';
  let builder: typeof Builder;
  try {
    builder = await import('../../scripts/build.js');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    if (!manifest) throw new MissingBuildError(`relaydesk: ${distDir} has no build and esbuild is not installed: run \`npm ci && npm run build\` before \`npm prune --omit=dev\``);
    options.log(`relaydesk: ${changed.length} source file(s) changed since the build (${changed[0]}), and esbuild is not installed: serving the existing build\n`);
    return 'stale';
  }
  options.log(manifest ? `relaydesk: rebuilding the widget and console (${changed[0]} changed)\n` : 'relaydesk: building the widget and console (first start)\n');
  const report = await builder.buildAssets(distDir, root);
  options.log(`${builder.formatBuildReport(report)}\n`);
  return 'built';
}

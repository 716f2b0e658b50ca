/**
 * Vitest global setup: brings `dist/` up to date once per run (as `npm start` would), so every
 * test server serves the real built bundles, the way production does.
 */
import { ensureBuilt } from '../../server/assets/ensure-built.js';

export default async function setup(): Promise<void> {
  await ensureBuilt({ log: () => {} });
}

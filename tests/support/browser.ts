/**
 * Chromium for the e2e tier (STYLE 11): where it lives, whether it is there, how to launch it
 * headless, and the skip-or-fail rule (SPEC §2: a missing browser skips with a reason, and under
 * `REQUIRE_ALL=1` fails). Screenshots go to `tests/artifacts/` (git-ignored).
 *
 * @example
 *   const available = requireBrowser();
 *   describe.skipIf(!available)('widget in Chromium', () => { ... launchBrowser() ... });
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** `CHROMIUM_PATH` overrides the Debian location (another distro, or checking the skip path). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
export const SKIP_REASON = `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped; install it with apt-get install chromium`;

/** True when the Chromium executable exists and may be run. */
export function browserAvailable(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * For `describe.skipIf(!requireBrowser())`: true when Chromium is there; otherwise prints why the
 * tests are skipped, or throws when `REQUIRE_ALL=1` (CI), where a skip counts as a failure.
 */
export function requireBrowser(): boolean {
  if (browserAvailable()) return true;
  if (process.env.REQUIRE_ALL === '1') {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}, and REQUIRE_ALL=1 makes a skipped browser test a failure; install it with apt-get install chromium`);
  }
  console.warn(SKIP_REASON);
  return false;
}

/** Headless Chromium with no background traffic (no updates, sync or QUIC probes). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot as `tests/artifacts/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

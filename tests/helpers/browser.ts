import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../scripts/tools/chromium.ts';

// The launch lives in scripts/ because `npm run handout` prints PDFs with the same browser.
export { CHROMIUM, chromiumAvailable } from '../../scripts/tools/chromium.ts';

/**
 * Launches headless Debian Chromium. Without a browser the test fails in CI (where .ci/run
 * installs one) and is skipped only on a developer machine.
 */
export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** describe.skipIf(skipBrowser) — never true in CI. */
export const skipBrowser = !chromiumAvailable() && !process.env.CI;

import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { environment } from '../../src/site/environment.ts';

/** Debian's chromium, installed by .ci/run; playwright never downloads a browser of its own. */
export const CHROMIUM = environment.chromiumPath;

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/** Launches headless Chromium with the flags this closed network needs (nothing phones home). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';

export interface SiteInBrowser {
  /** The built site served over HTTP (its `origin` is where pages are). */
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * A built site served from `dir` (under `base`) and a browser, opened before the tests of the
 * enclosing describe block (before its own beforeAll hooks, which may use them) and closed after.
 */
export function openSite(dir: string, base?: string): SiteInBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDirectory(dir, { prefix: base });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const opened = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is opened in beforeAll`);
    return value;
  };
  return {
    get server() {
      return opened(server, 'the site server');
    },
    get browser() {
      return opened(browser, 'the browser');
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipBrowser } from '../helpers/browser.ts';
import { buildArchive } from '../helpers/build-archive.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { DIST } from '../helpers/paths.ts';
import { linksIn, sitemapText } from '../helpers/site-files.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

/** An intranet deployment under a sub-path, built into its own directory beside the main build. */
const BASE = '/xuexi/';
const SUB_DIST = `${DIST}-xuexi`;
const SITE_URL = 'http://intranet.example';

describe('the site deployed under a sub-path', () => {
  let server: StaticServer;

  beforeAll(async () => {
    // The articles were ingested by the global build; this builds the site and its search index again.
    buildArchive(SUB_DIST, undefined, { BASE_PATH: BASE, SITE_URL });
    server = await serveDirectory(SUB_DIST, { prefix: BASE });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  it('has every link and anchor inside the sub-path, sitemap and feed included', () => {
    const { checked, broken } = checkLinks(SUB_DIST, BASE, SITE_URL);
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
    expect(sitemapText(SUB_DIST)).toContain(`<loc>${SITE_URL}${BASE}articles/`);
  });

  it('serves every page linked from the home page and an article from a plain static server', async () => {
    const pages = [BASE, `${BASE}articles/zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao/`];
    const seen = new Set<string>();
    for (const p of pages) {
      const res = await fetch(`${server.origin}${p}`);
      expect(res.status, p).toBe(200);
      for (const link of linksIn(await res.text())) {
        const target = new URL(link.value, `${server.origin}${p}`);
        if (target.origin !== server.origin || seen.has(target.pathname)) continue;
        seen.add(target.pathname);
        expect(target.pathname.startsWith(BASE), target.pathname).toBe(true);
        expect((await fetch(target)).status, target.pathname).toBe(200);
      }
    }
    expect(seen.size).toBeGreaterThan(30);
  });

  it.skipIf(skipBrowser)(
    'works in a browser: a term link leads to its glossary page, nothing 404s',
    async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const failed: string[] = [];
        page.on('response', (r) => {
          if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
        });
        await page.goto(
          `${server.origin}${BASE}articles/zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao/`,
        );
        await page.locator('.article-body a.term').first().click();
        await page.waitForURL(new RegExp(`${BASE}glossary/[^/]+/$`));
        await page.locator('.breadcrumbs a', { hasText: '首页' }).click();
        await page.waitForURL(`${server.origin}${BASE}`);
        expect(failed).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST } from '../helpers/paths.ts';
import { SITE_NAME } from '../../src/core/site.ts';

/** Article pages whose HTML names an author (any archive has some, or the test says so). */
function articlesWithAuthors(): string[] {
  const root = path.join(DIST, 'articles');
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .filter((f) => fs.readFileSync(path.join(root, f), 'utf8').includes('class="article-authors"'))
    .map((f) => `/articles/${path.dirname(f).split(path.sep).join('/')}/`)
    .sort();
}

describe.skipIf(skipBrowser)('print and small things', () => {
  const site = openSite(DIST);

  it('prints the author and position on the line under the title, and a short source line', async () => {
    const articles = articlesWithAuthors();
    expect(articles.length).toBeGreaterThan(0);
    const page = await site.browser.newPage();
    await page.emulateMedia({ media: 'print' });
    for (const article of articles.slice(0, 5)) {
      await page.goto(`${site.server.origin}${article}`);
      const printed = await page.evaluate(() => {
        const title = document.querySelector('h1');
        const authors = document.querySelector<HTMLElement>('article header .article-authors');
        if (!title || !authors) return null;
        const t = title.getBoundingClientRect();
        const a = authors.getBoundingClientRect();
        const source = document.querySelector('.print-source')?.textContent ?? '';
        return {
          authors: authors.innerText,
          below: a.top >= t.bottom - 1,
          gap: a.top - t.bottom,
          source,
        };
      });
      expect(printed, article).not.toBeNull();
      // Shown, right below the title: a visible line with the author's name.
      expect(printed?.authors.trim().length, article).toBeGreaterThan(0);
      expect(printed?.below, article).toBe(true);
      expect(printed?.gap ?? 999, article).toBeLessThan(80);
      // Site name first, then issue and column; no address in the source line.
      expect(printed?.source.startsWith(`来源：${SITE_NAME}`), article).toBe(true);
      expect(printed?.source).not.toMatch(/https?:|\/articles\//);
    }
    await page.close();
  });

  it('says on /handout/ without JavaScript how to print, rather than loading forever', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/handout/`);
    const status = (await page.locator('.handout-status').textContent()) ?? '';
    expect(status).not.toContain('正在载入');
    expect(status).toContain('JavaScript');
    await context.close();
    // With JavaScript the page replaces it with the handout's own state.
    const live = await site.browser.newPage();
    await live.goto(`${site.server.origin}/handout/`);
    await expect
      .poll(() => live.locator('.handout-status').textContent())
      .toContain('讲义还是空的');
    await live.close();
  });

  it('asks for no address that is not there: no 404 on the home, an article or /handout/', async () => {
    const page = await site.browser.newPage();
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    for (const p of ['/', articlesWithAuthors()[0], '/handout/']) {
      await page.goto(`${site.server.origin}${p}`, { waitUntil: 'networkidle' });
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(icon, p).toBeTruthy();
      const res = await page.request.get(new URL(icon ?? '', page.url()).href);
      expect(res.status(), `${p}: ${icon}`).toBe(200);
    }
    expect(missing).toEqual([]);
    await page.close();
  });
});

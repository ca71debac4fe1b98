import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, skipBrowser } from '../helpers/browser.ts';
import { DIST, ROOT } from '../helpers/paths.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

/** Every category must score at least this, on the phone profile (Lighthouse's default). */
const MINIMUM = 98;
/** Issue 21: the search page's main-thread work per query stays off the main thread or in slices. */
const SEARCH_BLOCKING_MS = 100;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const REPORTS = path.join(ROOT, 'test-results/lighthouse');

/** The first folder under dist/<dir>/ that has a page: whichever issue or term the archive has. */
function firstPage(dir: string): string {
  const root = path.join(DIST, dir);
  const found = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html') && f !== 'index.html')
    .sort()[0];
  if (!found) throw new Error(`no page under dist/${dir}/`);
  return `/${dir}/${path.dirname(found).split(path.sep).join('/')}/`;
}

/** The pages issue 21 names: home, an issue, an article, search with a query, a term, the handout. */
function pagesToAudit(): Record<string, string> {
  const article = firstPage('articles');
  const html = fs.readFileSync(path.join(DIST, article, 'index.html'), 'utf8');
  // A query that finds something in any archive: the first two characters of an article's title.
  const title = /<h1[^>]*>([^<]+)</.exec(html)?.[1] ?? '政协';
  return {
    home: '/',
    issue: firstPage('issues'),
    article,
    search: `/search/?q=${encodeURIComponent([...title].slice(0, 2).join(''))}`,
    glossary: firstPage('glossary'),
    handout: '/handout/',
  };
}

describe.skipIf(skipBrowser)('Lighthouse, phone profile', () => {
  let server: StaticServer;
  let chrome: chromeLauncher.LaunchedChrome;
  let pages: Record<string, string> = {};

  beforeAll(async () => {
    // Served as the README's nginx setting serves it: text files gzipped.
    server = await serveDirectory(DIST, { gzip: true });
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    fs.mkdirSync(REPORTS, { recursive: true });
    pages = pagesToAudit();
    // A fresh Chromium's first page pays for starting up (compiling, loading the CJK fonts): 9 s of
    // main-thread work on this machine. One audit thrown away first, so each score is the page's own.
    await lighthouse(`${server.origin}/`, { port: chrome.port, output: 'json', logLevel: 'error' });
  }, 180_000);
  afterAll(async () => {
    chrome?.kill();
    await server?.close();
  });

  for (const name of ['home', 'issue', 'article', 'search', 'glossary', 'handout']) {
    it(`scores ${MINIMUM} or more in all four categories on the ${name} page (search: blocking under ${SEARCH_BLOCKING_MS} ms)`, async () => {
      const pathname = pages[name];
      expect(pathname, name).toBeTruthy();
      const result = await lighthouse(`${server.origin}${pathname}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
      });
      if (!result) throw new Error('Lighthouse returned nothing');
      fs.writeFileSync(path.join(REPORTS, `${name}.json`), result.report as string);
      const { categories, audits } = result.lhr;
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]),
      );
      // Which audits cost points, so a failure says what to fix.
      const failing = Object.values(audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
        .map((a) => `${a.id}: ${a.displayValue ?? a.score}`);
      console.log(`${name} ${pathname}`, scores, failing.slice(0, 8));
      for (const category of CATEGORIES)
        expect(scores[category], `${category}; ${failing.join('; ')}`).toBeGreaterThanOrEqual(
          MINIMUM,
        );
      if (name === 'search')
        expect(audits['total-blocking-time']?.numericValue, 'total blocking time, ms').toBeLessThan(
          SEARCH_BLOCKING_MS,
        );
    }, 180_000);
  }
});

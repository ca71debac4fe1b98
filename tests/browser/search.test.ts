import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, skipBrowser } from '../helpers/browser.ts';
import { ARTICLES, DIST, ROOT, SOURCES } from '../helpers/paths.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { fullFoldMap } from '../../scripts/search-index/fold-map.ts';
import { find, indexablePage } from '../../scripts/search-index/index-html.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { bundleDirs, isBundleDir } from '../../scripts/search-index/shards.ts';
import { bundlesHolding, type ShardSummary } from '../../src/core/search/shard-summary.ts';
import { SIDECAR_FILES, SUMMARY_FILES } from '../../src/core/search/bundle-files.ts';

/**
 * Search on the built shipped site, checked against what Ctrl-F finds: the expected pages for a
 * phrase are computed from each article page's text (title and body, spaces removed, 繁简 folded),
 * and the expected pages for a filter from the articles' front matter.
 */
const map = fullFoldMap();
const fold = (s: string) => [...s.replace(/\s+/gu, '')].map((c) => map[c] ?? c).join('');

interface ArticlePage {
  url: string;
  text: string;
  /** The section headings' text, folded. */
  headings: string;
  /** Title and body as the index holds them (without the study aids), folded. */
  indexed: string;
  front: Record<string, unknown>;
}

function articlePages(): ArticlePage[] {
  const out: ArticlePage[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.mdx')) {
        const front = readArticle(fs.readFileSync(full, 'utf8')).data;
        // An article the editor withholds has no page and no search entry.
        if (front.withheld === true) continue;
        const id = path
          .relative(ARTICLES, full)
          .replace(/\.mdx$/, '')
          .split(path.sep)
          .join('/');
        const url = `/articles/${id}/`;
        const html = fs.readFileSync(path.join(DIST, url, 'index.html'), 'utf8');
        const tree = fromHtml(html);
        const title = find(tree, (el) => el.tagName === 'h1');
        const body = find(tree, (el) => 'dataPagefindBody' in el.properties);
        const headings = body ? selectAll('h2, h3, h4, h5, h6', body).map((h) => toString(h)) : [];
        out.push({
          url,
          text: fold((title ? toString(title) : '') + (body ? toString(body) : '')),
          headings: fold(headings.join('')),
          indexed: indexablePage(html, map)?.folded ?? '',
          front,
        });
      }
    }
  };
  walk(ARTICLES);
  return out;
}

const sorted = (xs: string[]) => [...xs].sort();

/**
 * The shipped site's index split into three bundles, as a large archive's is: the same searches
 * must give the same answers through Pagefind's multisite merge.
 */
function shardedDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-sharded-'));
  fs.cpSync(DIST, dir, {
    recursive: true,
    filter: (src) => path.dirname(src) !== DIST || !isBundleDir(path.basename(src)),
  });
  const articlePagesBuilt = fs
    .readdirSync(path.join(dir, 'articles'), { recursive: true })
    .filter((f) => String(f).endsWith('index.html')).length;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/search-index.ts')], {
    env: {
      ...process.env,
      DIST_DIR: dir,
      PAGEFIND_SHARD_PAGES: String(Math.ceil(articlePagesBuilt / 3)),
    },
    stdio: 'ignore',
  });
  return dir;
}

const LAYOUTS: [string, () => string][] = [
  ['one index bundle', () => DIST],
  ['an index sharded into bundles', shardedDist],
];

describe.skipIf(skipBrowser).each(LAYOUTS)('exact phrase search in Chromium, %s', (_, distDir) => {
  let dist: string;
  let browser: Browser;
  let server: StaticServer;
  let pages: ArticlePage[];
  const containing = (phrase: string) =>
    pages.filter((p) => p.text.includes(fold(phrase))).map((p) => p.url);
  /** The page of a shipped government work report: an archive may hold other copies of the same year. */
  const shippedReport = (year: number) =>
    pages.find((p) => p.front.source === `政府工作报告/${year}年政府工作报告.txt`)!.url;

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Records every value aria-busy takes on the results list, from the first moment of the page.
    await page.addInitScript(() => {
      (window as unknown as { busy: string[] }).busy = [];
      new MutationObserver((records) => {
        for (const r of records)
          if (
            r.attributeName === 'aria-busy' &&
            (r.target as HTMLElement).hasAttribute('data-search-results')
          )
            (window as unknown as { busy: string[] }).busy.push(
              (r.target as HTMLElement).getAttribute('aria-busy')!,
            );
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['aria-busy'] });
    });
    return page;
  }

  /**
   * Waits until the results list has been busy and is idle again, and the status line too: of a
   * sharded index the first screen comes from the newest bundles, and the older ones are searched
   * after it, the count growing until the status line is no longer aria-busy.
   */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(
      () =>
        (window as unknown as { busy: string[] }).busy.includes('false') &&
        document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false',
    );
    await complete(page);
  }

  async function complete(page: Page): Promise<void> {
    await page.waitForFunction(
      () => document.querySelector('[data-search-status]')?.getAttribute('aria-busy') === 'false',
    );
  }

  /**
   * Opens /search/?… and returns every result page URL in order, pressing 显示其余 until all are
   * shown: how many fit on the first screen depends on the archive, which pages are found does not.
   */
  async function search(page: Page, query: string): Promise<string[]> {
    await page.goto(`${server.origin}/search/?${query}`);
    await settled(page);
    while (await page.isVisible('[data-search-more]')) {
      const before = await page.$$eval('[data-search-result]', (r) => r.length);
      await page.click('[data-search-more]');
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('[data-search-result]').length > n &&
          document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false',
        before,
      );
    }
    return page.$$eval('[data-search-result] .search-result-title a[href]', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
  }

  beforeAll(async () => {
    pages = articlePages();
    dist = distDir();
    if (dist !== DIST) {
      expect(bundleDirs(dist)).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    }
    server = await serveDirectory(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist && dist !== DIST) fs.rmSync(dist, { recursive: true, force: true });
  });

  it('finds exactly the pages holding a phrase, with the contract the automated checks read', async () => {
    const page = await newPage();
    for (const phrase of ['新质生产力', '发展', '2024年', '5G', '人民代表大会']) {
      const expected = containing(phrase);
      expect(expected.length, phrase).toBeGreaterThan(0);
      const found = await search(page, `q=${encodeURIComponent(phrase)}`);
      expect(sorted(found), phrase).toEqual(sorted(expected));
      expect(await page.textContent('[data-search-status]')).toContain(
        `共找到 ${expected.length} 篇`,
      );
      expect(await page.evaluate(() => (window as unknown as { busy: string[] }).busy)).toEqual(
        expect.arrayContaining(['true', 'false']),
      );
      const links = await page.$$eval('[data-search-result]', (els) =>
        els.map((el) => el.querySelector('a[href]') !== null),
      );
      expect(links.every(Boolean)).toBe(true);
    }
    await page.context().close();
  });

  it('puts a page whose title holds the phrase first, and highlights the phrase in excerpts', async () => {
    const page = await newPage();
    const found = await search(page, `q=${encodeURIComponent('决议')}`);
    const titled = pages.filter((p) => String(p.front.title).includes('决议')).map((p) => p.url);
    expect(titled.length).toBeGreaterThan(0);
    if (bundleDirs(dist).length === 1)
      expect(found.slice(0, titled.length).sort()).toEqual(sorted(titled));
    else {
      // The first screen comes from the newest bundles that fill it and never changes after: a
      // title match in an older bundle leads the rest instead. Within each, titles come first.
      const titledFirst = (urls: string[]) =>
        urls.every((u, i) => titled.includes(u) || !urls.slice(i).some((v) => titled.includes(v)));
      expect(titledFirst(found.slice(0, 10))).toBe(true);
      expect(titledFirst(found.slice(10))).toBe(true);
      expect(sorted(found.filter((u) => titled.includes(u)))).toEqual(sorted(titled));
    }
    const marks = await page.$$eval('[data-search-result] .search-result-excerpt mark', (ms) =>
      ms.map((m) => m.textContent),
    );
    expect(marks.length).toBeGreaterThan(0);
    // Marked as written (the 1954 report prints 决議), matching the folded query.
    for (const m of marks) expect(fold(m!)).toBe('决议');
    expect(marks).toContain('决议');
    await page.context().close();
  });

  it('finds the tail of a longer word: 民主 finds every page with 人民民主', async () => {
    const page = await newPage();
    const found = await search(page, `q=${encodeURIComponent('民主')}`);
    expect(sorted(found)).toEqual(sorted(containing('民主')));
    const longer = containing('人民民主');
    expect(longer.length).toBeGreaterThan(0);
    for (const url of longer) expect(found).toContain(url);
    await page.context().close();
  });

  it('finds a phrase across the page-break join of the shipped 1954 report', async () => {
    const source = fs.readFileSync(
      path.join(SOURCES, '政府工作报告/1954年政府工作报告.txt'),
      'utf8',
    );
    // The source has the sentence on two lines: the phrase is only there once the lines are joined.
    expect(source).toMatch(/劉少奇同志\r?\n關於憲法草案/);
    const page = await newPage();
    const joined = containing('同志關於憲法');
    expect(joined).toContain(shippedReport(1954));
    expect(sorted(await search(page, `q=${encodeURIComponent('同志關於憲法')}`))).toEqual(
      sorted(joined),
    );
    expect(sorted(await search(page, `q=${encodeURIComponent('同志关于宪法')}`))).toEqual(
      sorted(joined),
    );
    await page.context().close();
  });

  it('finds traditional text with a simplified query and the other way round, and shows the shipped 1954 report as written', async () => {
    const page = await newPage();
    const simplifiedQuery = await search(page, `q=${encodeURIComponent('关于宪法草案的报告')}`);
    expect(sorted(simplifiedQuery)).toEqual(sorted(containing('關於憲法草案的報告')));
    expect(simplifiedQuery).toContain(shippedReport(1954));
    // The excerpt of the 1954 report reads as printed, in traditional characters.
    const report1954 = page.locator('[data-search-result]', {
      has: page.locator(`.search-result-title a[href^="${shippedReport(1954)}"]`),
    });
    expect(await report1954.locator('.search-result-excerpt mark').first().textContent()).toBe(
      '關於憲法草案的報告',
    );

    const traditionalQuery = await search(page, `q=${encodeURIComponent('經濟發展')}`);
    expect(sorted(traditionalQuery)).toEqual(sorted(containing('经济发展')));
    expect(traditionalQuery).toContain(shippedReport(2024));
    await page.context().close();
  });

  it('ANDs space-separated terms and accepts quotes', async () => {
    const page = await newPage();
    const both = containing('新质生产力').filter((u) => containing('人工智能').includes(u));
    expect(sorted(await search(page, `q=${encodeURIComponent('新质生产力 人工智能')}`))).toEqual(
      sorted(both),
    );
    expect(sorted(await search(page, `q=${encodeURIComponent('"人民 代表大会"')}`))).toEqual(
      sorted(containing('人民代表大会')),
    );
    await page.context().close();
  });

  it('filters by each filed value, with counts, combined with the query and kept in the URL', async () => {
    const page = await newPage();
    const phrase = '发展';
    const withPhrase = containing(phrase);
    const keys: [string, string][] = [
      ['column', 'column'],
      ['author', 'authors'],
      ['region', 'regions'],
      ['tag', 'tags'],
      ['year', 'year'],
    ];
    let tested = 0;
    for (const [key, field] of keys) {
      const valuesOf = (p: ArticlePage) =>
        [p.front[field]]
          .flat()
          .filter((v) => v !== undefined && v !== '')
          .map(String);
      const values = [...new Set(pages.flatMap(valuesOf))];
      if (values.length === 0) continue; // the shipped sources name no region yet
      const value = values.sort(
        (a, b) =>
          pages.filter((p) => valuesOf(p).includes(b)).length -
          pages.filter((p) => valuesOf(p).includes(a)).length,
      )[values.length > 1 ? 1 : 0];
      const expected = pages
        .filter((p) => withPhrase.includes(p.url) && valuesOf(p).includes(value))
        .map((p) => p.url);
      const found = await search(
        page,
        `q=${encodeURIComponent(phrase)}&${key}=${encodeURIComponent(value)}`,
      );
      expect(sorted(found), `${key}=${value}`).toEqual(sorted(expected));
      const box = page.locator(`input[name="${key}"][value="${value}"]`);
      expect(await box.isChecked()).toBe(true);
      expect(await box.locator('xpath=..').locator('[data-count]').textContent()).toBe(
        String(expected.length),
      );
      tested += 1;
    }
    expect(tested).toBeGreaterThanOrEqual(4);

    // Ticking a second filter narrows the results and lands in the URL, ready to share.
    await search(
      page,
      `q=${encodeURIComponent(phrase)}&column=${encodeURIComponent('政府工作报告')}`,
    );
    const narrowed = pages
      .filter(
        (p) =>
          withPhrase.includes(p.url) && p.front.column === '政府工作报告' && p.front.year === 2018,
      )
      .map((p) => p.url);
    expect(narrowed).toContain(shippedReport(2018));
    await page.evaluate(() => ((window as unknown as { busy: string[] }).busy = []));
    await page.locator('input[name="year"][value="2018"]').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2018');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe(phrase);
    expect(
      sorted(
        await page.$$eval('[data-search-result] .search-result-title a', (as) =>
          as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
        ),
      ),
    ).toEqual(sorted(narrowed));

    // Filters alone, without a query, list the filed pages.
    expect(sorted(await search(page, 'year=1954'))).toEqual(
      sorted(pages.filter((p) => p.front.year === 1954).map((p) => p.url)),
    );
    await page.context().close();
  });

  it('links a sub-result to its section, and landing there highlights the phrase in that section', async () => {
    const page = await newPage();
    await search(page, `q=${encodeURIComponent('新质生产力')}`);
    const report = page.locator('[data-search-result]', {
      has: page.locator(`.search-result-title a[href^="${shippedReport(2024)}"]`),
    });
    const sub = report.locator('.search-subresult a[href*="#"]').first();
    const href = (await sub.getAttribute('href'))!;
    const anchor = decodeURIComponent(href.split('#')[1]);
    await sub.click();
    await page.waitForSelector('mark.search-hit-current');
    expect(new URL(page.url()).hash).toBe(`#${anchor}`);
    const where = await page.evaluate((id) => {
      const mark = document.querySelector('mark.search-hit-current')!;
      const heading = document.getElementById(id)!;
      const headings = [...document.querySelectorAll('article h2[id], article h3[id]')];
      const next = headings[headings.indexOf(heading) + 1];
      const r = mark.getBoundingClientRect();
      return {
        text: mark.textContent,
        afterHeading: Boolean(
          heading.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING,
        ),
        beforeNext:
          !next || Boolean(mark.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING),
        visible: r.top >= 0 && r.bottom <= window.innerHeight,
      };
    }, anchor);
    expect(where).toEqual({
      text: '新质生产力',
      afterHeading: true,
      beforeNext: true,
      visible: true,
    });

    // A simplified phrase is highlighted in the 1954 report's traditional text.
    await search(page, `q=${encodeURIComponent('同志关于宪法')}`);
    await page.click(`[data-search-result] .search-result-title a[href^="${shippedReport(1954)}"]`);
    await page.waitForSelector('mark.search-hit-current');
    expect(
      await page.$$eval('mark.search-hit', (ms) => ms.map((m) => m.textContent).join('')),
    ).toBe('同志關於憲法');
    await page.context().close();
  });

  it('header box: loads nothing for search until focused or /, previews matches, submits to the search page', async () => {
    const page = await newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((r) => r.includes('/pagefind'))).toEqual([]);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((e) => e.name.includes('/pagefind/pagefind.js')),
    );
    await page.keyboard.type('新质生产力');
    await page.waitForSelector('[data-site-search-preview]:not([hidden]) li a');
    const previewed = await page.$$eval('[data-site-search-preview] li a', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    // A preview is the best few matches: pages, no page twice, titles holding the phrase first.
    const holding = containing('新质生产力');
    const titled = pages
      .filter((p) => fold(String(p.front.title)).includes(fold('新质生产力')))
      .map((p) => p.url);
    expect(previewed.length).toBeGreaterThan(0);
    expect(new Set(previewed).size).toBe(previewed.length);
    for (const url of previewed) expect(holding).toContain(url);
    expect(
      previewed.every(
        (u, i) => titled.includes(u) || !previewed.slice(i).some((v) => titled.includes(v)),
      ),
    ).toBe(true);
    if (bundleDirs(dist).length === 1)
      expect(previewed.slice(0, titled.length).every((u) => titled.includes(u))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false' &&
        document.querySelectorAll('[data-search-result]').length > 0,
    );
    await complete(page);
    // Every match is either shown or counted on the button that shows the rest.
    const shown = await page.$$eval('[data-search-result]', (r) => r.length);
    const rest = (await page.isVisible('[data-search-more]'))
      ? Number(/\d+/.exec((await page.textContent('[data-search-more]'))!)![0])
      : 0;
    expect(shown + rest).toBe(holding.length);
    await page.context().close();
  });

  // One test per operator: each is a few searches, which a loaded machine still runs within the timeout.
  it('query syntax: -词 excludes the pages holding it', async () => {
    const page = await newPage();
    const minus = (a: string[], b: string[]) => a.filter((u) => !b.includes(u));
    const excluded = minus(containing('发展'), containing('新质生产力'));
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.length).toBeLessThan(containing('发展').length);
    expect(sorted(await search(page, `q=${encodeURIComponent('发展 -新质生产力')}`))).toEqual(
      sorted(excluded),
    );
    expect(await page.textContent('[data-search-status]')).toContain('不含“新质生产力”');
    await page.context().close();
  });

  it('query syntax: A | B and A 或 B find pages holding either', async () => {
    const page = await newPage();
    const either = sorted([...new Set([...containing('新质生产力'), ...containing('宪法')])]);
    expect(either.length).toBeGreaterThan(
      Math.max(containing('新质生产力').length, containing('宪法').length),
    );
    expect(sorted(await search(page, `q=${encodeURIComponent('新质生产力 | 宪法')}`))).toEqual(
      either,
    );
    expect(sorted(await search(page, `q=${encodeURIComponent('新质生产力 或 憲法')}`))).toEqual(
      either,
    );
    await page.context().close();
  });

  it('query syntax: 标题: searches titles only', async () => {
    const page = await newPage();
    const titled = pages
      .filter((p) => fold(String(p.front.title)).includes('报告'))
      .map((p) => p.url);
    expect(titled.length).toBeGreaterThan(0);
    expect(titled.length).toBeLessThan(containing('报告').length);
    expect(sorted(await search(page, `q=${encodeURIComponent('标题:报告')}`))).toEqual(
      sorted(titled),
    );
    await page.context().close();
  });

  it('query syntax: 栏目: filters from the box, and a slip in the syntax reads as plain words', async () => {
    const page = await newPage();
    const column = String(pages.find((p) => containing('发展').includes(p.url))!.front.column);
    const inColumn = pages
      .filter((p) => containing('发展').includes(p.url) && p.front.column === column)
      .map((p) => p.url);
    expect(sorted(await search(page, `q=${encodeURIComponent(`发展 栏目:${column}`)}`))).toEqual(
      sorted(inColumn),
    );

    // A slip in the syntax is read as plain words, never an error.
    expect(sorted(await search(page, `q=${encodeURIComponent('| 宪法 -')}`))).toEqual(
      sorted(containing('宪法')),
    );
    expect(await page.textContent('[data-search-status]')).toContain('按普通词句查找');
    await page.context().close();
  });

  it('sorts by date, newest first, when asked', async () => {
    const page = await newPage();
    const found = await search(page, `q=${encodeURIComponent('发展')}&sort=date`);
    expect(sorted(found)).toEqual(sorted(containing('发展')));
    const when = (url: string) => {
      const f = pages.find((p) => p.url === url)!.front;
      return String(f.date ?? f.year ?? '');
    };
    const dates = found.map(when);
    expect(dates).toEqual([...dates].sort((a, b) => b.localeCompare(a)));
    expect(await page.inputValue('select[name="sort"]')).toBe('date');
    await page.context().close();
  });

  it("orders a screen by title, headings, then how often each page's own text holds the phrase", async () => {
    const page = await newPage();
    const phrase = fold('发展');
    await search(page, `q=${encodeURIComponent('发展')}`);
    const shown = await page.$$eval('[data-search-result]', (items) =>
      items.slice(0, 10).map((li) => ({
        url: new URL(li.querySelector<HTMLAnchorElement>('.search-result-title a')!.href).pathname,
        meta: li.querySelector('.search-result-meta')?.textContent ?? '',
      })),
    );
    const rank = shown.map(({ url, meta }) => {
      const p = pages.find((q) => q.url === url)!;
      const count = p.indexed.split(phrase).length - 1;
      // The count each result shows is the one Ctrl-F over its indexed text gives.
      expect(meta, url).toContain(`${count} 处`);
      const title = fold(String(p.front.title));
      return [Number(title.includes(phrase)), Number(p.headings.includes(phrase)), count];
    });
    expect(rank.length).toBeGreaterThan(1);
    for (let i = 1; i < rank.length; i += 1) {
      const order = rank[i - 1].findIndex((v, k) => v !== rank[i][k]);
      if (order >= 0) expect(rank[i - 1][order], shown[i].url).toBeGreaterThan(rank[i][order]);
    }
    await page.context().close();
  });

  it("shows the phrase's year chart with the Ctrl-F counts per year, and a year's bar filters to it", async () => {
    const page = await newPage();
    await search(page, `q=${encodeURIComponent('发展')}`);
    const perYear = new Map<string, number>();
    for (const url of containing('发展')) {
      const year = pages.find((p) => p.url === url)!.front.year;
      if (year !== undefined) perYear.set(String(year), (perYear.get(String(year)) ?? 0) + 1);
    }
    expect(perYear.size).toBeGreaterThan(1);
    const rows = await page.$$eval('[data-search-years] .year-chart-table tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th')!.textContent!, tr.querySelector('td')!.textContent!]),
    );
    expect(new Map(rows.map(([y, n]) => [y, Number(n)]))).toEqual(perYear);
    expect(await page.$$eval('[data-search-years] svg a[data-year]', (as) => as.length)).toBe(
      perYear.size,
    );

    const year = [...perYear.keys()].sort()[0];
    await page.click(`[data-search-years] svg a[data-year="${year}"]`);
    await page.waitForFunction((y) => new URL(location.href).searchParams.get('year') === y, year);
    await page.waitForFunction(
      () => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false',
    );
    await complete(page);
    const shown = await page.$$eval('[data-search-result] .search-result-title a[href]', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(sorted(shown)).toEqual(
      sorted(
        containing('发展').filter(
          (u) => String(pages.find((p) => p.url === u)!.front.year) === year,
        ),
      ),
    );
    expect(await page.isChecked(`input[name="year"][value="${year}"]`)).toBe(true);
    await page.context().close();
  });

  /** The chart's total: its years' rows and the articles it says carry no year. */
  async function chartTotal(page: Page): Promise<number> {
    const rows = await page.$$eval('[data-search-years] .year-chart-table tbody td', (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    const undated = Number(
      (await page.getAttribute('[data-search-years] [data-year-chart]', 'data-undated')) ?? 0,
    );
    return rows.reduce((n, r) => n + r, 0) + undated;
  }

  it("the year chart's total equals the result count, with and without typed and ticked facets", async () => {
    const page = await newPage();
    const phrase = '发展';
    const author = String(
      [
        pages.find((p) => containing(phrase).includes(p.url) && [p.front.authors].flat()[0])?.front
          .authors,
      ].flat()[0] ?? '',
    );
    const queries = [
      `q=${encodeURIComponent(phrase)}`,
      `q=${encodeURIComponent(phrase)}&column=${encodeURIComponent('政府工作报告')}`,
      ...(author ? [`q=${encodeURIComponent(`${phrase} 作者:${author}`)}`] : []),
      `q=${encodeURIComponent(`${phrase} -新质生产力`)}`,
    ];
    for (const query of queries) {
      const found = await search(page, query);
      expect(found.length, query).toBeGreaterThan(0);
      expect(await chartTotal(page), query).toBe(found.length);
      expect(await page.textContent('[data-search-status]'), query).toContain(
        `共找到 ${found.length} 篇`,
      );
    }
    await page.context().close();
  });

  it('offers 新质生产力 for 新质生产率, with its count, as a link that runs that search', async () => {
    const meant = containing('新质生产力');
    expect(meant.length).toBeGreaterThan(0);
    expect(containing('新质生产率')).toEqual([]);
    const page = await newPage();
    expect(await search(page, `q=${encodeURIComponent('新质生产率')}`)).toEqual([]);
    await page.waitForSelector('[data-search-suggest][data-suggested]', { state: 'attached' });
    expect(await page.textContent('[data-search-status]')).toContain('没有找到');
    const offer = page.locator('[data-search-suggest] a', { hasText: /^新质生产力$/ });
    expect(await offer.count()).toBe(1);
    expect(await page.textContent('[data-search-suggest]')).toContain(
      `新质生产力（${meant.length} 篇）`,
    );
    await page.evaluate(() => ((window as unknown as { busy: string[] }).busy = []));
    await offer.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '新质生产力');
    await settled(page);
    expect(await page.textContent('[data-search-status]')).toContain(`共找到 ${meant.length} 篇`);
    expect(await page.isHidden('[data-search-suggest]')).toBe(true);
    await page.context().close();
  });

  it("a phone's first screen shows the first result; help and facets fold behind one control", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('发展')}`);
    await page.waitForSelector('[data-search-result]');
    const first = await page.$eval('[data-search-result] .search-result-title', (h) => {
      const r = h.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY };
    });
    expect(first.bottom).toBeLessThanOrEqual(844);
    expect(await page.isVisible('.search-filters')).toBe(false);
    expect(await page.isVisible('[data-search-help]')).toBe(false);
    await page.click('[data-search-options] > summary');
    expect(await page.isVisible('.search-filters')).toBe(true);
    expect(await page.isVisible('[data-search-help]')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await context.close();
  });

  it('ships aria-busy="true" on the results from the first paint, before any script has run', async () => {
    const html = await (
      await fetch(`${server.origin}/search/?q=${encodeURIComponent('发展')}`)
    ).text();
    expect(html).toMatch(
      /<ol[^>]*data-search-results[^>]*aria-busy="true"|<ol[^>]*aria-busy="true"[^>]*data-search-results/,
    );
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('发展')}`);
    expect(await page.getAttribute('[data-search-results]', 'aria-busy')).toBe('true');
    await context.close();
  });

  it('header box: no suggestion or submit while an input method composes, even before its script has arrived; arrows choose a suggestion, Esc closes', async () => {
    const page = await newPage();
    // The box's behaviour (box.ts) loads on first focus; held back here, the input method starts
    // composing before it arrives, as on a slow link or a busy machine.
    const boxScript = /\/_astro\/box\.[\w-]+\.js$/;
    await page.route(boxScript, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.goto(`${server.origin}/`);
    const boxArrived = page.waitForResponse(boxScript);
    await page.focus('#site-search-q');
    const start = page.url();
    // What an IME sends while the reader turns pinyin into 新质: composition events, input marked
    // isComposing, and the Enter that confirms the characters (also isComposing).
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#site-search-q')!;
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      input.value = 'xinzhi';
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, isComposing: true, data: 'xinzhi' }),
      );
      input.value = '新质生产力';
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, isComposing: true, data: '新质生产力' }),
      );
      const enter = new KeyboardEvent('keydown', {
        key: 'Enter',
        code: 'Enter',
        bubbles: true,
        cancelable: true,
        isComposing: true,
      });
      input.dispatchEvent(enter);
      (window as unknown as { enterBlocked: boolean }).enterBlocked = enter.defaultPrevented;
    });
    expect(
      await page.evaluate(() => (window as unknown as { enterBlocked: boolean }).enterBlocked),
    ).toBe(true);
    // Time for the box's script to arrive and for a preview it wrongly started to be shown.
    await boxArrived;
    await page.waitForTimeout(2000);
    expect(await page.isHidden('[data-site-search-preview]')).toBe(true);
    expect(page.url()).toBe(start);

    await page.evaluate(() =>
      document
        .querySelector('#site-search-q')!
        .dispatchEvent(
          new CompositionEvent('compositionend', { bubbles: true, data: '新质生产力' }),
        ),
    );
    await page.waitForSelector('[data-site-search-preview]:not([hidden]) [role="option"]');
    const options = await page.$$eval('[data-site-search-preview] [role="option"]', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(options).toHaveLength(Math.min(5, containing('新质生产力').length));
    for (const u of options) expect(containing('新质生产力')).toContain(u);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const activeId = await page.getAttribute('#site-search-q', 'aria-activedescendant');
    expect(await page.getAttribute(`#${activeId}`, 'aria-selected')).toBe('true');
    expect(activeId).toBe(options.length > 1 ? 'site-search-option-1' : 'site-search-option-0');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('[data-site-search-preview]')).toBe(true);
    expect(page.url()).toBe(start);
    await page.context().close();
  });

  it('without JavaScript the header box is a plain form that reaches the search page with the query', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.fill('#site-search-q', '民主');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('民主');
    expect(await page.textContent('noscript')).toBeTruthy();
    await context.close();
  });

  it('fetches a rare phrase only from the bundles whose summary may hold it, and finds the pages that hold it', async () => {
    const folders = bundleDirs(dist);
    const summaryFile = path.join(dist, folders[0], SUMMARY_FILES.json);
    expect(fs.existsSync(summaryFile)).toBe(folders.length > 1);
    if (folders.length === 1) return;
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as ShardSummary;
    const holding = bundlesHolding(summary, folders.length);
    const mayHoldIt = (phrase: string) => folders.filter((_, k) => holding(phrase).has(k));
    const holdingPages = (phrase: string) =>
      pages.filter((p) => p.indexed.includes(phrase)).map((p) => p.url);
    // A phrase of four Han characters on fewer pages than a screen, that some bundle cannot hold.
    const rare = pages
      .flatMap((p) => [...p.indexed.matchAll(/\p{Script=Han}{4}/gu)].filter((_, i) => i % 50 === 7))
      .map((m) => m[0])
      .find((phrase) => {
        const hits = holdingPages(phrase).length;
        return hits > 0 && hits < 10 && mayHoldIt(phrase).length < folders.length;
      });
    expect(rare).toBeDefined();
    const page = await newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const found = await search(page, `q=${encodeURIComponent(rare!)}`);
    expect(sorted(found), rare).toEqual(sorted(holdingPages(rare!)));
    const folderOf = (r: string) => r.split('/')[1];
    const chunks = new Set(requests.filter((r) => r.endsWith('.pf_index')).map(folderOf));
    // The newest bundle's sidecar carries the fold map: every search fetches it.
    const sidecars = new Set(
      requests
        .filter((r) => r.endsWith(SIDECAR_FILES.gz))
        .map(folderOf)
        .filter((folder) => folder !== folders[0]),
    );
    expect(requests.some((r) => r.endsWith(SUMMARY_FILES.gz))).toBe(true);
    expect(chunks.size).toBeGreaterThan(0);
    for (const folder of chunks) expect(mayHoldIt(rare!), folder).toContain(folder);
    for (const folder of sidecars) expect(mayHoldIt(rare!), folder).toContain(folder);
    await page.context().close();
  });
});

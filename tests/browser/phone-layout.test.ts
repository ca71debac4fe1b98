import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST, ROOT } from '../helpers/paths.ts';

const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
const PHONES = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
];
const phone = (viewport: { width: number; height: number }): BrowserContextOptions => ({
  viewport,
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
});

describe.skipIf(skipBrowser)('phone layout', () => {
  const site = openSite(DIST);
  const contexts: BrowserContext[] = [];
  /** Articles listed on the home page: whatever the archive holds, the newest ones. */
  let articles: string[] = [];

  async function open(pathname: string, options: BrowserContextOptions): Promise<Page> {
    const context = await site.browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${site.server.origin}${pathname}`);
    return page;
  }

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const home = await open('/', { viewport: { width: 1280, height: 900 } });
    const hrefs = await home
      .locator('main a[href*="/articles/"]')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    articles = [...new Set(hrefs)].slice(0, 5);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  for (const size of PHONES) {
    it(`shows column, title, author and three lines of text on the first ${size.width}×${size.height} screen`, async () => {
      expect(articles.length).toBeGreaterThan(0);
      const page = await open('/', phone(size));
      for (const article of articles) {
        await page.goto(`${site.server.origin}${article}`);
        const box = async (selector: string) =>
          page
            .locator(selector)
            .first()
            .evaluate((el) => {
              const r = el.getBoundingClientRect();
              return { top: r.top, bottom: r.bottom, height: r.height };
            });
        const title = await box('h1');
        expect(title.bottom, `${article}: title`).toBeLessThanOrEqual(size.height);
        for (const part of ['.article-column', '.article-authors']) {
          if (await page.locator(`article ${part}`).count())
            expect(
              (await box(`article ${part}`)).bottom,
              `${article}: ${part}`,
            ).toBeLessThanOrEqual(size.height);
        }
        // The first paragraph starts on the first screen, with room for three lines of text from there.
        const first = await box('.article-body > p');
        const lineHeight = await page
          .locator('.article-body > p')
          .first()
          .evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
        expect(first.top, `${article}: first paragraph`).toBeGreaterThan(title.bottom);
        expect(
          size.height - first.top,
          `${article}: three lines on the first screen`,
        ).toBeGreaterThanOrEqual(3 * lineHeight);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${article}: horizontal scroll`,
        ).toBeLessThanOrEqual(size.width);
      }
      await page.goto(`${site.server.origin}${articles[0]}`);
      const file = path.join(SCREENSHOTS, `phone-article-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    }, 180_000);
  }

  it('keeps the header to one bar: search behind an icon, the ways in behind 菜单', async () => {
    const page = await open(articles[0], phone(PHONES[0]));
    const header = await page
      .locator('.site-header')
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(header).toBeLessThanOrEqual(60);
    expect(await page.locator('.site-nav a').first().isVisible()).toBe(false);
    expect(await page.locator('#site-search-q').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '阅读模式' }).isVisible()).toBe(false);
    // The search icon opens the box in place and puts the cursor in it.
    await page.getByRole('button', { name: '检索' }).click();
    expect(await page.locator('#site-search-q').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    // The menu holds the ways in and the reading controls.
    await page.locator('.site-menu > summary').click();
    expect(
      await page.locator('.site-nav').getByRole('link', { name: '我的笔记' }).isVisible(),
    ).toBe(true);
    expect(await page.getByRole('button', { name: '阅读模式' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-menu-390x844.png') });
  });

  it('opens the menu and reaches 我的笔记 with JavaScript off; the search icon is then a link to the search page', async () => {
    const page = await open(articles[0], { ...phone(PHONES[1]), javaScriptEnabled: false });
    const notesLink = page.locator('.site-nav').getByRole('link', { name: '我的笔记' });
    expect(await notesLink.isVisible()).toBe(false);
    await page.locator('.site-menu > summary').click();
    expect(await notesLink.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-menu-nojs-320x640.png') });
    await notesLink.click();
    await page.waitForURL(/\/notes\/$/);
    expect(await page.locator('h1').textContent()).toBe('我的笔记');
    expect(await page.locator('.privacy-note').first().textContent()).toContain(
      '只保存在这台设备的这个浏览器里',
    );
    expect(await page.locator('main').textContent()).toContain('需要浏览器开启 JavaScript');
    await page.locator('.header-search-open').click();
    await page.waitForURL(/\/search\/$/);
  });

  it('puts the contents after the title, folded on phones and open beside the text on a desktop', async () => {
    const article = articles.find((a) => a) as string;
    for (const a of articles) {
      const page = await open(a, phone(PHONES[0]));
      if (!(await page.locator('.toc').count())) continue;
      const order = await page.evaluate(
        () =>
          document.querySelector('h1')!.compareDocumentPosition(document.querySelector('.toc')!) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      );
      expect(order).toBeTruthy();
      expect(await page.locator('.toc details').getAttribute('open')).toBeNull();
      const desk = await open(a, { viewport: { width: 1280, height: 900 } });
      expect(await desk.locator('.toc details').getAttribute('open')).toBe('');
      const tocRight = await desk
        .locator('.toc')
        .evaluate((el) => el.getBoundingClientRect().right);
      const textLeft = await desk
        .locator('.article-body')
        .evaluate((el) => el.getBoundingClientRect().left);
      expect(tocRight).toBeLessThanOrEqual(textLeft);
      return;
    }
    throw new Error(`none of ${article} … has a table of contents`);
  }, 180_000);

  it('keeps the desktop header: links, search box and reading controls in view without a menu', async () => {
    const page = await open(articles[0], { viewport: { width: 1280, height: 900 } });
    expect(await page.locator('.site-menu > summary').isVisible()).toBe(false);
    expect(await page.locator('.site-nav').getByRole('link', { name: '讲义' }).isVisible()).toBe(
      true,
    );
    expect(await page.locator('#site-search-q').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '阅读模式' }).isVisible()).toBe(true);
    expect(await page.locator('.header-search-open').isVisible()).toBe(false);
  });

  it('gives every control and list link a touch target of at least 44 × 44 px at 390 px', async () => {
    for (const p of ['/', articles[0], '/tags/', '/notes/', '/record/']) {
      const page = await open(p, phone(PHONES[0]));
      await page.locator('.site-menu > summary').click();
      const small = await page.evaluate(() => {
        // Links inside running text are exempt (WCAG 2.5.8 "inline"); everything else is a target.
        const inline =
          '.article-body p, .lead, .privacy-note, .site-footer p, .definition, .kwic, .byline, .source-notes, .reader-notes, .article-list-meta';
        return [
          ...document.querySelectorAll<HTMLElement>(
            'a[href], button, summary, input:not([type=hidden])',
          ),
        ]
          .filter(
            (el) =>
              el.getClientRects().length > 0 &&
              getComputedStyle(el).visibility !== 'hidden' &&
              !el.closest(inline) &&
              !el.closest('.skip-link'),
          )
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.height < 44 || r.width < 44)
          .map(
            ({ el, r }) =>
              `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 12)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
          );
      });
      expect(small, p).toEqual([]);
    }
  }, 180_000);
});

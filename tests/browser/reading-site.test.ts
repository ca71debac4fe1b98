import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST, ROOT } from '../helpers/paths.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';
import { newestFirst } from '../../src/site/article-order.ts';

const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
const REPORT_2024 = '/articles/zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao/';

describe.skipIf(skipBrowser)('reading site in Chromium', () => {
  const site = openSite(DIST);
  /** Every URL any page of these tests asked for, to prove nothing leaves the local server. */
  const requested: string[] = [];
  const contexts: BrowserContext[] = [];

  async function open(
    pathname: string,
    options: BrowserContextOptions = {},
  ): Promise<{ page: Page; context: BrowserContext }> {
    const context = await site.browser.newContext({
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${site.server.origin}${pathname}`);
    return { page, context };
  }

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  it('goes home → column → article → term → another article by clicking', async () => {
    const { page } = await open('/');
    await page
      .locator('.home-taxonomies')
      .getByRole('link', { name: /^政府工作报告/ })
      .click();
    await page.waitForURL(/\/columns\/zhengfu-gongzuo-baogao\/$/);
    // By its address: in a larger archive several reports are titled just 政府工作报告.
    await page.locator(`main .article-list a[href="${REPORT_2024}"]`).click();
    await page.waitForURL(new RegExp(`${REPORT_2024}$`));
    expect(await page.locator('h1').textContent()).toBe('政府工作报告');
    // The first use of 高质量发展 in a section links to its glossary page.
    await page.locator('.article-body a.term', { hasText: '高质量发展' }).first().click();
    await page.waitForURL(/\/glossary\/gaozhiliang-fazhan\/$/);
    expect(await page.locator('h1').textContent()).toContain('高质量发展');
    // From the term page to the section of another article that uses it.
    // (An article without sections, like the NPC resolution, is linked without an anchor; take one with sections.)
    const other = page
      .locator('.term-use')
      .filter({ hasNot: page.locator(`a[href="${REPORT_2024}"]`) })
      .locator('a.kwic-section[href*="#s"]')
      .first();
    const href = await other.getAttribute('href');
    expect(href).toMatch(/^\/articles\/.+#s\d/);
    expect(href).not.toContain('2024nian');
    await other.click();
    await page.waitForURL((u) => u.pathname + u.hash === href);
    const target = await page.evaluate(() => document.querySelector(':target')?.id);
    expect(`#${target}`).toBe(href!.slice(href!.indexOf('#')));
    expect(await page.locator(':target').textContent()).toBeTruthy();
  });

  it('copies a heading link with its anchor, and that URL opens at the section', async () => {
    const { page, context } = await open(REPORT_2024);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    const button = page.locator('#s3-2 button.copy-link');
    await expect.poll(() => button.count()).toBe(1);
    // Points have their own control too.
    expect(await page.locator('.point + button.copy-link').count()).toBe(
      await page.locator('.article-body .point').count(),
    );
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${site.server.origin}${REPORT_2024}#s3-2`);
    expect(await button.getAttribute('class')).toContain('copied');

    const { page: fresh } = await open(new URL(copied).pathname + new URL(copied).hash, {
      viewport: { width: 1280, height: 800 },
    });
    expect(await fresh.evaluate(() => document.querySelector(':target')?.id)).toBe('s3-2');
    expect(await fresh.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const top = await fresh.locator('#s3-2').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
  });

  it('copies on a plain-http intranet page too, where navigator.clipboard does not exist', async () => {
    const { page, context } = await open('/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    // What an http://10.x.x.x intranet page sees: no secure context, no async clipboard API.
    await context.addInitScript(() => {
      (window as unknown as { realClipboard: Clipboard }).realClipboard = navigator.clipboard;
      Object.defineProperty(navigator, 'clipboard', { value: undefined });
      Object.defineProperty(window, 'isSecureContext', { value: false });
    });
    await page.goto(`${site.server.origin}${REPORT_2024}`);
    const point = page.locator('.article-body .point').first();
    const id = await point.getAttribute('id');
    await page.locator('.point + button.copy-link').first().click();
    const copied = await page.evaluate(() =>
      (window as unknown as { realClipboard: Clipboard }).realClipboard.readText(),
    );
    expect(copied).toBe(`${site.server.origin}${REPORT_2024}#${id}`);
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
  });

  it('keeps reading mode and font size across pages and reloads, with ≥ 28 px text at 1920×1080', async () => {
    const { page } = await open(REPORT_2024, { viewport: { width: 1920, height: 1080 } });
    const bodySize = () =>
      page
        .locator('.article-body > p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const normal = await bodySize();
    await page.getByRole('button', { name: '阅读模式' }).click();
    expect(await page.locator('html').getAttribute('data-reading')).toBe('');
    expect(await bodySize()).toBeGreaterThanOrEqual(28);
    expect(await bodySize()).toBeGreaterThan(normal);
    // One column: the table of contents no longer stands beside the text.
    const tocRight = await page.locator('.toc').evaluate((el) => el.getBoundingClientRect().right);
    const textLeft = await page
      .locator('.article-body')
      .evaluate((el) => el.getBoundingClientRect().left);
    expect(tocRight).toBeGreaterThan(textLeft);

    await page.getByRole('button', { name: '放大字号' }).click();
    const bigger = await bodySize();
    expect(bigger).toBeGreaterThan(28);

    const previous = page.locator('.article-nav a[rel="prev"]');
    const previousHref = (await previous.getAttribute('href'))!;
    expect(previousHref).not.toContain('2024nian');
    await previous.click();
    await page.waitForURL((u) => u.pathname === previousHref);
    expect(await page.locator('html').getAttribute('data-reading')).toBe('');
    expect(await page.getByRole('button', { name: '阅读模式' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await bodySize()).toBeCloseTo(bigger, 0);
    await page.reload();
    expect(await page.locator('html').getAttribute('data-reading')).toBe('');

    await page.getByRole('button', { name: '阅读模式' }).click();
    await page.goto(`${site.server.origin}/`);
    expect(await page.locator('html').getAttribute('data-reading')).toBeNull();
  });

  it('keeps text at WCAG AA contrast (4.5:1) in light, dark and reading mode', async () => {
    const selectors = [
      '.article-body p',
      '.article-body a.term',
      '.article-meta',
      '.breadcrumbs li',
      '.site-purpose',
      '.site-nav a',
      '.toc a',
      '.taxonomy-links dt',
      '.taxonomy-links a',
      '.article-list-meta',
      '.site-footer',
    ];
    for (const [colorScheme, reading] of [
      ['light', false],
      ['dark', false],
      ['light', true],
      ['dark', true],
    ] as const) {
      const { page, context } = await open('/', { colorScheme });
      if (reading) await context.addInitScript(() => localStorage.setItem('zx-reading', '1'));
      await page.goto(`${site.server.origin}${REPORT_2024}`);
      const low = await page.evaluate((list) => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const f = (v: number) =>
            (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const background = (el: Element | null): number[] => {
          for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        return list.flatMap((sel) => {
          const el = document.querySelector(sel);
          if (!el) return [`${sel}: missing`];
          const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          return ratio < 4.5 ? [`${sel}: ${ratio.toFixed(2)}`] : [];
        });
      }, selectors);
      expect(low, `${colorScheme}${reading ? ' reading' : ''}`).toEqual([]);
    }
  });

  it('has no horizontal overflow at 375 px, in normal and in reading mode', async () => {
    const pages = [
      '/',
      REPORT_2024,
      '/glossary/xinzhi-shengchanli/',
      '/tags/',
      '/authors/liqiang/',
      '/years/2024/',
      '/no-such-page/',
    ];
    for (const reading of [false, true]) {
      const { page, context } = await open('/', {
        viewport: { width: 375, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      if (reading) await context.addInitScript(() => localStorage.setItem('zx-reading', '1'));
      for (const p of pages) {
        await page.goto(`${site.server.origin}${p}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${p}${reading ? ' (reading mode)' : ''}`).toBeLessThanOrEqual(375);
      }
    }
  });

  it('reads with JavaScript off: text, contents and links all there, script-only controls hidden', async () => {
    const { page } = await open(REPORT_2024, { javaScriptEnabled: false });
    expect(await page.locator('.article-body > p').count()).toBeGreaterThan(50);
    expect(await page.locator('.toc a[href="#s3-1"]').isVisible()).toBe(true);
    expect(await page.locator('.reading-controls').isVisible()).toBe(false);
    expect(await page.locator('button.copy-link').count()).toBe(0);
  });

  it('starts keyboard use at a skip link to the main text', async () => {
    const { page } = await open(REPORT_2024);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });

  it('saves screenshots at 375 and 1280 px for review', async () => {
    for (const width of [375, 1280]) {
      for (const [name, p] of [
        ['home', '/'],
        ['article', `${REPORT_2024}#s3-1`],
        ['glossary-term', '/glossary/xinzhi-shengchanli/'],
      ]) {
        const { page } = await open(p, { viewport: { width, height: width === 375 ? 740 : 900 } });
        const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
        await page.screenshot({ path: file });
        expect(fs.statSync(file).size).toBeGreaterThan(10_000);
      }
    }
    // Dark mode on a phone, and reading mode as a projector shows it.
    const { page: dark } = await open(`${REPORT_2024}#s3-1`, {
      viewport: { width: 375, height: 740 },
      colorScheme: 'dark',
    });
    await dark.screenshot({ path: path.join(SCREENSHOTS, 'article-dark-375.png') });
    const { page: projector, context } = await open('/', {
      viewport: { width: 1920, height: 1080 },
    });
    await context.addInitScript(() => localStorage.setItem('zx-reading', '1'));
    await projector.goto(`${site.server.origin}${REPORT_2024}#s3-1`);
    await projector.screenshot({ path: path.join(SCREENSHOTS, 'article-reading-1920.png') });
    // Nine pages opened and drawn: a home page listing a large archive takes a while on a busy machine.
  }, 180_000);

  it('serves a well-formed RSS feed of the newest materials and a well-formed sitemap', async () => {
    const articles = shippedArticles();
    const { page } = await open('/');
    const parsed = await page.evaluate(async () => {
      const read = async (p: string) =>
        new DOMParser().parseFromString(await (await fetch(p)).text(), 'application/xml');
      const feed = await read('feed.xml');
      const index = await read('sitemap-index.xml');
      const sitemaps = await Promise.all(
        // The index names each sitemap by the site's public address (SITE_URL); read it from this server.
        [...index.getElementsByTagName('loc')].map((loc) =>
          read(new URL(loc.textContent ?? '').pathname),
        ),
      );
      const sitemap = sitemaps[0];
      return {
        errors:
          feed.getElementsByTagName('parsererror').length +
          sitemap.getElementsByTagName('parsererror').length,
        feedRoot: feed.documentElement.nodeName,
        titles: [...feed.getElementsByTagName('item')].map(
          (e) => e.getElementsByTagName('title')[0]?.textContent ?? '',
        ),
        updated: [...feed.getElementsByTagName('item')].map(
          (e) => e.getElementsByTagName('pubDate')[0]?.textContent ?? '',
        ),
        urls: sitemaps.reduce((n, s) => n + s.getElementsByTagName('loc').length, 0),
      };
    });
    expect(parsed.errors).toBe(0);
    expect(parsed.feedRoot).toBe('rss');
    // The newest 20 (fewer in a small archive), in the archive's newest-first order (src/site/article-order.ts).
    expect(parsed.titles).toEqual(
      newestFirst(articles)
        .slice(0, 20)
        .map((a) => a.data.title),
    );
    // Midnight in Beijing, as RSS writes dates: the day before, 16:00 GMT.
    for (const u of parsed.updated) expect(u).toMatch(/^\w{3}, \d{2} \w{3} \d{4} 16:00:00 GMT$/);
    expect(parsed.urls).toBeGreaterThan(articles.length);
  });

  it('asked for nothing but the local server', () => {
    expect(requested.length).toBeGreaterThan(20);
    const elsewhere = requested.filter(
      (u) => !u.startsWith(`${site.server.origin}/`) && !u.startsWith('data:'),
    );
    expect(elsewhere).toEqual([]);
  });
});

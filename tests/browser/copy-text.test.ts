import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST } from '../helpers/paths.ts';

/** Every article page of the built archive, whatever it holds. */
function articlePages(): string[] {
  const root = path.join(DIST, 'articles');
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/articles/${path.dirname(f).split(path.sep).join('/')}/`)
    .sort();
}

/**
 * Selects each paragraph that has a point (一是, 二要, 1. …) or a heading, once the page's script has
 * added its copy-link buttons, and compares what the selection says with that block's text in the
 * HTML as served, before any script ran: they must be the same, character for character.
 */
async function selectionsThatDiffer(page: Page): Promise<{ checked: number; differ: string[] }> {
  return page.evaluate(async () => {
    const served = new DOMParser().parseFromString(
      await (await fetch(location.href)).text(),
      'text/html',
    );
    const BLOCKS = '.article-body > p, .article-body > h2, .article-body > h3';
    const original = [...served.querySelectorAll(BLOCKS)];
    const shown = [...document.querySelectorAll(BLOCKS)];
    if (original.length !== shown.length)
      return { checked: 0, differ: ['blocks differ in number'] };
    const differ: string[] = [];
    let checked = 0;
    shown.forEach((block, i) => {
      if (!block.querySelector('.copy-link')) return;
      checked++;
      const range = document.createRange();
      range.selectNodeContents(block);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      const text = selection?.toString() ?? '';
      if (text !== original[i].textContent) differ.push(text.slice(0, 40));
    });
    return { checked, differ };
  });
}

describe.skipIf(skipBrowser)('copying text next to the copy-link buttons', () => {
  const site = openSite(DIST);
  const pages = articlePages();

  it('gives exactly the text of every paragraph with a point and every heading, on every article', async () => {
    expect(pages.length).toBeGreaterThan(0);
    const page = await site.browser.newPage();
    let checked = 0;
    const differ: string[] = [];
    for (const article of pages) {
      await page.goto(`${site.server.origin}${article}`);
      const result = await selectionsThatDiffer(page);
      checked += result.checked;
      differ.push(...result.differ.map((d) => `${article}: ${d}`));
    }
    // The archive has points somewhere, or there is nothing this test could catch.
    expect(checked).toBeGreaterThan(0);
    expect(differ).toEqual([]);
    await page.close();
  }, 300_000);

  it('puts exactly a paragraph on the clipboard with Ctrl+C, first point and all', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    let copied = 0;
    for (const article of pages) {
      await page.goto(`${site.server.origin}${article}`);
      const paragraphs = page.locator('.article-body > p:has(> .point)');
      if ((await paragraphs.count()) === 0) continue;
      await expect.poll(() => page.locator('.article-body .copy-link').count()).toBeGreaterThan(0);
      for (const at of [0, (await paragraphs.count()) - 1]) {
        const paragraph = paragraphs.nth(at);
        const text = await paragraph.evaluate((p) => {
          const range = document.createRange();
          range.selectNodeContents(p);
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
          return [...p.childNodes]
            .filter((n) => !(n instanceof HTMLButtonElement))
            .map((n) => n.textContent)
            .join('');
        });
        await page.keyboard.press('Control+C');
        const clipboard = await page.evaluate(() => navigator.clipboard.readText());
        expect(clipboard.trim(), article).toBe(text.trim());
        expect(clipboard).not.toContain('#');
        copied++;
      }
      if (copied >= 10) break;
    }
    expect(copied).toBeGreaterThan(0);
    await context.close();
  }, 120_000);

  it('keeps the buttons reachable by Tab, named as before, without changing the line spacing on a phone', async () => {
    const article = pages.find((p) =>
      fs.readFileSync(path.join(DIST, p, 'index.html'), 'utf8').includes('class="point"'),
    );
    expect(article, 'an article with points').toBeTruthy();
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const context = await site.browser.newContext({ viewport, hasTouch: viewport.width < 500 });
      const page = await context.newPage();
      await page.goto(`${site.server.origin}${article}`);
      await expect.poll(() => page.locator('.article-body .copy-link').count()).toBeGreaterThan(0);
      // Every button is a button with a name that says what it copies.
      const names = await page
        .locator('.article-body .copy-link')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
      for (const name of names) expect(name).toMatch(/^复制(本节|“.+”这一点的)链接$/);
      // Tab reaches a point's button, which is then shown and named.
      const point = page.locator('.article-body p > .copy-link').first();
      await point.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        label: document.activeElement?.getAttribute('aria-label'),
        opacity: getComputedStyle(document.activeElement as Element).opacity,
      }));
      expect(focused.label).toMatch(/这一点的链接$/);
      expect(focused.opacity).toBe('1');
      // A paragraph is as tall with its buttons as without them: they take no room in the lines.
      const heights = await page.locator('.article-body > p:has(> .copy-link)').evaluateAll((ps) =>
        ps.map((p) => {
          const withButtons = p.getBoundingClientRect().height;
          const buttons = [...p.querySelectorAll<HTMLElement>('.copy-link')];
          for (const b of buttons) b.style.display = 'none';
          const without = p.getBoundingClientRect().height;
          for (const b of buttons) b.style.display = '';
          return withButtons - without;
        }),
      );
      expect(heights.length).toBeGreaterThan(0);
      expect(
        heights.filter((d) => Math.abs(d) > 0.5),
        `${viewport.width} px`,
      ).toEqual([]);
      await context.close();
    }
  });
});

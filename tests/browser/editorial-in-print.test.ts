import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sectionTexts } from '../../src/core/sections.ts';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST } from '../helpers/paths.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

/**
 * What the editor tells readers travels with the text: an 编者注 and the 勘误 list show in print and in a
 * handout (a section taken alone too). The articles are found from the archive:
 * the first with an erratum, the first with a notice (in the shipped archive, the seed issue's).
 */
const articles = shippedArticles();
const corrected = articles.find((a) => a.body.includes('<Erratum '));
const noticed = articles.find((a) => a.body.includes('<Notice'));
/** The section that holds the first erratum mark. */
const markedSection = corrected
  ? [...sectionTexts(corrected.body.replace(/<\/?Erratum[^>]*>/g, '§')).entries()].find(([, s]) =>
      s.text.includes('§'),
    )?.[0]
  : undefined;

describe.skipIf(skipBrowser || !corrected || !noticed)(
  '编者注 and 勘误 in print and handouts',
  () => {
    const site = openSite(DIST);
    const ready = (page: Page) =>
      page.waitForSelector('html[data-handout="ready"], html[data-handout="error"]');

    it('print shows the 编者注 above the text, the corrected words with their mark, and the 勘误 list', async () => {
      const page = await site.browser.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${site.server.origin}/articles/${noticed?.id}/`);
      expect(await page.locator('[data-study-aid="notice"]').isVisible()).toBe(true);
      await page.goto(`${site.server.origin}/articles/${corrected?.id}/`);
      expect(
        await page.locator('[data-study-aid="errata"] .erratum-note').first().isVisible(),
      ).toBe(true);
      // On paper the mark is drawn after the corrected words (a link's own ::after never prints).
      const mark = await page
        .locator('.erratum')
        .first()
        .evaluate((span) => getComputedStyle(span, '::after').content);
      expect(mark).toBe('"勘"');
      // The corrected sentence reads as one, with no mark's text inside it.
      const words = await page.locator('.erratum').first().textContent();
      expect(words?.length).toBeGreaterThan(0);
      await page.close();
    });

    it('a handout of the whole articles, and of the corrected section alone, carries both', async () => {
      const page = await site.browser.newPage();
      const items = [`${corrected?.id}#${markedSection}`, noticed?.id].join(',');
      await page.goto(`${site.server.origin}/handout/?items=${encodeURIComponent(items)}`);
      await ready(page);
      expect(await page.locator('html').getAttribute('data-handout')).toBe('ready');
      const sectionItem = page.locator('.handout-item').first();
      expect(await sectionItem.locator('.erratum-mark').count()).toBeGreaterThan(0);
      expect(await sectionItem.locator('[data-study-aid="errata"] .erratum-note').count()).toBe(
        await sectionItem.locator('.erratum-mark').count(),
      );
      const noticeItem = page.locator('.handout-item').nth(1);
      expect(await noticeItem.locator('[data-study-aid="notice"]').count()).toBe(1);
      await page.close();
    });
  },
);

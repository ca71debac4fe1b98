import fs from 'node:fs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST } from '../helpers/paths.ts';
import { chineseDate } from '../../src/lib/handout-document.ts';
import { RECORD_KEY, type StudyVisit } from '../../src/lib/record/visits.ts';

describe.skipIf(skipBrowser)(
  '学习记录: what was opened, for how long it was visible, by day',
  () => {
    const site = openSite(DIST);
    let context: BrowserContext;
    let page: Page;

    const record = () =>
      page.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? '[]') as StudyVisit[],
        RECORD_KEY,
      );
    /** What the browser does when the reader switches tab or minimises the window. */
    const setVisibility = (state: 'visible' | 'hidden') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);

    beforeAll(async () => {
      context = await site.browser.newContext({
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    let articleTitle = '';
    let sessionTitle = '';

    it('records an opened article and the time it was visible, not the time it was hidden', async () => {
      await page.goto(`${site.server.origin}/`);
      await page.locator('main a[href*="/articles/"]').first().click();
      await page.waitForURL(/\/articles\//);
      articleTitle = (await page.locator('h1').textContent())!.trim();
      expect((await record()).map((v) => v.title)).toEqual([articleTitle]);
      await page.waitForTimeout(2200);
      await setVisibility('hidden');
      const [visible] = await record();
      expect(visible.kind).toBe('article');
      expect(visible.seconds).toBeGreaterThanOrEqual(2);
      expect(visible.seconds).toBeLessThan(30);
      await page.waitForTimeout(1500);
      await setVisibility('visible');
      await setVisibility('hidden');
      const [after] = await record();
      expect(after.seconds - visible.seconds).toBeLessThan(0.5);
    });

    it('records an opened study session', async () => {
      await page.goto(`${site.server.origin}/sessions/`);
      await page.locator('main a[href*="/sessions/"]').first().click();
      await page.waitForURL(/\/sessions\/[^/]+\/$/);
      sessionTitle = (await page.locator('h1').textContent())!.trim();
      const visits = await record();
      expect(visits.map((v) => [v.kind, v.title])).toEqual([
        ['article', articleTitle],
        ['session', sessionTitle],
      ]);
    });

    it('shows the record by date on /record/, saying it stays in this browser', async () => {
      await page.goto(`${site.server.origin}/record/`);
      const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
      const day = page.locator('.record-day').first();
      expect(await day.locator('h2').textContent()).toContain(chineseDate(today));
      expect(await day.locator('li a').allTextContents()).toEqual([articleTitle, sessionTitle]);
      expect(await day.locator('li').first().textContent()).toMatch(
        /文章 · \d\d:\d\d 打开 · (\d+ 分 )?\d+ 秒/,
      );
      expect(await page.locator('.privacy-note').first().textContent()).toContain(
        '不会发送到任何服务器',
      );
    });

    it('exports a CSV Excel opens as UTF-8 and a .docx 学习台账', async () => {
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出表格（.csv）' }).click(),
      ]);
      const bytes = fs.readFileSync((await csv.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(rows[0]).toBe('日期,类型,材料,阅读时长（分钟）,首次打开,最后阅读,网址');
      expect(rows.slice(1).map((r) => r.split(',')[2])).toEqual(
        [articleTitle, sessionTitle].map((t) => (/[",]/.test(t) ? `"${t}"` : t)),
      );

      const [docx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出 Word（.docx）' }).click(),
      ]);
      expect(docx.suggestedFilename()).toMatch(/^学习台账-\d{4}-\d{2}-\d{2}\.docx$/);
      const { value } = await mammoth.extractRawText({
        buffer: fs.readFileSync((await docx.path())!),
      });
      for (const part of ['学习台账', articleTitle, sessionTitle, '学习会', '文章'])
        expect(value).toContain(part);
    });

    it('clears the record with one button, after asking', async () => {
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: '清除学习记录' }).click();
      expect(await page.locator('[data-record-status]').textContent()).toBe('已删除全部学习记录。');
      expect(await page.locator('.record-day').count()).toBe(0);
      expect(await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY)).toBeNull();
    });
  },
);

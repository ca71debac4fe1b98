import fs from 'node:fs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST } from '../helpers/paths.ts';
import { NOTES_KEY, type ReaderNote } from '../../src/lib/notes/store.ts';

const MY_NOTE = '这一段要结合本地实际学习领会。';

describe.skipIf(skipBrowser)(
  '我的笔记: highlight, note, reload, list, export, handout, clear',
  () => {
    const site = openSite(DIST);
    let context: BrowserContext;
    let page: Page;
    /** An article with sections, found from the home page so this holds for any archive. */
    let article = '';
    let quote = '';
    let section = '';

    const marked = () =>
      page
        .locator('mark.reader-note')
        .evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
    const stored = () =>
      page.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? '[]') as ReaderNote[],
        NOTES_KEY,
      );

    beforeAll(async () => {
      context = await site.browser.newContext({
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      page = await context.newPage();
      await page.goto(`${site.server.origin}/`);
      const hrefs = await page
        .locator('main a[href*="/articles/"]')
        .evaluateAll((links) => [
          ...new Set(links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
        ]);
      for (const href of hrefs) {
        await page.goto(`${site.server.origin}${href}`);
        if (await page.locator('.article-body h2[id] ~ p').count()) {
          article = href;
          break;
        }
      }
      expect(article).not.toBe('');
    });
    afterAll(async () => {
      await context?.close();
    });

    it('highlights a selected passage with a note, and shows it again after a reload', async () => {
      await page.goto(`${site.server.origin}${article}`);
      // Select words in the first long paragraph after a section heading, as a reader would by dragging.
      ({ quote, section } = await page.evaluate(() => {
        for (const p of document.querySelectorAll<HTMLElement>('.article-body h2[id] ~ p')) {
          const text = [...p.childNodes].find(
            (n): n is Text => n.nodeType === Node.TEXT_NODE && (n as Text).data.length >= 30,
          );
          if (!text) continue;
          const range = document.createRange();
          range.setStart(text, 4);
          range.setEnd(text, 22);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          let heading: Element | null = p;
          while (heading && !/^H[23]$/.test(heading.tagName))
            heading = heading.previousElementSibling;
          return { quote: range.toString(), section: heading!.id };
        }
        throw new Error('no paragraph of 30 characters after a heading');
      }));
      const bar = page.getByRole('region', { name: '划线和笔记' });
      await bar.getByRole('button', { name: '写笔记' }).click();
      await bar.getByRole('textbox').fill(MY_NOTE);
      await bar.getByRole('button', { name: '保存' }).click();
      expect(await marked()).toBe(quote);
      const [saved] = await stored();
      expect(saved).toMatchObject({
        quote,
        note: MY_NOTE,
        section,
        article: article.replace(/^\/articles\/|\/$/g, ''),
      });

      await page.reload();
      await page.locator('mark.reader-note').first().waitFor();
      expect(await marked()).toBe(quote);
      expect(await page.locator('mark.reader-note').first().getAttribute('title')).toBe(
        `笔记：${MY_NOTE}`,
      );
    });

    it('finds the passage by its words when the section anchors changed (re-ingest with unchanged text)', async () => {
      const notes = await stored();
      await page.evaluate(
        ([key, value]) => localStorage.setItem(key, value),
        [NOTES_KEY, JSON.stringify(notes.map((n) => ({ ...n, section: 's999' })))],
      );
      await page.reload();
      await page.locator('mark.reader-note').first().waitFor();
      expect(await marked()).toBe(quote);
      await page.evaluate(
        ([key, value]) => localStorage.setItem(key, value),
        [NOTES_KEY, JSON.stringify(notes)],
      );
    });

    it('opens the note from the highlight to edit it', async () => {
      await page.reload();
      await page.locator('mark.reader-note').first().click();
      const bar = page.getByRole('region', { name: '划线和笔记' });
      expect(await bar.getByRole('textbox').inputValue()).toBe(MY_NOTE);
      await bar.getByRole('button', { name: '关闭' }).click();
      expect(await bar.isVisible()).toBe(false);
    });

    it('lists the note on /notes/ by article, linking to its section', async () => {
      await page.goto(`${site.server.origin}/notes/`);
      const item = page.locator('.notes-list li').first();
      expect(await item.locator('blockquote').textContent()).toBe(quote);
      expect(await item.locator('.notes-note').textContent()).toBe(MY_NOTE);
      expect(await page.locator('.notes-list h2 a').first().getAttribute('href')).toBe(
        `${site.server.origin}${article}`,
      );
      const link = item.locator('.notes-where a');
      expect(await link.getAttribute('href')).toBe(`${site.server.origin}${article}#${section}`);
      await link.click();
      await page.waitForURL((u) => u.hash === `#${section}`);
      await page.locator('mark.reader-note').first().waitFor();
    });

    it('exports 学习笔记 as a .docx that mammoth reads with the quote, the source and the note, and as plain text', async () => {
      await page.goto(`${site.server.origin}/notes/`);
      const [docx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出 Word（.docx）' }).click(),
      ]);
      expect(docx.suggestedFilename()).toMatch(/^学习笔记-\d{4}-\d{2}-\d{2}\.docx$/);
      const { value } = await mammoth.extractRawText({
        buffer: fs.readFileSync((await docx.path())!),
      });
      const title = (await page.locator('.notes-list h2').first().textContent())!;
      for (const part of [
        '学习笔记',
        `《${title}》`,
        `“${quote}”`,
        MY_NOTE,
        `${article}#${section}`,
      ])
        expect(value).toContain(part);

      const [txt] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出纯文本（.txt）' }).click(),
      ]);
      const text = fs.readFileSync((await txt.path())!, 'utf8');
      expect(text.startsWith('\uFEFF学习笔记')).toBe(true);
      expect(text).toContain(`摘录：“${quote}”\r\n心得：${MY_NOTE}`);
    });

    it('puts the notes after their article in a handout when asked', async () => {
      const id = article.replace(/^\/articles\/|\/$/g, '');
      await page.goto(`${site.server.origin}/handout/?items=${encodeURIComponent(id)}`);
      await page.waitForFunction(() => document.documentElement.dataset.handout === 'ready');
      expect(await page.locator('.handout-reader-notes').count()).toBe(0);
      await page.getByLabel(/附上我的笔记/).check();
      await page.waitForFunction(
        () =>
          document.documentElement.dataset.handout === 'ready' &&
          document.querySelector('.handout-reader-notes'),
      );
      const notes = page.locator('#handout-document .handout-reader-notes');
      expect(await notes.textContent()).toContain(quote);
      expect(await notes.textContent()).toContain(MY_NOTE);
      // Right after the article it belongs to.
      expect(
        await notes.evaluate((el) => el.previousElementSibling?.classList.contains('handout-item')),
      ).toBe(true);
    });

    it('deletes everything with the clear button, after asking', async () => {
      await page.goto(`${site.server.origin}/notes/`);
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: '清除全部笔记' }).click();
      expect(await page.locator('[data-notes-status]').textContent()).toBe('已删除全部笔记。');
      expect(await page.evaluate((key) => localStorage.getItem(key), NOTES_KEY)).toBeNull();
      await page.goto(`${site.server.origin}${article}`);
      expect(await page.locator('mark.reader-note').count()).toBe(0);
    });
  },
);

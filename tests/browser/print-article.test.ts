import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHARS_PER_LINE,
  LINES_PER_PAGE,
  MARGIN_BINDING_MM,
  MARGIN_TOP_MM,
  mmToPt,
  PAGE_NUMBER_GAP_MM,
  PAGE_NUMBER_INDENT_PT,
  TEXT_BLOCK,
} from '../../src/core/print-geometry.ts';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST } from '../helpers/paths.ts';
import {
  headingTree,
  outlineTitles,
  PAGE_NUMBER,
  pdfInfo,
  pdfLines,
  pdfMetadata,
  pdfOutline,
  pdfStructure,
  visible,
  type PdfLine,
} from '../helpers/pdf.ts';

/**
 * Ctrl+P on an article: printed by Chromium to PDF exactly as a reader's browser prints it, then read
 * back with poppler to check the official-document format on paper rather than in CSS.
 */

const ARTICLES = [
  // Modern, with subtitle, 一、 and （一） headings and 一是 points.
  'zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao',
  // Traditional characters, one long run of paragraphs.
  'zhengfu-gongzuo-baogao/1954nian-zhengfu-gongzuo-baogao',
  // Printed by a reader who reads on screen in reading mode at the largest type.
  'zhengfu-gongzuo-baogao/2018nian-zhengfu-gongzuo-baogao',
];
const IN_READING_MODE = 'zhengfu-gongzuo-baogao/2018nian-zhengfu-gongzuo-baogao';

const PITCH_PT = mmToPt(TEXT_BLOCK.heightMm / LINES_PER_PAGE);
const LEFT_PT = mmToPt(MARGIN_BINDING_MM);
const RIGHT_PT = mmToPt(MARGIN_BINDING_MM + TEXT_BLOCK.widthMm);
const BLOCK_BOTTOM_PT = mmToPt(MARGIN_TOP_MM + TEXT_BLOCK.heightMm);
/** A line made only of full-width characters: each takes exactly one place on the grid. */
const FULL_WIDTH_ONLY =
  /^[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff60\u2014\u2018\u2019\u201c\u201d\u2026]+$/u;

/** Lines pdftotext split at a change of font (a bold 一是) are one printed line again. */
function joinSameBaseline(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && Math.abs(prev.yMin - l.yMin) < 3) {
      prev.text += l.text;
      prev.xMin = Math.min(prev.xMin, l.xMin);
      prev.xMax = Math.max(prev.xMax, l.xMax);
    } else out.push({ ...l });
  }
  return out;
}

describe.skipIf(skipBrowser)('printing an article (GB/T 9704 format)', () => {
  const site = openSite(DIST);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'print-article-'));
  const printed = new Map<
    string,
    {
      file: string;
      expected: string;
      pages: PdfLine[][];
      title: string;
      headings: { level: number; text: string }[];
    }
  >();

  beforeAll(async () => {
    for (const id of ARTICLES) {
      const page = await site.browser.newPage();
      if (id === IN_READING_MODE) {
        await page.goto(`${site.server.origin}/`);
        await page.evaluate(() => {
          localStorage.setItem('zx-reading', '1');
          localStorage.setItem('zx-font-scale', '2');
        });
      }
      await page.goto(`${site.server.origin}/articles/${id}/`);
      // The article's own text, its author line under the title and its source line, read from
      // the page as a reader sees it.
      const expected = await page.evaluate(() => {
        const article = document.querySelector('article')!;
        const parts = [
          'h1',
          '.article-subtitle',
          '.article-header .article-authors',
          '.article-body',
          '.print-source',
        ]
          .map((sel) => article.querySelector(sel))
          .filter((el): el is Element => el !== null)
          .map((el) => {
            const copy = el.cloneNode(true) as Element;
            copy.querySelectorAll('[hidden], button, script, style').forEach((n) => n.remove());
            return copy.textContent ?? '';
          });
        return parts.join('');
      });
      // The headings a reader sees in the text, for the bookmarks.
      const headings = await page.evaluate(() =>
        [...document.querySelectorAll('article h1, article .article-body :is(h2, h3, h4, h5, h6)')]
          .filter((h) => h.checkVisibility())
          .map((h) => {
            // The 加入讲义 and # buttons beside a heading are screen controls, never printed.
            const copy = h.cloneNode(true) as Element;
            copy.querySelectorAll('[hidden], button, script, style').forEach((n) => n.remove());
            return {
              level: Number(h.tagName[1]),
              text: (copy.textContent ?? '').replace(/\s+/g, ''),
            };
          }),
      );
      const title = await page.title();
      const file = path.join(tmp, `${id.replace(/\//g, '_')}.pdf`);
      // As Chromium's "Save as PDF" writes it: with the document outline and tags.
      await page.pdf({
        path: file,
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
      });
      await page.close();
      printed.set(id, {
        file,
        expected: visible(expected),
        pages: pdfLines(file).map(joinSameBaseline),
        title,
        headings,
      });
    }
  });

  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('prints a 思考题 study aid with the text and bookmarks it under the title, after the 一、 parts', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.origin}/articles/${ARTICLES[0]}/`);
    // The markup the editorial layer renders for <StudyQuestions> (notes/EDITORIAL.md), added to the body's end.
    const question = '结合本职工作，如何理解报告提出的主要任务？';
    await page.evaluate((q) => {
      const aside = document.createElement('section');
      aside.className = 'study-aid study-aid--questions';
      aside.dataset.studyAid = 'questions';
      aside.innerHTML = '<h2 id="aid-questions">思考题</h2><ol><li></li></ol>';
      aside.querySelector('li')!.textContent = q;
      document.querySelector('article .article-body')!.append(aside);
    }, question);
    const file = path.join(tmp, 'questions.pdf');
    await page.pdf({
      path: file,
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
    });
    await page.close();
    const [article] = pdfOutline(file);
    expect(article.children.length).toBeGreaterThan(1);
    expect(article.children[article.children.length - 1].title).toBe('思考题');
    expect(article.children.slice(0, -1).some((c) => /^一、/.test(c.title))).toBe(true);
    const lines = pdfLines(file)
      .flat()
      .map((l) => l.text);
    expect(visible(lines.join(''))).toContain(visible(question));
  });

  describe.each(ARTICLES)('%s', (id) => {
    it('is A4 portrait', () => {
      const info = pdfInfo(printed.get(id)!.file);
      expect(info.widthPt).toBeCloseTo(mmToPt(210), 0);
      expect(info.heightPt).toBeCloseTo(mmToPt(297), 0);
      expect(info.pages).toBeGreaterThan(3);
    });

    it('numbers every page "— n —" at the foot, 7 mm under the text block', () => {
      const { pages } = printed.get(id)!;
      pages.forEach((lines, i) => {
        const foot = lines[lines.length - 1];
        expect(foot.text, `page ${i + 1}`).toMatch(PAGE_NUMBER);
        expect(Number(PAGE_NUMBER.exec(foot.text)![1])).toBe(i + 1);
        // The line box starts above the dash (the font's ascent), so its top lies within the 7 mm gap.
        expect(foot.yMin).toBeGreaterThan(BLOCK_BOTTOM_PT + mmToPt(PAGE_NUMBER_GAP_MM) / 2);
        expect(foot.yMin).toBeLessThan(BLOCK_BOTTOM_PT + mmToPt(PAGE_NUMBER_GAP_MM));
        // 单页码居右空一字，双页码居左空一字.
        if ((i + 1) % 2 === 1)
          expect(foot.xMax, `page ${i + 1}`).toBeCloseTo(RIGHT_PT - PAGE_NUMBER_INDENT_PT, -0.5);
        else expect(foot.xMin, `page ${i + 1}`).toBeCloseTo(LEFT_PT + PAGE_NUMBER_INDENT_PT, -0.5);
      });
    });

    it('bookmarks the title with the 一、 parts under it and the （一） sections under those, and is tagged', () => {
      const { file, headings, title } = printed.get(id)!;
      // The page's own headings, nested by level: h1 the article, h2 一、, h3 （一）.
      const tree = headingTree(headings);
      expect(tree).toHaveLength(1);
      expect(outlineTitles(pdfOutline(file))).toEqual(tree);
      const meta = pdfMetadata(file);
      expect(meta.title).toBe(title);
      expect(meta.tagged).toBe(true);
      const tags = pdfStructure(file);
      expect(tags.filter((t) => t.type === 'H1')).toHaveLength(1);
      expect(tags.filter((t) => t.type === 'H2')).toHaveLength(
        headings.filter((h) => h.level === 2).length,
      );
    });

    it('sets full pages on the grid: 22 lines 10.2 mm apart, 28 characters a line, inside the text block', () => {
      const { pages } = printed.get(id)!;
      const middle = pages.slice(1, -1).map((lines) => lines.slice(0, -1));
      expect(middle.length).toBeGreaterThan(1);
      const lineCounts = middle.map((lines) => lines.length);
      expect(Math.max(...lineCounts)).toBe(LINES_PER_PAGE);
      // A page falls short only where a heading is kept with the text after it.
      expect(lineCounts.filter((n) => n === LINES_PER_PAGE).length).toBeGreaterThanOrEqual(
        middle.length * 0.8,
      );

      const full = middle.find((lines) => lines.length === LINES_PER_PAGE)!;
      // Chromium snaps each line to the device grid (alternately 10.05 and 10.32 mm apart), so the
      // grid is measured over the page: 21 pitches from the first line to the 22nd.
      expect((full[full.length - 1].yMin - full[0].yMin) / (LINES_PER_PAGE - 1)).toBeCloseTo(
        PITCH_PT,
        1,
      );
      for (const [i, l] of full.slice(1).entries())
        expect(l.yMin - full[i].yMin).toBeCloseTo(PITCH_PT, -0.5);

      const gridLines = middle.flat().filter((l) => FULL_WIDTH_ONLY.test(l.text));
      const lengths = gridLines.map((l) => [...l.text].length);
      expect(Math.max(...lengths)).toBe(CHARS_PER_LINE);
      expect(lengths.filter((n) => n === CHARS_PER_LINE).length).toBeGreaterThan(
        gridLines.length * 0.5,
      );
      for (const l of middle.flat()) {
        expect(l.xMin, l.text).toBeGreaterThan(LEFT_PT - 1);
        expect(l.xMax, l.text).toBeLessThan(RIGHT_PT + 1);
      }
    });

    it('holds the article text and its source line, and nothing else', () => {
      const { pages, expected } = printed.get(id)!;
      const text = visible(
        pages.flatMap((lines) => lines.slice(0, -1).map((l) => l.text)).join(''),
      );
      expect(text).toContain('来源：');
      // A short source line: no address a printout could not be clicked at anyway.
      expect(text).not.toContain('网址');
      expect(text).not.toContain(`/articles/`);
      expect(text.length).toBe(expected.length);
      expect(text === expected).toBe(true);
    });
  });
});

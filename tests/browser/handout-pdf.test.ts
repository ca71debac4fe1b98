import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { readArticles } from '../../scripts/handout/articles.ts';
import {
  MARGIN_BINDING_MM,
  MARGIN_TOP_MM,
  mmToPt,
  PAGE_NUMBER_INDENT_PT,
  TEXT_BLOCK,
} from '../../src/core/print-geometry.ts';
import { itemsQuery } from '../../src/core/handout-items.ts';
import { SITE_NAME } from '../../src/core/site.ts';
import { builtArticle, PART_HEADING, type BuiltArticle } from '../helpers/article-headings.ts';
import { launchBrowser, skipBrowser } from '../helpers/browser.ts';
import { ARTICLES, DIST, ROOT } from '../helpers/paths.ts';
import { serveDirectory } from '../helpers/static-server.ts';
import {
  headingTree,
  outlineTitles,
  PAGE_NUMBER,
  pdfLines,
  pdfMetadata,
  pdfOutline,
  pdfPages,
  pdfStructure,
  visible,
  type OutlineEntry,
  type PdfLine,
} from '../helpers/pdf.ts';

/**
 * The PDF `npm run handout` writes, read back with poppler: bookmarks, GB/T 9704 page-number sides,
 * tags and metadata. The articles are picked from whatever archive was built, never named here.
 */

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'handout-pdf-'));
const LEFT_PT = mmToPt(MARGIN_BINDING_MM);
const RIGHT_PT = mmToPt(MARGIN_BINDING_MM + TEXT_BLOCK.widthMm);
const BLOCK_BOTTOM_PT = mmToPt(MARGIN_TOP_MM + TEXT_BLOCK.heightMm);
const COVER = '政协常委会专题学习会';
const ORGANISER = '政协办公厅';

async function handout(args: string[]): Promise<string> {
  const out = path.join(tmp, `${args.length}-${Date.now()}.pdf`);
  await run(process.execPath, ['scripts/handout.ts', ...args, '--quiet', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: DIST },
    maxBuffer: 16 * 1024 * 1024,
  });
  return out;
}

/** Three texts with 一、 parts (those with 思考题 first, then the shortest), or as many as the archive has. */
function pickArticles(): BuiltArticle[] {
  const built = readArticles(ARTICLES).map((a) => builtArticle(DIST, a.id));
  const parted = built.filter((a) =>
    a.headings.some((h) => h.level === 2 && PART_HEADING.test(h.text)),
  );
  const byPreference = (list: BuiltArticle[]) =>
    [...list].sort((a, b) => Number(b.hasQuestions) - Number(a.hasQuestions) || a.bytes - b.bytes);
  return [...byPreference(parted), ...byPreference(built.filter((a) => !parted.includes(a)))].slice(
    0,
    3,
  );
}

/** The page number at the foot of a page, with its line, or null for an unnumbered page. */
function footNumber(lines: PdfLine[]): { n: number; line: PdfLine } | null {
  const foot = lines.filter((l) => l.yMin > BLOCK_BOTTOM_PT && PAGE_NUMBER.test(l.text.trim()));
  return foot.length === 1
    ? { n: Number(PAGE_NUMBER.exec(foot[0].text.trim())![1]), line: foot[0] }
    : null;
}

function flatten(entries: OutlineEntry[]): OutlineEntry[] {
  return entries.flatMap((e) => [e, ...flatten(e.children)]);
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(skipBrowser)(
  'handout PDF (npm run handout) for three articles of the built archive',
  () => {
    let chosen: BuiltArticle[];
    let file: string;
    let plain: string;

    beforeAll(async () => {
      chosen = pickArticles();
      expect(chosen.length).toBeGreaterThan(0);
      [file, plain] = await Promise.all([
        handout([
          ...chosen.map((a) => a.id),
          '--cover',
          COVER,
          '--organiser',
          ORGANISER,
          '--outline',
          '--notes',
        ]),
        handout([chosen[0].id]),
      ]);
    }, 240_000);

    it('bookmarks the cover, 学习要点, each article with its 一、 parts nested (（一） under them), 思考题 and 讨论记录', () => {
      const outline = pdfOutline(file);
      // 思考题 leave their texts for a page of their own at the end, each under its text's title.
      const asked = chosen.filter((a) => a.hasQuestions);
      const expected = [
        { title: visible(COVER), children: [] },
        { title: '学习要点', children: [] },
        ...chosen.map((a) => ({
          title: a.title,
          children: headingTree(a.headings.filter((h) => h.aid !== 'questions')),
        })),
        ...(asked.length > 0
          ? [{ title: '思考题', children: asked.map((a) => ({ title: a.title, children: [] })) }]
          : []),
        { title: '讨论记录', children: [] },
      ];
      expect(outlineTitles(outline)).toEqual(expected);
    });

    it('opens each bookmark at the page that prints its heading, in reading order', () => {
      const outline = pdfOutline(file);
      const pages = pdfPages(file).map(visible);
      const all = flatten(outline);
      for (const [i, e] of all.entries()) {
        if (i > 0) expect(e.page, e.title).toBeGreaterThanOrEqual(all[i - 1].page);
        // A long heading may run onto the next page; its opening is where the bookmark points.
        expect(pages[e.page - 1], e.title).toContain([...visible(e.title)].slice(0, 6).join(''));
      }
      // Each article starts on a page of its own, after the cover, its blank back and 学习要点.
      const articlePages = outline.slice(2, -1).map((e) => e.page);
      expect(articlePages[0]).toBeGreaterThan(3);
      expect(new Set(articlePages).size).toBe(articlePages.length);
    });

    it('numbers pages after the cover and its blank back from — 1 —, odd at the right and even at the left, one character in', () => {
      const numbers = pdfLines(file).map(footNumber);
      expect(numbers[0]).toBeNull();
      expect(numbers[1]).toBeNull();
      expect(numbers.length).toBeGreaterThan(4);
      numbers.slice(2).forEach((num, i) => {
        expect(num, `sheet ${i + 3}`).not.toBeNull();
        expect(num!.n, `sheet ${i + 3}`).toBe(i + 1);
        // Chromium counts the first sheet as a right-hand page; — 1 — is the third sheet, also a right-hand one.
        if (num!.n % 2 === 1) {
          expect(num!.line.xMax, `— ${num!.n} —`).toBeCloseTo(
            RIGHT_PT - PAGE_NUMBER_INDENT_PT,
            -0.5,
          );
          expect(num!.line.xMin).toBeGreaterThan((LEFT_PT + RIGHT_PT) / 2);
        } else {
          expect(num!.line.xMin, `— ${num!.n} —`).toBeCloseTo(
            LEFT_PT + PAGE_NUMBER_INDENT_PT,
            -0.5,
          );
          expect(num!.line.xMax).toBeLessThan((LEFT_PT + RIGHT_PT) / 2);
        }
      });
    });

    it('numbers a handout without a cover from — 1 — on the first sheet, which is a right-hand page', () => {
      const numbers = pdfLines(plain).map(footNumber);
      expect(numbers[0]?.n).toBe(1);
      expect(numbers[0]!.line.xMax).toBeCloseTo(RIGHT_PT - PAGE_NUMBER_INDENT_PT, -0.5);
      if (numbers.length > 1) {
        expect(numbers[1]?.n).toBe(2);
        expect(numbers[1]!.line.xMin).toBeCloseTo(LEFT_PT + PAGE_NUMBER_INDENT_PT, -0.5);
      }
    });

    it('is tagged: a structure tree with a heading tag for every bookmark', () => {
      expect(pdfMetadata(file).tagged).toBe(true);
      const tags = pdfStructure(file);
      expect(tags[0]).toEqual({ type: 'Document', depth: 0 });
      const outline = pdfOutline(file);
      // The bookmarks are the headings: one H1 per top-level bookmark, one H1–H6 per bookmark in all.
      expect(tags.filter((t) => t.type === 'H1')).toHaveLength(outline.length);
      expect(tags.filter((t) => /^H[1-6]$/.test(t.type))).toHaveLength(flatten(outline).length);
      expect(tags.filter((t) => t.type === 'P').length).toBeGreaterThan(chosen.length);
    });

    it('carries the cover title and the organiser as title and author; without them, the first title and the site name', () => {
      expect(pdfMetadata(file)).toMatchObject({ title: COVER, author: ORGANISER });
      const plainMeta = pdfMetadata(plain);
      expect(visible(plainMeta.title)).toBe(chosen[0].title);
      expect(plainMeta.author).toBe(SITE_NAME);
    });
  },
);

describe.skipIf(skipBrowser)("a handout keeps a text's 思考题", () => {
  it('prints the 思考题 aid of an article and bookmarks it', async () => {
    const [article] = pickArticles();
    const question = '结合本地实际，如何推动协商成果转化落地？';
    const server = await serveDirectory(DIST);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      // The article page as the editorial layer renders <StudyQuestions> (notes/EDITORIAL.md): an aside
      // at the end of the body. The handout fetches the page and must keep it.
      await page.route(`**/articles/${article.id}/`, async (route) => {
        const response = await route.fetch();
        const tree = fromHtml(await response.text());
        select('main article .article-body', tree)!.children.push(
          h('section.study-aid.study-aid--questions', { dataStudyAid: 'questions' }, [
            h('h2#aid-questions', '思考题'),
            h('ol', [h('li', question)]),
          ]),
        );
        await route.fulfill({ response, body: toHtml(tree) });
      });
      await page.goto(`${server.origin}/handout/?${itemsQuery([{ article: article.id }])}`);
      await page.waitForSelector('html[data-handout="ready"]');
      const file = path.join(tmp, 'questions.pdf');
      await page.pdf({
        path: file,
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
      });
      // Under the text's title, or on a 思考题 page of the handout's own: a bookmark either way, at the page
      // that prints the question.
      const bookmarks = flatten(pdfOutline(file));
      const questions = bookmarks.find((b) => b.title === '思考题');
      expect(questions).toBeDefined();
      const pages = pdfPages(file).map(visible);
      expect(pages.slice(questions!.page - 1).join('')).toContain(visible(question));
      expect(visible(bookmarks[0].title)).toBe(article.title);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodedVariants,
  hostileText,
  longLineText,
  nonBmpVariants,
} from '../fixtures/hostile/fixtures.ts';
import { memberReport } from '../fixtures/hostile/word.ts';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { buildArchive } from '../helpers/build-archive.ts';
import { hostileSource, visibleText } from '../helpers/hostile-text.ts';
import { ingest, put, workspace, type Workspace } from '../helpers/ingest-cli.ts';
import { ARTICLES, DIST, SOURCES } from '../helpers/paths.ts';
import { elementsOf, splitArticle, textOf } from '../helpers/render-mdx.ts';
import { validateSite } from '../helpers/validate-html.ts';

/**
 * The whole road a hostile source takes: files of every encoding and shape, Word, and random
 * mixes of Chinese and code-like syntax are ingested by the real CLI and built by Astro into
 * their own dist; the tests then read the built HTML and open the pages in Chromium.
 */
export const HOSTILE_DIST = `${DIST}-hostile`;
let ws: Workspace;
// Build-time code would write these files if any of it ever ran.
const marker = path.join(os.tmpdir(), `hostile-build-ran-${process.pid}`);

interface Page {
  /** Path of the page under /articles/. */
  slug: string;
  source: string;
  sourceText?: string;
  data: Record<string, unknown>;
  html: string;
  tree: Root;
}
const pages: Page[] = [];

function sourceTexts(): Record<string, Uint8Array | string> {
  const files: Record<string, Uint8Array | string> = {};
  for (const [name, bytes] of Object.entries(encodedVariants())) files[`编码/${name}`] = bytes;
  for (const [name, bytes] of Object.entries(nonBmpVariants())) files[`生僻字/${name}`] = bytes;
  // The same bytes as a string, so its page is compared with the text character by character.
  files['生僻字/non-bmp-utf-8.txt'] = hostileText('生僻字与表情.txt');
  for (const name of ['繁體字.txt', '代码样文字.txt', '没有小标题.txt'])
    files[`形状/${name}`] = hostileText(name);
  files['形状/一条很长的行.txt'] = longLineText();
  // Code in the title line: it goes into front matter, <title>, <h1>, the meta description, the feed.
  files['形状/标题里的代码.txt'] = '<i onclick=f()>关于{f()}的"标题"</i>\n\n正文第一段。\n';
  // Two sources with the same title, in two offices' folders.
  files['张掖市政协/委员履职心得.txt'] = hostileText('委员履职心得.txt');
  files['正宁县政协/委员履职心得.txt'] = hostileText('委员履职心得.txt');
  files['形状/构建时代码.txt'] = [
    '构建时不应运行的代码',
    '',
    `正文{process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(`${marker}-expr`)}, '1')}结束。`,
    `export const x = process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(`${marker}-esm`)}, '1')`,
    `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(`${marker}-import`)}, '1')`,
    '',
  ].join('\n');
  const random = fc.sample(hostileSource, { seed: 20260301, numRuns: 30 });
  random.forEach((text, i) => (files[`随机/随机-${String(i).padStart(2, '0')}.txt`] = text));
  return files;
}

function articleBody(tree: Root): Element {
  const body = elementsOf(tree).find((e) =>
    (e.properties.className as string[] | undefined)?.includes('article-body'),
  );
  if (!body) throw new Error('page has no .article-body');
  return body;
}

/** What a reader sees of the article: its body without the hidden Pagefind filter spans. */
function readerText(tree: Root): string {
  const body = structuredClone(articleBody(tree));
  const strip = (el: Element) => {
    el.children = el.children.filter(
      (c) => !(c.type === 'element' && c.properties.hidden !== undefined),
    );
    for (const c of el.children) if (c.type === 'element') strip(c);
  };
  strip(body);
  return textOf(body);
}

beforeAll(async () => {
  ws = workspace();
  // The shipped reports come along: the site's study sessions (src/data) link to them by address.
  fs.cpSync(SOURCES, ws.sources, { recursive: true });
  const files = sourceTexts();
  for (const [rel, bytes] of Object.entries(files)) put(ws, rel, bytes);
  put(ws, 'Word/委员履职调研报告.docx', await memberReport());
  const run = ingest(ws, '--quiet');
  if (run.status !== 0) throw new Error(`ingest failed:\n${run.stderr}`);
  // With the search index: zero-width spaces between punctuation once made scripts/search-index.ts refuse a page.
  buildArchive(HOSTILE_DIST, ws.out);
  for (const file of fs
    .readdirSync(ws.out, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))) {
    const { data } = splitArticle(fs.readFileSync(path.join(ws.out, file), 'utf8'));
    const html = fs.readFileSync(
      path.join(HOSTILE_DIST, 'articles', file.replace(/\.mdx$/, ''), 'index.html'),
      'utf8',
    );
    const original = files[data.source as string];
    const sourceText = typeof original === 'string' ? original : undefined;
    pages.push({
      slug: file.replace(/\.mdx$/, ''),
      source: data.source as string,
      sourceText,
      data,
      html,
      tree: fromHtml(html),
    });
  }
}, 300_000);

afterAll(() => {
  fs.rmSync(ws.dir, { recursive: true, force: true });
  // The built pages stay for a look after a failure; the project copy and Astro's cache go.
  for (const suffix of ['-root', '-cache'])
    fs.rmSync(`${HOSTILE_DIST}${suffix}`, { recursive: true, force: true });
  for (const suffix of ['-expr', '-esm', '-import'])
    fs.rmSync(`${marker}${suffix}`, { force: true });
});

describe('hostile sources built into a real site', () => {
  it('builds a page for every source, two distinct ones for the two with the same title', () => {
    // The shipped sources come along, giving the articles they give in the shipped archive (a journal issue gives several).
    const shipped = fs
      .readdirSync(ARTICLES, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.mdx?$/.test(f)).length;
    expect(pages.length).toBe(Object.keys(sourceTexts()).length + 1 + shipped);
    const sameTitle = pages.filter(
      (p) => p.data.title === '关于提高委员履职能力的几点体会' && !p.source.startsWith('编码/'),
    );
    expect(sameTitle.map((p) => p.source).sort()).toEqual([
      '张掖市政协/委员履职心得.txt',
      '正宁县政协/委员履职心得.txt',
    ]);
    expect(new Set(sameTitle.map((p) => p.html)).size).toBe(2);
  });

  it('shows every source exactly as written: title and body carry every visible character, in order', () => {
    for (const page of pages.filter((p) => p.sourceText !== undefined)) {
      const h1 = elementsOf(page.tree).find((e) => e.tagName === 'h1');
      const title = page.data.titleFromFileName ? '' : textOf(h1!);
      expect(visibleText(title + readerText(page.tree)), page.source).toBe(
        visibleText(page.sourceText!),
      );
    }
  });

  it('renders every encoding of one text to the same page body', () => {
    const bodies = pages.filter((p) => p.source.startsWith('编码/')).map((p) => readerText(p.tree));
    expect(bodies).toHaveLength(Object.keys(encodedVariants()).length);
    expect(new Set(bodies).size).toBe(1);
  });

  it('puts no element from the content into the page: no script, handler, frame, image or javascript: link', () => {
    for (const page of pages) {
      // Study aids come from an editor's .yaml (the seed ships one), not from the source text; they are
      // components of the site, built of these elements only.
      const aids = elementsOf(articleBody(page.tree)).filter(
        (el) => 'dataStudyAid' in el.properties,
      );
      const inAids = new Set(aids.flatMap((aside) => elementsOf(aside)));
      for (const el of inAids)
        expect(
          [
            'section',
            'details',
            'summary',
            'h2',
            'span',
            'p',
            'ul',
            'ol',
            'li',
            'blockquote',
            'a',
            'script',
          ],
          `${page.source}: <${el.tagName}> in a study aid`,
        ).toContain(el.tagName);
      for (const el of elementsOf(articleBody(page.tree))) {
        if (!inAids.has(el))
          expect(
            ['div', 'span', 'p', 'h2', 'h3', 'a'],
            `${page.source}: <${el.tagName}>`,
          ).toContain(el.tagName);
        for (const name of Object.keys(el.properties))
          expect(name.toLowerCase().startsWith('on'), `${page.source}: ${name}`).toBe(false);
      }
      for (const el of elementsOf(page.tree)) {
        const href = el.properties.href ?? el.properties.src;
        if (href !== undefined) expect(String(href), page.source).not.toMatch(/^\s*javascript:/i);
      }
    }
  });

  it('gives valid HTML for every hostile page (html-validate)', async () => {
    expect(await validateSite(HOSTILE_DIST)).toEqual([]);
  }, 120_000);

  it('keeps code in a title as text in <title>, <h1> and the description', () => {
    const page = pages.find((p) => p.source === '形状/标题里的代码.txt')!;
    const title = '<i onclick=f()>关于{f()}的"标题"</i>';
    expect(page.data.title).toBe(title);
    const els = elementsOf(page.tree);
    expect(textOf(els.find((e) => e.tagName === 'title')!)).toContain(title);
    expect(textOf(els.find((e) => e.tagName === 'h1')!)).toBe(title);
    expect(
      els.find((e) => e.tagName === 'meta' && e.properties.name === 'description')?.properties
        .content,
    ).toBe(title);
    for (const p of pages) {
      for (const script of elementsOf(p.tree).filter((e) => e.tagName === 'script'))
        expect(textOf(script), p.source).not.toMatch(/__pwned|onclick=f/);
    }
  });

  it('ran none of the code in the content at build time', () => {
    for (const suffix of ['-expr', '-esm', '-import'])
      expect(fs.existsSync(`${marker}${suffix}`)).toBe(false);
    const page = pages.find((p) => p.source === '形状/构建时代码.txt')!;
    expect(readerText(page.tree)).toContain("process.getBuiltinModule('node:fs').writeFileSync(");
  });
});

describe.skipIf(skipBrowser)('hostile pages in a browser', () => {
  const site = openSite(HOSTILE_DIST);

  it('runs nothing from the content: no dialog, no global set, text shown as written', async () => {
    const page = await site.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    for (const p of pages.filter(
      (x) => x.source.startsWith('随机/') || x.source.startsWith('形状/代码样文字'),
    )) {
      await page.goto(`${site.server.origin}/articles/${p.slug}/`, { waitUntil: 'load' });
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(
        await page
          .locator(
            '.article-body script, .article-body iframe, .article-body img, .article-body style',
          )
          .count(),
      ).toBe(0);
      const shown = await page.locator('.article-body').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        // The "#" copy-link buttons the page adds beside headings and points are controls, not text.
        for (const hidden of copy.querySelectorAll('[hidden], button.copy-link')) hidden.remove();
        return copy.textContent ?? '';
      });
      expect(visibleText(shown), p.source).toBe(visibleText(readerText(p.tree)));
    }
    expect(dialogs).toEqual([]);
    await page.close();
  }, 120_000);
});

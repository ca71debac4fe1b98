import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readArticles } from '../../scripts/handout/articles.ts';
import { SITE_NAME } from '../../src/core/site.ts';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { ARTICLES, DIST, ROOT } from '../helpers/paths.ts';
import { PAGE_NUMBER, pdfInfo, pdfPages, visible } from '../helpers/pdf.ts';

const run = promisify(execFile);
const REPORT_2024 = 'zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao';
const REPORT_2018 = 'zhengfu-gongzuo-baogao/2018nian-zhengfu-gongzuo-baogao';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'handout-'));

/** npm run handout, as a person types it, against the site the test run built. */
async function handout(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/handout.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DIST_DIR: DIST, INIT_CWD: tmp },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** How much text the archive holds, from each article's front matter. */
function archiveCharacters(): number {
  return fs
    .readdirSync(ARTICLES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f))
    .reduce(
      (n, f) =>
        n +
        Number(
          /^characters: (\d+)$/m.exec(fs.readFileSync(path.join(ARTICLES, f), 'utf8'))?.[1] ?? 0,
        ),
      0,
    );
}

describe.skipIf(skipBrowser)('npm run handout', () => {
  it(
    'prints every shipped article into one A4 PDF with continuous page numbers',
    async () => {
      const { code, stdout, stderr } = await handout([
        '--all',
        '--cover',
        '政协常委会学习会',
        '--outline',
        '--out',
        'all.pdf',
      ]);
      expect(stderr).not.toMatch(/error|错误|无法/i);
      expect(code).toBe(0);
      const file = path.join(tmp, 'all.pdf');
      const info = pdfInfo(file);
      expect(info.widthPt).toBeCloseTo(595.3, 0);
      expect(info.heightPt).toBeCloseTo(841.9, 0);
      expect(stdout).toContain(file);
      expect(stdout).toContain(`${info.pages} 页`);

      const pages = pdfPages(file);
      const text = visible(pages.join(''));
      const articles = readArticles(ARTICLES);
      for (const a of articles) expect(text, a.title).toContain(visible(a.title));
      expect(text).toContain('政协常委会学习会');
      // Under each text its source line, with no address: not the site's, nor the command's
      // throwaway local server.
      expect(text).toContain(`来源：${SITE_NAME}`);
      expect(text).not.toContain('网址');
      expect(text).not.toContain('127.0.0.1');
      expect(text).toContain('学习要点');
      // The cover and its blank back carry no number; the pages after them count from 1 on across all the articles.
      const numbers = pages.map((p) => {
        const last = p.trim().split('\n').pop()!.trim();
        return PAGE_NUMBER.test(last) ? Number(PAGE_NUMBER.exec(last)![1]) : null;
      });
      // (A large archive's contents list can run the cover over more than one sheet.)
      const first = numbers.findIndex((n) => n !== null);
      expect(first).toBeGreaterThanOrEqual(2);
      expect(numbers.slice(0, first).every((n) => n === null)).toBe(true);
      expect(pages[first - 1].trim()).toBe('');
      numbers.slice(first).forEach((n, i) => expect(n, `sheet ${first + i + 1}`).toBe(i + 1));
      // Printing grows with the archive: four minutes for the shipped one, more for a larger one.
    },
    Math.max(240_000, (archiveCharacters() / 1000) * 1_000),
  );

  it('prints one section when given article#section', async () => {
    // The whole id: an archive may hold another copy of the report under the same slug.
    const { code, stdout } = await handout([`${REPORT_2024}#s3-9`, '--out', 'section.pdf']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 份材料/);
    const text = visible(pdfPages(path.join(tmp, 'section.pdf')).join(''));
    expect(text).toContain('（九）加强生态文明建设');
    expect(text).not.toContain('（八）推动城乡融合');
    expect(text).not.toContain('一、2023年工作回顾');
    expect(text).toContain(`来源：${SITE_NAME}`);
  });

  it('refuses unknown slugs, naming every one, and writes nothing', async () => {
    // A whole id is unique in any archive; the two unknown names are made so no article has them.
    const articles = readArticles(ARTICLES);
    const known = articles[0].id;
    const missing = ['2099nian-zhengfu-gongzuo-baogao', 'no-such-article'].map((name) => {
      while (articles.some((a) => a.id.split('/').pop() === name)) name += '-x';
      return name;
    });
    const { code, stderr } = await handout([known, ...missing, '--out', 'bad.pdf']);
    expect(code).not.toBe(0);
    for (const name of missing) expect(stderr).toContain(name);
    expect(stderr).not.toContain(`“${known}”`);
    expect(fs.existsSync(path.join(tmp, 'bad.pdf'))).toBe(false);
  });
});

describe.skipIf(skipBrowser)('handout builder and study sessions in the browser', () => {
  const site = openSite(DIST);

  const ready = (page: Page) =>
    page.waitForSelector(
      'html[data-handout="ready"], html[data-handout="error"], html[data-handout="empty"]',
    );

  it('collects articles and sections with 加入讲义, reorders and removes them', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.origin}/articles/${REPORT_2024}/`);
    await page.locator('.add-to-handout > .add-to-handout-button').click();
    await expect
      .poll(() => page.locator('.add-to-handout > .add-to-handout-button').textContent())
      .toBe('已加入讲义');
    // Every 一、 and （一） heading has its own button.
    const headings = await page.locator('.article-body h2[id], .article-body h3[id]').count();
    expect(await page.locator('.add-to-handout-section').count()).toBe(headings);
    await page.locator('#s3-9 .add-to-handout-section').click();

    await page.goto(`${site.server.origin}/handout/`);
    await ready(page);
    const items = page.locator('.handout-list li');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(1).textContent()).toContain('（九）加强生态文明建设');
    await items.nth(1).getByRole('button', { name: /上移/ }).click();
    await ready(page);
    expect(await page.locator('.handout-list li').first().textContent()).toContain('（九）');
    expect(
      await page.locator('#handout-document > article').first().locator('h3').first().textContent(),
    ).toContain('（九）加强生态文明建设');
    await page.locator('.handout-list li').nth(1).getByRole('button', { name: /移除/ }).click();
    await ready(page);
    expect(await page.locator('.handout-list li').count()).toBe(1);
    expect(
      await page.evaluate(() =>
        JSON.parse(localStorage.getItem('zhengxie-handout')!).map((e: { item: string }) => e.item),
      ),
    ).toEqual([`${REPORT_2024}#s3-9`]);
    // The share link rebuilds the same handout anywhere.
    const share = await page.locator('.handout-share').inputValue();
    expect(share).toBe(`${site.server.origin}/handout/?items=${REPORT_2024}%23s3-9`);
    await page.close();
  });

  it('renders a shared link typed with a literal # and prints no controls', async () => {
    const page = await site.browser.newPage();
    await page.goto(
      `${site.server.origin}/handout/?items=${REPORT_2018}#s1-8,${REPORT_2024}#s3-9&notes=1`,
    );
    await ready(page);
    expect(await page.locator('html').getAttribute('data-handout')).toBe('ready');
    const docs = page.locator('#handout-document > article');
    expect(await docs.count()).toBe(2);
    expect(await docs.nth(0).locator('h1').textContent()).toBe('2018年政府工作报告');
    expect(await docs.nth(0).locator('h3').first().textContent()).toMatch(
      /^（八）坚持人与自然和谐发展/,
    );
    const file = path.join(tmp, 'shared.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true });
    const text = visible(pdfPages(file).join(''));
    expect(text).not.toMatch(/学习讲义|打印讲义|分享链接|上移|移除|加入讲义/);
    expect(text).toContain('坚持人与自然和谐发展');
    await page.close();
  });

  it('lists study sessions and projects one section at a time, position in the URL', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.origin}/sessions/`);
    const first = page.locator('.session-list a').first();
    const href = await first.getAttribute('href');
    await first.click();
    await page.waitForURL(`${site.server.origin}${href}`);
    const materials = page.locator('.session-materials li');
    expect(await materials.count()).toBeGreaterThan(0);
    for (const text of await materials.allTextContents()) expect(text).toMatch(/约 \d+ 分钟/);

    await page.locator('.projection-start').click();
    await page.waitForSelector('.projection:not([hidden]) .projection-slide > *');
    // Waited for, not read at once: on a loaded machine the page updates its address a moment after the key.
    await page.waitForURL(/#projection-1$/);
    // ArrowRight moves a whole slide (PageDown first shows the rest of a long one: projection.test.ts).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/#projection-3$/);
    await page.keyboard.press('PageUp');
    await page.waitForURL(/#projection-2$/);
    const slide2 = await page.locator('.projection-slide').textContent();
    // Large type: the projected text is far bigger than the page text.
    const size = await page
      .locator('.projection-slide')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);

    // A reload opens the projection at the same slide.
    await page.reload();
    await page.waitForSelector('.projection:not([hidden]) .projection-slide > *');
    expect(await page.locator('.projection-slide').textContent()).toBe(slide2);
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.hash.includes('projection'));
    expect(await page.locator('.projection').isHidden()).toBe(true);
    await page.close();
  });

  it('links each session to its handout with a cover and 学习要点', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.origin}/sessions/2026-05-jiguan/`);
    await page.locator('.session-handout').click();
    await ready(page);
    expect(await page.locator('html').getAttribute('data-handout')).toBe('ready');
    expect(await page.locator('.handout-cover-title').textContent()).toContain('机关理论学习');
    const outlined = page.locator('.handout-outline .handout-outline-item');
    expect(await outlined.count()).toBe(3);
    expect(await outlined.first().textContent()).toBe(
      '1978年政府工作报告：一、三年来的斗争和新时期的总任务',
    );
    // The section's own heading heads its block once, not again as its first line.
    expect(await page.locator('.handout-outline li').allTextContents()).not.toContain(
      '一、三年来的斗争和新时期的总任务',
    );
    expect(await page.locator('.handout-outline .outline-point').allTextContents()).toContain(
      '一是社会制度腐败，二是经济技术落后。',
    );
    expect(await page.locator('#handout-document > article').count()).toBe(
      await page.locator('.handout-list li').count(),
    );
    await page.close();
  });
});

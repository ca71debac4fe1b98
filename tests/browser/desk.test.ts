import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { readArticle } from '../../src/core/article-file.ts';
import { articlePath } from '../../src/core/article-path.ts';
import { DESK_NAMES, deskLink, type DeskRequest } from '../../src/core/desk-link.ts';
import { launchBrowser, skipBrowser } from '../helpers/browser.ts';
import { startDesk, type DeskServer } from '../helpers/desk-server.ts';

/** This file's own port (the desk helper's range is 4420–4429; 4321 is never used by tests). */
const PORT = 4424;
const SOURCE = '期刊/学习与履职文选.txt';
const ARTICLE = '发展新质生产力 推进新型工业化';
const EDITORIAL = `src/content/sources/${SOURCE.replace(/\.txt$/, '.yaml')}`;

/** The page of the article `title` of `source`, from the copy's generated articles. */
function articleUrl(desk: DeskServer, source: string, title: string): string {
  const dir = path.join(desk.root, 'src/content/articles');
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.mdx')) continue;
    const { data } = readArticle(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (data.source === source && data.title === title)
      return `${desk.site}${articlePath(file.replace(/\.mdx$/, '').replaceAll('\\', '/'))}`;
  }
  throw new Error(`no article 《${title}》 from ${source}`);
}

/** The body of that article as ingest wrote it. */
function articleBody(desk: DeskServer, source: string, title: string): string {
  const file = new URL(articleUrl(desk, source, title)).pathname.replace(/^\/articles\//, '');
  const mdx = path.join(desk.root, 'src/content/articles', `${file.replace(/\/$/, '')}.mdx`);
  return readArticle(fs.readFileSync(mdx, 'utf8')).body;
}

/** Six characters of a plain paragraph that occur once in `body` and nowhere in the editorial file. */
function uniquePhrase(body: string, editorial: string): string {
  for (const line of body.split('\n')) {
    if (!/^[\u4e00-\u9fff]/.test(line)) continue;
    for (let at = 0; at + 6 <= line.length; at++) {
      const phrase = line.slice(at, at + 6);
      if (!/^[\u4e00-\u9fff]+$/.test(phrase) || editorial.includes(phrase)) continue;
      if (body.split(phrase).length === 2) return phrase;
    }
  }
  throw new Error('no phrase of the article occurs exactly once');
}

async function openDesk(page: Page, desk: DeskServer, request?: DeskRequest): Promise<void> {
  await page.goto(request ? new URL(deskLink('/', request), desk.site).href : `${desk.site}admin/`);
  const login = page.getByRole('button', { name: '登录' });
  await login.waitFor();
  await login.click();
}

/** Saves the open entry the way an editor does: 发布 → 立即发布. */
async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '发布' }).first().click();
  await page.getByText('立即发布').click();
}

/** Polls `url` until its HTML satisfies `test` (the dev server re-ingests after a save). */
async function pageWhen(url: string, test: (html: string) => boolean): Promise<string> {
  let html = '';
  for (let tries = 0; tries < 60; tries++) {
    html = await fetch(url).then((r) => r.text());
    if (test(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return html;
}

describe.skipIf(skipBrowser)('the editors’ desk under the dev server', () => {
  let desk: DeskServer;
  let browser: Browser;
  beforeAll(async () => {
    desk = await startDesk(PORT);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    // What the launcher and the dev server said (ingest's messages), for a failure's reader.
    if (desk) fs.writeFileSync(path.join(os.tmpdir(), `desk-test-${PORT}.log`), desk.output());
    await desk?.stop();
  });

  it('shows a Chinese desk at /admin/ that makes no request beyond this machine', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (!local && !['data:', 'blob:'].includes(url.protocol)) outside.push(request.url());
    });
    await openDesk(page, desk);
    await page.getByText('编辑文件（按材料）').first().waitFor();
    // Decap's own words are Chinese too (its zh_Hans locale): the header's 内容 and 媒体.
    expect(await page.getByText('内容', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText('媒体', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByText('期刊/学习与履职文选').first().click();
    await page.getByText('各篇文章').first().waitFor();
    await page.getByRole('button', { name: '发布' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  it('opens the topic vocabulary as a form listing every topic of src/data/topics.json', async () => {
    const { topics } = JSON.parse(
      fs.readFileSync(path.join(desk.root, 'src/data/topics.json'), 'utf8'),
    ) as { topics: { topic: string }[] };
    const page = await browser.newPage();
    await page.goto(`${desk.site}admin/#/collections/${DESK_NAMES.dataCollection}/entries/topics`);
    await page.getByRole('button', { name: '登录' }).click();
    // Each topic's fields (主题名称, 正文中的说法) are folded under its name.
    await page.getByText('主题名称').first().waitFor({ state: 'attached' });
    for (const { topic } of topics) await page.getByText(topic, { exact: true }).first().waitFor();
    await page.close();
  }, 120_000);

  it('refuses a save ingest would reject, saying why in Chinese, and leaves the file as it was', async () => {
    const before = fs.readFileSync(path.join(desk.root, EDITORIAL));
    const page = await browser.newPage();
    await openDesk(page, desk, { action: 'notice', source: SOURCE, article: ARTICLE });
    await page.locator('.desk-request').waitFor();
    // An entry that names its article both by title and by position: the editorial schema refuses it.
    await page.getByLabel('或按位置').nth(1).fill('1');
    await publish(page);
    await expect
      .poll(() => page.textContent('body'), { timeout: 20_000 })
      .toContain('每篇须写 match（标题）或 index（位置）之一');
    expect(fs.readFileSync(path.join(desk.root, EDITORIAL)).equals(before)).toBe(true);
    await page.close();
  }, 120_000);

  it('on the shipped journal issue, an erratum and a 思考题 saved at the desk reach the file and show on the article page without a restart', async () => {
    const yamlPath = path.join(desk.root, EDITORIAL);
    const header = fs
      .readFileSync(yamlPath, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#'));
    const url = articleUrl(desk, SOURCE, ARTICLE);
    const find = uniquePhrase(
      articleBody(desk, SOURCE, ARTICLE),
      fs.readFileSync(yamlPath, 'utf8'),
    );
    const replace = `${find}（编者改）`;
    const question = '结合本地实际，谈谈怎样把科研机构和高等院校的力量用到县域工业上？';
    const page = await browser.newPage();
    await openDesk(page, desk, { action: 'erratum', source: SOURCE, article: ARTICLE, find });
    await page.locator('.desk-request').waitFor();
    // The erratum the link added is the one whose 改为 is still empty.
    const emptyReplace = await page
      .locator('input[id^="replace-field"]')
      .evaluateAll((els) => els.filter((el) => !(el as HTMLInputElement).value).map((el) => el.id));
    expect(emptyReplace).toHaveLength(1);
    await page.locator(`[id="${emptyReplace[0]}"]`).fill(replace);
    const textareas = () => page.locator('textarea').evaluateAll((els) => els.map((el) => el.id));
    const before = await textareas();
    // The second article's 思考题 list (the articles are listed in source order, all open).
    await page
      .getByRole('button', { name: /新增思考题/ })
      .nth(1)
      .click();
    const added = (await textareas()).filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    await page.locator(`[id="${added[0]}"]`).fill(question);
    await publish(page);
    await expect
      .poll(() => fs.readFileSync(yamlPath, 'utf8'), { timeout: 20_000 })
      .toContain(question);
    const saved = fs.readFileSync(yamlPath, 'utf8');
    const articles = (parse(saved) as { articles: { match?: string; errata?: unknown[] }[] })
      .articles;
    expect(articles.find((a) => a.match === ARTICLE)?.errata).toContainEqual({ find, replace });
    // The editor's comments at the top of the file are still there.
    for (const line of header) expect(saved).toContain(line);
    // The dev server's ingest integration picked up the desk's write and ingested the source again.
    await expect
      .poll(() => desk.output().split('导入完成').length, { timeout: 60_000 })
      .toBeGreaterThan(2);
    expect(desk.output()).not.toContain('导入失败');
    // The page the dev server serves now, as read: the corrected words (the erratum's mark wraps
    // only what changed) and the new 思考题.
    const read = (html: string) => html.replace(/<[^>]*>/g, '');
    const shown = read(
      await pageWhen(url, (h) => read(h).includes(question) && read(h).includes(replace)),
    );
    expect(shown).toContain(question);
    expect(shown).toContain(replace);
    await page.close();
  }, 180_000);
});

/**
 * npm run handout -- <slug or path>… [--all] [--outline] [--notes] [--cover "会议名称"]
 *                    [--date 2026-03-05] [--organiser "政协办公室"] [--out file.pdf] [--build]
 *                    [--site http://xuexi.example]  (the address printed under each text)
 *
 * Prints a study handout to PDF: the same /handout/ page a reader prints from the browser, opened in
 * Debian's chromium (never a downloaded browser) over a local server on the built site, so the PDF
 * and Ctrl+P give the same pages.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { itemsQuery, type HandoutItem } from '../src/core/handout-items.ts';
import { chromiumAvailable, CHROMIUM, launchChromium } from './chromium.ts';
import { readArticles, resolveArgument, UnknownItemError } from './handout-articles.ts';
import { withPdfMetadata } from './pdf-metadata.ts';
import { Progress } from './progress.ts';
import { serveDirectory } from './static-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm run handout -- <文章路径或来源文件名>… [--all] [--outline] [--notes] [--cover "会议名称"] [--date 2026-03-05] [--organiser "主办单位"] [--out 讲义.pdf] [--site http://内网地址] [--build]';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        all: { type: 'boolean' },
        outline: { type: 'boolean' },
        notes: { type: 'boolean' },
        cover: { type: 'string' },
        date: { type: 'string' },
        organiser: { type: 'string' },
        out: { type: 'string' },
        site: { type: 'string' },
        build: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  const { values: opts, positionals } = parsed;
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (opts.site !== undefined && !URL.canParse(opts.site)) fail(`--site 要写完整的网址，如 http://xuexi.example，而不是“${opts.site}”`);
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) fail(`--date 要写成 2026-03-05 这样的日期，而不是“${opts.date}”`);

  const articles = readArticles(process.env.ARTICLES_DIR ? path.resolve(ROOT, process.env.ARTICLES_DIR) : path.join(ROOT, 'src/content/articles'));
  let items: HandoutItem[];
  try {
    items = [...(opts.all ? articles.map((a) => ({ article: a.id })) : []), ...positionals.map((arg) => resolveArgument(arg, articles))];
  } catch (e) {
    if (e instanceof UnknownItemError) fail(e.message);
    throw e;
  }
  if (items.length === 0) fail(`没有指定材料。\n${USAGE}`);
  if (!chromiumAvailable()) fail(`找不到 Chromium（${CHROMIUM}）。请安装 Debian 的 chromium 包，或设置 CHROMIUM_PATH。`, 1);

  // npm runs scripts from the project folder; a relative --out means the folder the command was typed in.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const out = path.resolve(cwd, opts.out ?? 'handout.pdf');
  const dist = path.resolve(ROOT, process.env.DIST_DIR ?? 'dist');
  const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

  if (opts.build || !fs.existsSync(path.join(dist, 'handout/index.html'))) {
    process.stderr.write(`正在构建网站到 ${dist} ……\n`);
    // `npm run build` is `astro build`; run directly, as Windows cannot spawn npm.cmd without a shell.
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DIST_DIR: dist } });
  }

  const query = new URLSearchParams();
  if (opts.cover !== undefined) query.set('cover', opts.cover || '学习会');
  if (opts.date) query.set('date', opts.date);
  if (opts.organiser) query.set('organiser', opts.organiser);
  if (opts.outline) query.set('outline', '1');
  if (opts.notes) query.set('notes', '1');
  // The PDF is read away from this machine: print the site's real address, not the local server's.
  query.set('site', opts.site ?? process.env.SITE_URL ?? 'built');
  const extra = query.toString();

  const server = await serveDirectory(dist, basePath);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const titles = new Map(articles.map((a) => [a.id, a.title]));
    const wanted = [...new Set(items.map((i) => i.article))];
    const progress = new Progress('讲义', wanted.length, opts.quiet);
    page.on('response', (res) => {
      const m = new URL(res.url()).pathname.slice(basePath.length).match(/^articles\/(.+)\/$/);
      if (m && wanted.includes(m[1])) progress.tick(titles.get(m[1]) ?? m[1]);
    });
    await page.goto(`${server.origin}${basePath}handout/?${itemsQuery(items)}${extra ? `&${extra}` : ''}`);
    await page.waitForSelector('html[data-handout="ready"], html[data-handout="error"]', { timeout: 120_000 });
    progress.done();
    const failed = await page.evaluate(() => document.documentElement.dataset.handoutErrors ?? '');
    if (failed) fail(`无法载入：${failed}（网站 ${dist} 是否过期？加 --build 重新构建）`, 1);

    // The page names the handout (cover title or first article) and its author (organiser or site).
    const meta = await page.evaluate(() => ({
      title: document.title,
      author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
    }));
    // outline: a bookmark per article (h1), nested per 一、 (h2) and （一） (h3); tagged: a structure
    // tree for screen readers and reflow.
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    const { pdf, pages } = await withPdfMetadata(printed, meta);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Written whole and renamed, so an interrupted run never leaves half a PDF under the asked-for name.
    const partial = `${out}.${process.pid}.part`;
    try {
      fs.writeFileSync(partial, pdf);
      fs.renameSync(partial, out);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    const list = items.map((i) => `${titles.get(i.article) ?? i.article}${i.section ? `#${i.section}` : ''}`);
    process.stdout.write(`讲义：${out}\n${pages} 页，${items.length} 份材料：${list.join('、')}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

/**
 * Prints a study handout to PDF: the same /handout/ page a reader prints from the browser, opened in
 * Debian's chromium (never a downloaded browser) over a local server on the built site, so the PDF
 * and Ctrl+P give the same pages. scripts/handout.ts is its command line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  handoutQuery,
  type HandoutItem,
  type HandoutOptions,
} from '../../src/core/handout-items.ts';
import { launchChromium } from '../tools/chromium.ts';
import { Progress } from '../tools/progress.ts';
import { serveDirectory } from '../tools/static-server.ts';
import { withPdfMetadata } from './pdf-metadata.ts';

/** A handout that could not be printed for a reason the reader can act on (the message says which). */
export class HandoutFailure extends Error {}

export interface HandoutJob {
  root: string;
  items: HandoutItem[];
  /** Article id → title, for the progress line. */
  titles: Map<string, string>;
  out: string;
  /** The built site; built first when `build` is set or it has no handout page. */
  dist: string;
  basePath: string;
  options: HandoutOptions;
  build: boolean;
  quiet: boolean;
}

export async function printHandout(job: HandoutJob): Promise<{ file: string; pages: number }> {
  const { root, items, titles, out, dist, basePath } = job;
  if (job.build || !fs.existsSync(path.join(dist, 'handout/index.html'))) {
    process.stderr.write(`正在构建网站到 ${dist} ……\n`);
    // `npm run build` is `astro build`; run directly, as Windows cannot spawn npm.cmd without a shell.
    execFileSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DIST_DIR: dist },
    });
  }

  const query = handoutQuery(items, job.options);

  const server = await serveDirectory(dist, { prefix: basePath });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const wanted = [...new Set(items.map((i) => i.article))];
    const progress = new Progress('讲义', wanted.length, job.quiet);
    page.on('response', (res) => {
      const m = new URL(res.url()).pathname.slice(basePath.length).match(/^articles\/(.+)\/$/);
      if (m && wanted.includes(m[1])) progress.tick(titles.get(m[1]) ?? m[1]);
    });
    await page.goto(`${server.origin}${basePath}handout/${query}`);
    await page.waitForSelector('html[data-handout="ready"], html[data-handout="error"]', {
      timeout: 120_000,
    });
    progress.done();
    const failed = await page.evaluate(() => document.documentElement.dataset.handoutErrors ?? '');
    if (failed)
      throw new HandoutFailure(`无法载入：${failed}（网站 ${dist} 是否过期？加 --build 重新构建）`);

    // The page names the handout (cover title or first article) and its author (organiser or site).
    const meta = await page.evaluate(() => ({
      title: document.title,
      author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
    }));
    // outline: a bookmark per article (h1), nested per 一、 (h2) and （一） (h3); tagged: a structure
    // tree for screen readers and reflow.
    const printed = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
    });
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
    return { file: out, pages };
  } finally {
    await browser.close();
    await server.close();
  }
}

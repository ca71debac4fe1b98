import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES, DIST } from '../helpers/paths.ts';
import type { ProofreadingReport } from '../../src/core/proofreading.ts';
import { sitemapText } from '../helpers/site-files.ts';

/** The editors' 校对报告 page in the built site, against the report ingest wrote beside the articles. */
const report: ProofreadingReport = JSON.parse(
  fs.readFileSync(path.join(ARTICLES, '..', 'proofreading.json'), 'utf8'),
);
const page = () => fs.readFileSync(path.join(DIST, 'editors/proofreading/index.html'), 'utf8');
const unescape = (s: string) =>
  s
    .replace(/ data-astro-cid-[a-z0-9]+/g, '')
    .replace(/&#x3C;/g, '<')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the editors’ proofreading page', () => {
  it('lists every finding of the shipped material with its text marked in its context', () => {
    const html = page();
    const items = [...html.matchAll(/<li class="finding[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].map(
      (m) => m[1],
    );
    expect(items).toHaveLength(Math.min(report.findings.length, 3000));
    for (const f of report.findings) {
      // The same text can be found in two sources (a second copy of a report): the item is the one naming this place.
      const item = items.find(
        (i) =>
          unescape(i).includes(`${f.before}<mark>${f.text}</mark>${f.after}`) &&
          unescape(i).includes(`${f.source}：第 ${f.line} 行`),
      );
      expect(item, `${f.kind} ${f.source}:${f.line}`).toBeDefined();
      expect(unescape(item!)).toContain(`${f.source}：第 ${f.line} 行`);
    }
  });

  it('links each finding to its section of the article, which highlights the text around it', () => {
    const html = unescape(page());
    for (const f of report.findings) {
      // A finding about the whole article (the same article in two sources) has no context to highlight: it opens the article.
      const whole = !f.before && !f.after;
      const href = [...html.matchAll(/href="([^"]+)"/g)]
        .map((m) => m[1])
        .find((h) =>
          whole
            ? h === `/articles/${f.article}/`
            : h.startsWith(`/articles/${f.article}/`) &&
              h.includes(encodeURIComponent(f.text)) &&
              (!f.anchor || h.endsWith(`#${f.anchor}`)),
        );
      expect(href, `${f.kind} ${f.article}`).toBeDefined();
      if (whole) continue;
      const target = fs.readFileSync(path.join(DIST, 'articles', f.article, 'index.html'), 'utf8');
      if (f.anchor) expect(target).toContain(`id="${f.anchor}"`);
      const phrase = decodeURIComponent(new URL(href!, 'http://x').searchParams.get('hl')!);
      // The highlighted phrase is text of the article (spaces aside), so the page's highlighter finds it.
      expect(target.replace(/<[^>]+>|\s/g, '')).toContain(phrase);
    }
  });

  it('is not in the reader’s navigation, the sitemap or the search index', () => {
    const html = page();
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('data-pagefind-body');
    expect(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')).not.toContain(
      'editors/proofreading',
    );
    expect(sitemapText(DIST)).not.toContain('editors/proofreading');
  });
});

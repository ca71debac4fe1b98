import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES, DIST } from '../helpers/paths.ts';
import {
  FINDING_KINDS,
  resolvingActions,
  type ProofreadingReport,
} from '../../src/core/proofreading.ts';
import { readDeskLink } from '../../src/core/desk-link.ts';
import { sourceName } from '../../src/core/proofreading.ts';
import { withheldArticles } from '../helpers/shipped-articles.ts';
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
          unescape(i).includes(`材料 ${sourceName(f.source)}，第 ${f.line} 行`),
      );
      expect(item, `${f.kind} ${f.source}:${f.line}`).toBeDefined();
    }
  });

  it('speaks the editors’ language: kinds in Chinese, sections by heading, no codes, file formats or commands', () => {
    const html = unescape(page());
    const text = html.replace(/<[^>]+>/g, '');
    for (const kind of Object.keys(report.counts) as (keyof typeof FINDING_KINDS)[]) {
      expect(text).toContain(FINDING_KINDS[kind].name);
      expect(text).not.toContain(kind);
    }
    expect(text).not.toMatch(/§|\.ya?ml|\.txt|\.docx|npm |accept:|JSON/);
    // The desk exists only on the editor's own machine: the page says so in plain words.
    expect(text).toContain('编辑台只在编辑自己电脑上打开的资料库里才有');
  });

  it('offers each finding the desk actions that resolve it, opening the desk on its article', () => {
    const html = unescape(page());
    const items = [...html.matchAll(/<li class="finding[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].map(
      (m) => m[1],
    );
    for (const f of report.findings) {
      const item = items.find(
        (i) =>
          i.includes(`${f.before}<mark>${f.text}</mark>${f.after}`) &&
          i.includes(`材料 ${sourceName(f.source)}，第 ${f.line} 行`),
      );
      const requests = [...(item ?? '').matchAll(/class="finding-action[^"]*" href="([^"]+)"/g)]
        .map((m) => readDeskLink(new URL(m[1], 'http://x').search))
        .filter((r) => r !== undefined);
      expect(requests.map((r) => r.action)).toEqual(resolvingActions(f.kind));
      for (const r of requests) {
        expect(r).toMatchObject({ source: f.source, article: f.title });
        if (r.action === 'erratum' || r.action === 'accept') expect(r.find).toBe(f.text);
        if (r.action === 'accept') expect(r.kind).toBe(f.kind);
      }
      // A section is named by its heading's words, as on the article page.
      if (f.anchor) {
        const target = fs.readFileSync(
          path.join(DIST, 'articles', f.article, 'index.html'),
          'utf8',
        );
        const heading = new RegExp(`<h[23][^>]*id="${f.anchor}"[^>]*>([^<]+)<`).exec(target)?.[1];
        expect(item).toContain(`<span class="finding-section">${heading}</span>`);
      }
    }
  });

  it('links each finding to its section of the article, which highlights the text around it', () => {
    const html = unescape(page());
    // An article the editor withholds has no page to link to.
    const withheld = new Set(withheldArticles().map((a) => a.id));
    for (const f of report.findings.filter((x) => !withheld.has(x.article))) {
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

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeStudySources } from '../../scripts/bench/study-corpus.ts';
import { TERM_PAGE_SIZE } from '../../src/site/pagination.ts';
import { labelSlugs } from '../../src/site/label-slugs.ts';
import { bothWays, type BothWays } from '../helpers/both-ways.ts';
import { buildArchive } from '../helpers/build-archive.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { DIST, FIXTURES, SOURCES } from '../helpers/paths.ts';
import { folderArgs, runIngest } from '../helpers/run-ingest.ts';
import { validateSite } from '../helpers/validate-html.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { sitemapText } from '../helpers/site-files.ts';

/**
 * Terms with more articles than fit on one page: 600 study articles cut from the report fixtures
 * (as `npm run bench` makes them), built with the shipped sources, put about 500 under the topic
 * 乡村振兴 and over 100 under the glossary term 高质量发展.
 */
const WORK = `${DIST}-paged`;
const TAG = '乡村振兴';

describe('a topic with more articles than one page holds', () => {
  let site: BothWays;
  let tagged: string[];
  let slug: string;
  const page = (n: number) =>
    fs.readFileSync(
      path.join(WORK, 'dist', 'tags', slug, ...(n > 1 ? [String(n)] : []), 'index.html'),
      'utf8',
    );
  const listed = (html: string) =>
    [...html.matchAll(/<ul class="article-list">([\s\S]*?)<\/ul>/g)].flatMap((m) =>
      [...m[1].matchAll(/<a href="([^"]+)"/g)].map((a) => a[1]),
    );

  beforeAll(() => {
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.cpSync(SOURCES, path.join(WORK, 'sources'), { recursive: true });
    writeStudySources(path.join(FIXTURES, 'reports'), path.join(WORK, 'sources'), 600);
    const ingest = runIngest(folderArgs(WORK));
    // The generated study corpus repeats passages on purpose: ingest warns about each unresolved
    // duplicate (a warning, not an error), and says nothing else.
    const notWarnings = ingest.stderr
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('警告 / warning'));
    expect(notWarnings).toEqual([]);
    const articles = fs
      .readdirSync(path.join(WORK, 'articles'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'));
    const dated = articles.map((f) => ({
      f,
      data: readArticle(fs.readFileSync(path.join(WORK, 'articles', f), 'utf8')).data,
    }));
    tagged = dated
      .filter((a) => (a.data.tags as string[]).includes(TAG))
      .map((a) => `/articles/${a.f.replace(/\.mdx$/, '')}/`);
    slug = labelSlugs('tags', [TAG]).get(TAG)!;
    buildArchive(path.join(WORK, 'dist'), path.join(WORK, 'articles'), {}, { search: false });
    site = bothWays(path.join(WORK, 'dist'));
  }, 300_000);

  it('lists every article once, newest first, a hundred to a page', () => {
    const pages = Math.ceil(tagged.length / TERM_PAGE_SIZE);
    expect(pages).toBeGreaterThanOrEqual(3);
    const lists = Array.from({ length: pages }, (_, i) => listed(page(i + 1)));
    for (const list of lists.slice(0, -1)) expect(list).toHaveLength(TERM_PAGE_SIZE);
    expect(lists.flat().sort()).toEqual([...tagged].sort());
    expect(fs.existsSync(path.join(WORK, 'dist', 'tags', slug, String(pages + 1)))).toBe(false);
    expect(page(1)).toContain(`共 ${tagged.length} 篇，新的在前；第 1 页，共 ${pages} 页。`);
  });

  it('has a pager on every page: previous, next, the current page marked, and the last page reachable', () => {
    const pages = Math.ceil(tagged.length / TERM_PAGE_SIZE);
    for (let n = 1; n <= pages; n++) {
      const html = page(n);
      expect(html, `page ${n}`).toMatch(/<nav class="pager" aria-label="分页">/);
      expect(html).toContain(`<span aria-current="page">${n}</span>`);
      if (n > 1)
        expect(html).toContain(`href="/tags/${slug}/${n > 2 ? `${n - 1}/` : ''}" rel="prev"`);
      if (n < pages) expect(html).toContain(`href="/tags/${slug}/${n + 1}/" rel="next"`);
      if (n !== pages) expect(html).toContain(`href="/tags/${slug}/${pages}/"`);
    }
  });

  it("links every article and its topic both ways, counting all the topic's pages", () => {
    const inTag = site.articles.filter((a) => tagged.includes(a.path));
    expect(inTag).toHaveLength(tagged.length);
    for (const a of inTag) {
      expect(a.linked, a.path).toContain(`/tags/${slug}/`);
      expect(a.linkedBack, a.path).toContain(`/tags/${slug}/`);
    }
    expect(site.oneWayFromTerms).toEqual([]);
  });

  it('validates as HTML, pager included', async () => {
    expect(await validateSite(path.join(WORK, 'dist', 'tags', slug))).toEqual([]);
    expect(await validateSite(path.join(WORK, 'dist', 'glossary', 'gaozhiliang-fazhan'))).toEqual(
      [],
    );
  });

  it('pages a glossary term too, each use listed once with its sections in context', () => {
    const glossaryPage = (n: number) =>
      fs.readFileSync(
        path.join(
          WORK,
          'dist',
          'glossary',
          'gaozhiliang-fazhan',
          ...(n > 1 ? [String(n)] : []),
          'index.html',
        ),
        'utf8',
      );
    const first = glossaryPage(1);
    const total = Number(/(\d+) 篇材料，\d+ 处/.exec(first)![1]);
    const pages = Math.ceil(total / TERM_PAGE_SIZE);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(first).toContain(`第 1 页，共 ${pages} 页`);
    const uses = Array.from({ length: pages }, (_, i) =>
      [...glossaryPage(i + 1).matchAll(/<section class="term-use"><h3><a href="([^"]+)"/g)].map(
        (m) => m[1],
      ),
    );
    expect(uses[0]).toHaveLength(TERM_PAGE_SIZE);
    expect(new Set(uses.flat()).size).toBe(total);
    expect(glossaryPage(2)).toContain('href="/glossary/gaozhiliang-fazhan/" rel="prev"');
  });

  it('has no broken link, and the sitemap lists every page of the topic', () => {
    const { broken } = checkLinks(path.join(WORK, 'dist'));
    expect(broken).toEqual([]);
    const sitemap = sitemapText(path.join(WORK, 'dist'));
    const pages = Math.ceil(tagged.length / TERM_PAGE_SIZE);
    for (let n = 2; n <= pages; n++) expect(sitemap).toContain(`/tags/${slug}/${n}/`);
  });
});

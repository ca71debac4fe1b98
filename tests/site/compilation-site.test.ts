import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bothWays, type BothWays } from '../helpers/both-ways.ts';
import { buildArchive } from '../helpers/build-archive.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { DIST, FIXTURES, SOURCES } from '../helpers/paths.ts';
import { folderArgs, runIngest } from '../helpers/run-ingest.ts';
import { readArticle } from '../../src/core/article-file.ts';
import type { ArticleData } from '../../src/core/article-schema.ts';
import { FACETS, FACET_KINDS } from '../../src/core/facets.ts';

/**
 * The shipped reports have one column and one named author and no regions; the constructed
 * magazine-layout compilation (tests/fixtures/compilation) has four columns, three authors with
 * positions and regions, and an article with no author, so it exercises the author and region pages.
 * It is built together with the shipped sources, as an archive that receives a magazine would be
 * (the study sessions in src/data name shipped articles and must find them).
 */
const WORK = `${DIST}-compilation`;
const read = (file: string) => fs.readFileSync(path.join(WORK, 'dist', file), 'utf8');

describe('the site built from a magazine-style compilation', () => {
  let site: BothWays;

  beforeAll(() => {
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.cpSync(SOURCES, path.join(WORK, 'sources'), { recursive: true });
    const sources = path.join(WORK, 'sources', '学习资料');
    fs.mkdirSync(sources, { recursive: true });
    fs.copyFileSync(
      path.join(FIXTURES, 'compilation/magazine-layout.txt'),
      path.join(sources, 'magazine-layout.txt'),
    );
    const ingest = runIngest(folderArgs(WORK));
    expect(ingest.status, ingest.stderr).toBe(0);
    // The compilation reads without a warning; material an archive adds may bring its own.
    const aboutCompilation = ingest.stderr.split('\n').filter((l) => l.includes('magazine-layout'));
    expect(aboutCompilation).toEqual([]);
    buildArchive(path.join(WORK, 'dist'), path.join(WORK, 'articles'));
    site = bothWays(path.join(WORK, 'dist'));
  }, 300_000);

  it('has no broken link or anchor', () => {
    const { checked, broken } = checkLinks(path.join(WORK, 'dist'));
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('links every article and each of its term pages both ways', () => {
    const magazine = site.articles.filter((a) => a.path.startsWith('/articles/xuexi-ziliao/'));
    expect(magazine).toHaveLength(4);
    // Each article links to the page of every facet value it has (read from the generated articles).
    const dir = path.join(WORK, 'articles');
    const facetLinks = new Map(
      (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => {
          const data = readArticle(fs.readFileSync(path.join(dir, f), 'utf8')).data as ArticleData;
          return [
            `/articles/${f
              .split(path.sep)
              .join('/')
              .replace(/\.mdx$/, '')}/`,
            FACET_KINDS.reduce((n, kind) => n + new Set(FACETS[kind].values(data)).size, 0),
          ];
        }),
    );
    for (const a of site.articles) {
      expect(a.linked.length, a.path).toBeGreaterThanOrEqual(Math.max(1, facetLinks.get(a.path)!));
      expect(
        a.linked.filter((p) => !a.linkedBack.includes(p)),
        a.path,
      ).toEqual([]);
    }
    expect(site.oneWayFromTerms).toEqual([]);
    // Every column label of the archive gets a page.
    const columns = new Set(
      (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
        .filter((f) => f.endsWith('.mdx'))
        .map(
          (f) =>
            (readArticle(fs.readFileSync(path.join(dir, f), 'utf8')).data as ArticleData).column,
        )
        .filter(Boolean),
    );
    expect(site.termPages.filter((p) => p.startsWith('/columns/'))).toHaveLength(columns.size);
  });

  it('gives an author a page with position and region, and the region a page that lists the article', () => {
    const author = read('authors/wangming/index.html');
    expect(author).toContain('省政协委员；张掖市政协党组书记、主席');
    expect(author).toMatch(/<a href="\/regions\/zhangyeshi\/">张掖市<\/a>/);
    const region = read('regions/zhangyeshi/index.html');
    const article = site.articles.find((a) => a.linked.includes('/regions/zhangyeshi/'))!;
    expect(region).toContain(`href="${article.path}"`);
    expect(read('regions/index.html')).toMatch(/陇西县[\s\S]*正宁县|正宁县[\s\S]*陇西县/);
  });

  it('shows the byline position and links author and region in the article header', () => {
    const article = site.articles.find((a) => a.linked.includes('/authors/wangming/'))!;
    const html = read(`${article.path.slice(1)}index.html`);
    const header = /<header class="article-header">[\s\S]*?<\/header>/.exec(html)![0];
    expect(header).toContain('<a href="/authors/wangming/">王明</a>');
    expect(header).toContain('（省政协委员，张掖市政协党组书记、主席）');
    expect(header).toContain('<a href="/regions/zhangyeshi/">张掖市</a>');
    expect(header).toMatch(
      /<a href="\/columns\/[a-z0-9-]+\/">深入学习贯彻党的二十届三中全会精神<\/a>/,
    );
  });
});

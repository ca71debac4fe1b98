import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bothWays, type BothWays } from '../helpers/both-ways.ts';
import { buildArchive } from '../helpers/build-archive.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { DIST, FIXTURES, SOURCES } from '../helpers/paths.ts';
import { runIngest } from '../helpers/run-ingest.ts';

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
    fs.copyFileSync(path.join(FIXTURES, 'compilation/magazine-layout.txt'), path.join(sources, 'magazine-layout.txt'));
    const ingest = runIngest(['--sources', path.join(WORK, 'sources'), '--out', path.join(WORK, 'articles'), '--cache', path.join(WORK, 'manifest.json')]);
    expect(ingest.stderr).toBe('');
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
    for (const a of site.articles) {
      expect(a.linked.length, a.path).toBeGreaterThanOrEqual(2);
      expect(a.linked.filter((p) => !a.linkedBack.includes(p)), a.path).toEqual([]);
    }
    expect(site.oneWayFromTerms).toEqual([]);
    // The four column labels each get a page, besides 政府工作报告.
    expect(site.termPages.filter((p) => p.startsWith('/columns/'))).toHaveLength(5);
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
    expect(header).toMatch(/<a href="\/columns\/[a-z0-9-]+\/">深入学习贯彻党的二十届三中全会精神<\/a>/);
  });
});

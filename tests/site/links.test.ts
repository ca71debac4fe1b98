import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/link-check.ts';
import { DIST } from '../helpers/paths.ts';
import { htmlFiles, sitemapText } from '../helpers/site-files.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';
import { FACETS, FACET_KINDS } from '../../src/core/facets.ts';

/** The facets the shipped archive has values for: each has an index page and value pages. */
const facetsInUse = FACET_KINDS.filter((kind) =>
  shippedArticles().some((a) => FACETS[kind].values(a.data).length > 0),
);

describe('links in the built site', () => {
  it('every internal link and #anchor resolves, sitemap and feed included, and nothing points off-site', () => {
    const { targets, broken } = checkLinks(
      DIST,
      '/',
      process.env.SITE_URL ?? 'http://localhost:4321',
    );
    expect(broken).toEqual([]);
    // What the check covered: every article page and section anchors in them, a page of every facet
    // the archive uses (from the registry), and the glossary.
    const covered = [...targets];
    for (const a of shippedArticles()) expect(covered, a.id).toContain(`/articles/${a.id}/`);
    expect(covered.some((t) => /^\/articles\/.+\/#s\d/.test(t))).toBe(true);
    for (const kind of facetsInUse) {
      expect(covered, kind).toContain(`/${kind}/`);
      expect(
        covered.some((t) => t.startsWith(`/${kind}/`) && t !== `/${kind}/`),
        kind,
      ).toBe(true);
    }
    expect(covered).toContain('/glossary/');
  });

  it('the checker itself catches a missing page, a missing anchor and an off-site link', () => {
    const dir = fs.mkdtempSync(path.join(DIST, '..', 'link-check-'));
    try {
      fs.mkdirSync(path.join(dir, 'a'));
      fs.writeFileSync(
        path.join(dir, 'a/index.html'),
        '<h2 id="s1">一</h2><a href="/b/">b</a><a href="#s2">s2</a><a href="#s1">s1</a><script src="https://cdn.example/x.js"></script>',
      );
      fs.writeFileSync(
        path.join(dir, 'sitemap-index.xml'),
        '<sitemapindex><sitemap><loc>http://localhost:4321/sitemap-0.xml</loc></sitemap></sitemapindex>',
      );
      fs.writeFileSync(
        path.join(dir, 'sitemap-0.xml'),
        '<urlset><url><loc>http://localhost:4321/a/</loc></url></urlset>',
      );
      fs.writeFileSync(
        path.join(dir, 'feed.xml'),
        '<rss><channel><item><link>http://localhost:4321/a/#s1</link></item></channel></rss>',
      );
      const { broken } = checkLinks(dir);
      expect(broken.map((b) => b.href).sort()).toEqual(['#s2', '/b/', 'https://cdn.example/x.js']);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('lists every built page in the sitemap', () => {
    const sitemap = sitemapText(DIST);
    const locs = new Set(
      [...sitemap.matchAll(/<loc>[a-z]+:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]),
    );
    // The reading pages: home, articles, every facet's pages and the glossary (not search, handout,
    // study or editors' pages).
    const reading = new RegExp(`^(index\\.html|(articles|${FACET_KINDS.join('|')}|glossary)/)`);
    const mine = htmlFiles(DIST).filter((f) => reading.test(f));
    for (const kind of facetsInUse)
      expect(
        mine.some((f) => f.startsWith(`${kind}/`)),
        kind,
      ).toBe(true);
    for (const file of mine) expect(locs, file).toContain(`/${file.replace(/index\.html$/, '')}`);
  });
});

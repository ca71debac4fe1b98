import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/link-check.ts';
import { DIST } from '../helpers/paths.ts';
import { htmlFiles } from '../helpers/site-files.ts';

describe('links in the built site', () => {
  it('every internal link and #anchor resolves, sitemap and feed included, and nothing points off-site', () => {
    const { checked, broken } = checkLinks(
      DIST,
      '/',
      process.env.SITE_URL ?? 'http://localhost:4321',
    );
    // The seed build has hundreds of links (TOC, term links, taxonomy); a near-empty count means the check read nothing.
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
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
        path.join(dir, 'sitemap.xml'),
        '<urlset><url><loc>http://localhost:4321/a/</loc></url></urlset>',
      );
      fs.writeFileSync(
        path.join(dir, 'feed.xml'),
        '<feed><link href="http://localhost:4321/a/#s1"/></feed>',
      );
      const { broken } = checkLinks(dir);
      expect(broken.map((b) => b.href).sort()).toEqual(['#s2', '/b/', 'https://cdn.example/x.js']);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('lists every built page in the sitemap', () => {
    const sitemap = fs.readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
    const locs = new Set(
      [...sitemap.matchAll(/<loc>[a-z]+:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]),
    );
    const mine = htmlFiles(DIST).filter((f) =>
      /^(index\.html|(articles|columns|tags|years|authors|regions|glossary)\/)/.test(f),
    );
    for (const file of mine) expect(locs, file).toContain(`/${file.replace(/index\.html$/, '')}`);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';
import { fileForPath, htmlFiles, linksIn, pagePath } from '../helpers/site-files.ts';

/** Term pages of a taxonomy or the glossary (not their index pages). */
const TERM_PAGE = /^\/(columns|tags|years|authors|regions|glossary)\/[^/]+\/$/;
const ARTICLE_PAGE = /^\/articles\/.+\/$/;

const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');
/** Paths (no #fragment) a page links to. */
function linkedPaths(file: string): Set<string> {
  const from = pagePath(file);
  return new Set(linksIn(read(file)).filter((l) => l.tag === 'a').map((l) => new URL(l.value, `http://x${from}`).pathname));
}

const articles = htmlFiles(DIST).filter((f) => f.startsWith('articles/'));
const termPages = htmlFiles(DIST).filter((f) => TERM_PAGE.test(pagePath(f)));

describe('taxonomy and glossary pages link both ways', () => {
  it('builds term pages for every taxonomy that has values', () => {
    for (const kind of ['columns', 'tags', 'years', 'authors', 'glossary']) expect(termPages.some((f) => f.startsWith(`${kind}/`)), kind).toBe(true);
  });

  it.each(articles.map((f) => [pagePath(f), f] as const))('%s links to at least three term pages that link back', (articlePath, file) => {
    const back = [...linkedPaths(file)].filter((p) => TERM_PAGE.test(p)).filter((p) => linkedPaths(fileForPath(p)!).has(articlePath));
    expect(back.length).toBeGreaterThanOrEqual(3);
  });

  it.each(articles.map((f) => [pagePath(f), f] as const))('%s: every term page it links to links back', (articlePath, file) => {
    const oneWay = [...linkedPaths(file)].filter((p) => TERM_PAGE.test(p)).filter((p) => !linkedPaths(fileForPath(p)!).has(articlePath));
    expect(oneWay).toEqual([]);
  });

  it('every term page links only to articles that link back to it', () => {
    for (const file of termPages) {
      const termPath = pagePath(file);
      for (const p of [...linkedPaths(file)].filter((x) => ARTICLE_PAGE.test(x))) {
        expect(linkedPaths(fileForPath(p)!).has(termPath), `${p} → ${termPath}`).toBe(true);
      }
    }
  });
});

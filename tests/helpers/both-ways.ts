import fs from 'node:fs';
import path from 'node:path';
import { FACET_KINDS } from '../../src/core/facets.ts';
import { fileForPath, htmlFiles, linksIn, pagePath } from './site-files.ts';

/** Term pages of a facet or the glossary (not their index pages), and the later pages of a long term (/tags/x/2/). */
export const TERM_PAGE = new RegExp(
  `^\\/(${[...FACET_KINDS, 'glossary'].join('|')})\\/[^/]+\\/(\\d+\\/)?$`,
);
/** The term a page belongs to, as its first page's path. */
const termOf = (pagePath: string) => pagePath.replace(/^(\/[^/]+\/[^/]+\/)\d+\/$/, '$1');
const ARTICLE_PAGE = /^\/articles\/.+\/$/;

export interface BothWays {
  /** Each article page with the term pages it links to and those of them that link back. */
  articles: { path: string; linked: string[]; linkedBack: string[] }[];
  /** Links from a term page to an article that does not link back. */
  oneWayFromTerms: string[];
  /** Each term once, by its first page's path. */
  termPages: string[];
}

/** Reads a built site (served at '/') and works out which article ↔ term page links go both ways. */
export function bothWays(dir: string): BothWays {
  const cache = new Map<string, Set<string>>();
  const linked = (file: string) => {
    let set = cache.get(file);
    if (!set) {
      const from = pagePath(file);
      const html = fs.readFileSync(path.join(dir, file), 'utf8');
      set = new Set(
        linksIn(html)
          .filter((l) => l.tag === 'a')
          .map((l) => new URL(l.value, `http://x${from}`).pathname),
      );
      cache.set(file, set);
    }
    return set;
  };
  const files = htmlFiles(dir);
  const termPages = files.filter((f) => TERM_PAGE.test(pagePath(f)));
  // A term links back to an article when any of its pages lists it.
  const termLinks = new Map<string, Set<string>>();
  for (const file of termPages) {
    const term = termOf(pagePath(file));
    termLinks.set(term, new Set([...(termLinks.get(term) ?? []), ...linked(file)]));
  }
  const articles = files
    .filter((f) => f.startsWith('articles/'))
    .map((file) => {
      const own = pagePath(file);
      const toTerms = [...linked(file)].filter((p) => TERM_PAGE.test(p));
      return {
        path: own,
        linked: toTerms,
        linkedBack: toTerms.filter((p) => termLinks.get(p)?.has(own)),
      };
    });
  const oneWayFromTerms = termPages.flatMap((file) =>
    [...linked(file)]
      .filter((p) => ARTICLE_PAGE.test(p) && !linked(fileForPath(p)!).has(termOf(pagePath(file))))
      .map((p) => `${pagePath(file)} → ${p}`),
  );
  return { articles, oneWayFromTerms, termPages: [...termLinks.keys()] };
}

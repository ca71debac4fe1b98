import { FACET_KINDS } from './facets.ts';

/**
 * The reading pages, which the sitemap lists: the home page, the articles, every facet's pages and
 * the glossary. Search, handouts, study sessions, notes, the study record, the editors' pages and the
 * 404 page are tools, not reading. `path` is a page's path under the site's base ("" for the home page).
 */
export function isReadingPage(path: string): boolean {
  const first = path.replace(/^\/+/, '').split('/')[0];
  return first === '' || ['articles', 'glossary', ...FACET_KINDS].includes(first);
}

/**
 * Which value an article is filed under for each facet of facets.ts: read by the article page
 * (SearchIndexFields.astro, for Pagefind) and the search page (its checkboxes), so the two agree.
 */
import type { ArticleData } from '../article-schema';
import type { FilterKey } from './facets.ts';

const VALUES: Record<FilterKey, (d: ArticleData) => (string | number | undefined)[]> = {
  column: (d) => [d.column],
  author: (d) => d.authors,
  region: (d) => d.regions,
  tag: (d) => d.tags,
  year: (d) => [d.year],
};

/** The article's values for one facet, as strings, empty ones left out. */
export function facetValues(data: ArticleData, key: FilterKey): string[] {
  return VALUES[key](data)
    .filter((v) => v !== undefined && v !== '')
    .map(String);
}

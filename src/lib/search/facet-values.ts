/**
 * Which values an article is filed under for each search filter: read by the article page
 * (SearchIndexFields.astro, for Pagefind) and the search page (its checkboxes), so the two agree.
 * The values are the facet registry's (src/core/facets.ts).
 */
import type { ArticleData } from '../../core/article-schema';
import { FACETS, FACET_KINDS, type FacetKind } from '../../core/facets.ts';
import type { FacetKey } from './facets.ts';

const KIND_OF_FILTER = new Map<FacetKey, FacetKind>(
  FACET_KINDS.map((kind) => [FACETS[kind].filter, kind]),
);

/** The article's values for one filter, as strings, empty ones left out. */
export function facetValues(data: ArticleData, key: FacetKey): string[] {
  const kind = KIND_OF_FILTER.get(key);
  return kind ? [...new Set(FACETS[kind].values(data))].filter((v) => v !== '') : [];
}

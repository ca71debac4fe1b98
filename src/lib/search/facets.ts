/**
 * The facets a search can narrow by, as search sees them: every facet of the registry
 * (src/core/facets.ts, `FACETS`), under its search key and name. The search page's checkboxes, the
 * URL keys, the `作者:…` prefixes typed into the box and the engine's counts are all driven by this
 * list, so a facet added to the registry is searchable too.
 */
import { FACETS, FACET_KINDS } from '../../core/facets.ts';

export interface SearchFacet {
  /** The facet's name in Pagefind's index and in the URL (?author=…). */
  key: string;
  /** What readers call it: the fieldset legend and the prefix typed into the box (作者:李强). */
  label: string;
}

export const SEARCH_FACETS: readonly SearchFacet[] = FACET_KINDS.map((kind) => ({
  key: FACETS[kind].filter,
  label: FACETS[kind].name,
}));

export type FacetKey = string;
export const FACET_KEYS: FacetKey[] = SEARCH_FACETS.map((f) => f.key);
/** Facet values chosen, by facet key: a page must hold one of each facet's values. */
export type Selected = Partial<Record<FacetKey, string[]>>;

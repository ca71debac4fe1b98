/**
 * The filters a search can narrow by: every facet of src/core/facets.ts, under its search key. The
 * search page's checkboxes, the URL keys, the `作者:…` prefixes typed into the box and the engine's
 * counts are all driven by this list, so a facet added to the registry is searchable too.
 */
import { FACETS as REGISTRY, TAXONOMY_KINDS } from '../../core/facets.ts';

export interface Facet {
  /** The filter's name in Pagefind's index and in the URL (?author=…). */
  key: string;
  /** What readers call it: the fieldset legend and the prefix typed into the box (作者:李强). */
  label: string;
}

export const FACETS: readonly Facet[] = TAXONOMY_KINDS.map((kind) => ({
  key: REGISTRY[kind].filter,
  label: REGISTRY[kind].name,
}));

export type FilterKey = string;
export const FILTER_KEYS: FilterKey[] = FACETS.map((f) => f.key);
export type Selected = Partial<Record<FilterKey, string[]>>;

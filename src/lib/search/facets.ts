/**
 * The filters a search can narrow by, in one list: the search page's checkboxes, the URL keys, the
 * `作者:…` prefixes typed into the box and the engine's counts are all driven by it. Adding a facet
 * (the journal issue, 期, is next) is one entry here plus the value the indexer files under `key`
 * (data-pagefind-filter, see src/components/SearchIndexFields.astro).
 */
export interface Facet {
  /** The filter's name in Pagefind's index and in the URL (?author=…). */
  key: string;
  /** What readers call it: the fieldset legend and the prefix typed into the box (作者:李强). */
  label: string;
}

export const FACETS = [
  { key: 'column', label: '栏目' },
  { key: 'author', label: '作者' },
  { key: 'region', label: '地区' },
  { key: 'tag', label: '主题' },
  { key: 'year', label: '年份' },
] as const satisfies readonly Facet[];

export type FilterKey = (typeof FACETS)[number]['key'];
export const FILTER_KEYS: FilterKey[] = FACETS.map((f) => f.key);
export type Selected = Partial<Record<FilterKey, string[]>>;

/**
 * What the search page is asked, and its URL: the query, the ticked facet values and the order,
 * read from and written to the address so a search can be shared and the back button works.
 */
import { FACET_KEYS, type Selected } from './facets.ts';
import type { SortOrder } from './hits.ts';

export interface PageQuery {
  q: string;
  selected: Selected;
  sort: SortOrder;
}

export function queryFromUrl(search: string): PageQuery {
  const params = new URLSearchParams(search);
  const selected: Selected = {};
  for (const key of FACET_KEYS) {
    const values = params.getAll(key);
    if (values.length > 0) selected[key] = values;
  }
  return {
    q: params.get('q') ?? '',
    selected,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** The page's address for a query (path first, then q, the facets and the order). */
export function urlOf(pathname: string, query: PageQuery): string {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  for (const [key, values] of Object.entries(query.selected))
    for (const v of values ?? []) params.append(key, v);
  if (query.sort === 'date') params.set('sort', 'date');
  const search = params.toString();
  return `${pathname}${search ? `?${search}` : ''}`;
}

/** The archive's first and last year, so every chart spans the same years. */
export function archiveSpan(all: Map<string, number>): [number, number] | undefined {
  const years = [...all.keys()].map(Number).filter(Number.isInteger);
  return years.length > 0 ? [Math.min(...years), Math.max(...years)] : undefined;
}

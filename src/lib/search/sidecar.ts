/**
 * The small file the search page loads next to Pagefind's index (pagefind/zh-search.json). Pagefind
 * answers "which pages hold this phrase"; this file lets the browser rank and filter those pages
 * without fetching each one (Pagefind reports only one occurrence of a phrase per page, so word
 * positions cannot tell a title match): every page's title and headings, date and filter values,
 * and the fold map for queries.
 */
export interface SidecarPage {
  /** Sort date: yyyy-mm-dd, yyyy, or '' when undated. */
  d: string;
  /** Filter values, as Pagefind filed them. */
  f: Record<string, string[]>;
  /** The title, folded and without spaces (it is also the first words of the indexed text). */
  ti: string;
  /** The section headings, folded, one per line: a phrase in a heading ranks the page higher. */
  hd: string;
}

export interface Sidecar {
  /** The fold map as pairs of characters: "關关爲为…". */
  fold: string;
  /** Keyed by Pagefind's page id (its fragment name). */
  pages: Record<string, SidecarPage>;
  /**
   * In the first bundle's sidecar only: the other bundles of a sharded index ("pagefind-1/"…,
   * from the site's base), each with a sidecar of its own pages.
   */
  bundles?: string[];
  /** After merging: the bundle folder ("pagefind/", "pagefind-1/"…) that holds each page's fragment. */
  home?: Record<string, string>;
}

/**
 * One sidecar for the whole archive from the sidecars of its bundles, the first bundle's first;
 * `home` tells which bundle folder each page came from (the first is "pagefind/").
 */
export function mergeSidecars([first, ...rest]: Sidecar[]): Sidecar {
  const folders = ['pagefind/', ...(first.bundles ?? [])];
  const home: Record<string, string> = {};
  [first, ...rest].forEach((s, k) => {
    for (const id of Object.keys(s.pages)) home[id] = folders[k];
  });
  return {
    fold: [first, ...rest].map((s) => s.fold).join(''),
    pages: Object.assign({}, first.pages, ...rest.map((s) => s.pages)),
    bundles: first.bundles ?? [],
    home,
  };
}

export function foldMapFromPairs(pairs: string): Record<string, string> {
  const chars = [...pairs];
  const map: Record<string, string> = {};
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
  return map;
}

export function foldMapToPairs(map: Record<string, string>): string {
  return Object.entries(map).map(([k, v]) => k + v).join('');
}

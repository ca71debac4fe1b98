/**
 * The small file the search page loads next to Pagefind's index (pagefind/zh-search.json). Pagefind
 * answers "which pages hold this phrase, at which word positions"; this file lets the browser rank
 * and filter those pages without fetching each one: where every page's title and headings sit, its
 * date and filter values, and the fold map for queries.
 */
export interface SidecarPage {
  /** Sort date: yyyy-mm-dd, yyyy, or '' when undated. */
  d: string;
  /** Filter values, as Pagefind filed them. */
  f: Record<string, string[]>;
  /** Word positions of the title and headings: [start, length, start, length, …]; the title first. */
  h: number[];
  /** How many of h's pairs are the title (1, or 0 when a page has none). */
  t: number;
}

export interface Sidecar {
  /** The fold map as pairs of characters: "關关爲为…". */
  fold: string;
  /** Keyed by Pagefind's page id (its fragment name). */
  pages: Record<string, SidecarPage>;
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

/** Page n of a list whose first page is at `path` (ending in "/"): path itself, then path + "2/" … */
export function pagedPath(path: string, page: number): string {
  return page > 1 ? `${path}${page}/` : path;
}

/**
 * Articles listed on one page of a term or glossary entry: a topic of a 10,000-article archive can
 * hold thousands, which on one page would be megabytes for an office PC or a phone to load.
 */
export const TERM_PAGE_SIZE = 100;

/** One page of a list; pages count from 1. */
export interface ListPage<T> {
  number: number;
  count: number;
  items: T[];
}

/** A list cut into pages of TERM_PAGE_SIZE, in order; a list always has page 1, even when empty. */
export function listPages<T>(items: readonly T[]): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / TERM_PAGE_SIZE));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * TERM_PAGE_SIZE, (i + 1) * TERM_PAGE_SIZE),
  }));
}

/**
 * The page numbers a pager shows around page `current` of `count`: the first, the last and two
 * either side of the current one, with null where numbers are left out.
 */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= 2) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

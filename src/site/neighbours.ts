import type { ArticleEntry } from '../core/article-schema.ts';
import { newestFirst, printedOrder } from './article-order.ts';

/**
 * The articles before and after each article in its column, in date order (older is "previous"),
 * worked out for the whole archive in one pass rather than re-sorting the column for every page.
 */
export function columnNeighbourMap<T extends ArticleEntry>(
  all: readonly T[],
): Map<string, { previous?: T; next?: T }> {
  const byColumn = new Map<string, T[]>();
  for (const a of newestFirst(all).reverse()) {
    if (a.data.column) byColumn.set(a.data.column, [...(byColumn.get(a.data.column) ?? []), a]);
  }
  const map = new Map<string, { previous?: T; next?: T }>();
  for (const column of byColumn.values())
    column.forEach((a, i) => map.set(a.id, { previous: column[i - 1], next: column[i + 1] }));
  return map;
}

/** The articles before and after each article in its journal issue, in printed order. */
export function issueNeighbourMap<T extends ArticleEntry>(
  all: readonly T[],
): Map<string, { previous?: T; next?: T }> {
  const byIssue = new Map<string, T[]>();
  for (const a of all)
    if (a.data.issueSlug)
      byIssue.set(a.data.issueSlug, [...(byIssue.get(a.data.issueSlug) ?? []), a]);
  const map = new Map<string, { previous?: T; next?: T }>();
  for (const issue of byIssue.values())
    printedOrder(issue).forEach((a, i, list) =>
      map.set(a.id, { previous: list[i - 1], next: list[i + 1] }),
    );
  return map;
}

export function columnNeighbours<T extends ArticleEntry>(
  article: T,
  all: readonly T[],
): { previous?: T; next?: T } {
  return columnNeighbourMap(all).get(article.id) ?? {};
}

import type { ArticleEntry } from '../core/article-schema.ts';

/** A row of an issue's contents: an article, and whether the editor withholds it (no page, no link). */
export type ContentsRow = ArticleEntry & { withheld: boolean };

/**
 * The rows of an issue's contents for the published articles `shown` (one issue, in printed order,
 * perhaps one page of it), with the issue's withheld articles put back in their printed places: those
 * between the first and last article shown, and those before the issue's first or after its last
 * published article on the page that holds it. Pure.
 */
export function withWithheld(
  shown: readonly ArticleEntry[],
  published: readonly ArticleEntry[],
  withheld: readonly ArticleEntry[],
): ContentsRow[] {
  const rows: ContentsRow[] = shown.map((a) => ({ ...a, withheld: false }));
  const issue = shown[0]?.data.issueSlug;
  const orders = shown.map((a) => a.data.issueOrder ?? 0);
  if (issue === undefined || orders.length === 0) return rows;
  const ofIssue = published.filter((a) => a.data.issueSlug === issue);
  const issueOrders = ofIssue.map((a) => a.data.issueOrder ?? 0);
  const from = Math.min(...orders) === Math.min(...issueOrders) ? -Infinity : Math.min(...orders);
  const to = Math.max(...orders) === Math.max(...issueOrders) ? Infinity : Math.max(...orders);
  for (const a of withheld) {
    const order = a.data.issueOrder ?? 0;
    if (a.data.issueSlug === issue && order > from && order < to)
      rows.push({ ...a, withheld: true });
  }
  return rows.sort((a, b) => (a.data.issueOrder ?? 0) - (b.data.issueOrder ?? 0));
}

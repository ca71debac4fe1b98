import type { ArticleData, ArticleEntry } from '../core/article-schema.ts';

/** The orders articles are listed in: newest first, or as an issue printed them. */

/** "2024-03-05", "1954", or '' — the key articles are ordered by. */
export function dateKey(data: ArticleData): string {
  return data.date ?? (data.year ? String(data.year) : '');
}

export function newestFirst<T extends ArticleEntry>(articles: readonly T[]): T[] {
  return [...articles].sort(
    (a, b) =>
      dateKey(b.data).localeCompare(dateKey(a.data)) ||
      a.data.title.localeCompare(b.data.title, 'zh-Hans-CN') ||
      a.id.localeCompare(b.id),
  );
}

/** An issue's articles in the order the issue printed them. */
export function printedOrder<T extends ArticleEntry>(articles: readonly T[]): T[] {
  return [...articles].sort(
    (a, b) => (a.data.issueOrder ?? 0) - (b.data.issueOrder ?? 0) || a.id.localeCompare(b.id),
  );
}

import type { ArticleData, ArticleEntry } from '../core/article-schema.ts';
import { newestFirst } from './article-order.ts';

/**
 * Related reading: articles sharing glossary terms (weight 3), topics (2) and keywords (1) with this
 * one, best first (newest first among equals), at most `max`. Only articles that share something
 * are offered.
 *
 * Built once per archive: an index from each term, topic and keyword to the articles that have it,
 * so a page looks only at articles sharing something instead of scoring the whole archive (which
 * over thousands of pages is quadratic). A very common keyword keeps only its `perFeature` newest
 * articles: it says little about relatedness, and it would otherwise bring back the quadratic cost.
 */
export function relatedFinder<T extends ArticleEntry>(
  all: readonly T[],
  max = 5,
  perFeature = 400,
): (article: T) => T[] {
  const ordered = newestFirst(all);
  const rank = new Map(ordered.map((a, i) => [a.id, i]));
  // Articles by rank (newest first), so a tie in score goes to the newer one by comparing numbers.
  const index = new Map<string, number[]>();
  ordered.forEach((a, i) => {
    for (const [feature] of features(a.data)) {
      let list = index.get(feature);
      if (!list) index.set(feature, (list = []));
      if (list.length < perFeature) list.push(i);
    }
  });
  // One score table for every page: a 10,000-article build asks 10,000 times, each touching a few thousand.
  const scores = new Float64Array(ordered.length);
  const better = (i: number, j: number) =>
    scores[i] > scores[j] || (scores[i] === scores[j] && i < j);
  return (article) => {
    const self = rank.get(article.id);
    const touched: number[] = [];
    for (const [feature, weight] of features(article.data)) {
      for (const i of index.get(feature) ?? []) {
        if (i === self) continue;
        if (scores[i] === 0) touched.push(i);
        scores[i] += weight;
      }
    }
    const best: number[] = [];
    for (const i of touched) {
      if (best.length === max && !better(i, best[max - 1])) continue;
      let at = Math.min(best.length, max - 1);
      while (at > 0 && better(i, best[at - 1])) at--;
      best.splice(at, 0, i);
      if (best.length > max) best.pop();
    }
    for (const i of touched) scores[i] = 0;
    return best.map((i) => ordered[i]);
  };
}

export function relatedArticles<T extends ArticleEntry>(
  article: T,
  all: readonly T[],
  max = 5,
): T[] {
  return relatedFinder(all, max)(article);
}

function features(data: ArticleData): [string, number][] {
  return [
    ...new Set(data.terms.map((t) => `术语:${t}`)),
    ...new Set(data.tags.map((t) => `主题:${t}`)),
    ...new Set(data.keywords.map((k) => `关键词:${k}`)),
  ].map((f): [string, number] => [f, f.startsWith('术语') ? 3 : f.startsWith('主题') ? 2 : 1]);
}

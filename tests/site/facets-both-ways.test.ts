import { describe, expect, it } from 'vitest';
import { FACET_KINDS, FACETS } from '../../src/core/facets.ts';
import type { ArticleData } from '../../src/core/article-schema.ts';
import { bothWays } from '../helpers/both-ways.ts';
import { DIST } from '../helpers/paths.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

const site = bothWays(DIST);

describe('facet and glossary pages link both ways (shipped articles)', () => {
  it('builds term pages for every facet the shipped articles have values in', () => {
    const articles = shippedArticles();
    expect(site.articles.length).toBe(articles.length);
    const withValues = FACET_KINDS.filter((kind) =>
      articles.some((a) => FACETS[kind].values(a.data as ArticleData).length > 0),
    );
    expect(withValues.length).toBeGreaterThan(0);
    for (const kind of [...withValues, 'glossary'])
      expect(
        site.termPages.some((p) => p.startsWith(`/${kind}/`)),
        kind,
      ).toBe(true);
  });

  const byPath = new Map(
    shippedArticles().map((a) => [`/articles/${a.id}/`, a.data as ArticleData]),
  );
  it.each(site.articles.map((a) => [a.path, a] as const))(
    '%s links to the page of each of its facet values, and every one links back',
    (path, a) => {
      const data = byPath.get(path)!;
      const values = FACET_KINDS.reduce(
        (n, kind) => n + new Set(FACETS[kind].values(data)).size,
        0,
      );
      expect(a.linkedBack.length).toBeGreaterThanOrEqual(Math.max(1, values));
      expect(a.linked.filter((p) => !a.linkedBack.includes(p))).toEqual([]);
    },
  );

  it('every term page links only to articles that link back to it', () => {
    expect(site.oneWayFromTerms).toEqual([]);
  });
});

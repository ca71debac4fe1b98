import { describe, expect, it } from 'vitest';
import type { ArticleData } from '../../src/core/article-schema.ts';
import { nextFontScale } from '../../src/lib/reading-prefs.ts';
import { FACET_KINDS } from '../../src/core/facets.ts';
import { allLabelSlugs, labelSlugs } from '../../src/site/label-slugs.ts';
import {
  buildFacetValues,
  facetLinksOf,
  facetPath,
  personDetails,
  valuesOf,
} from '../../src/site/facets.ts';
import { columnNeighbours } from '../../src/site/neighbours.ts';
import { newestFirst } from '../../src/site/article-order.ts';
import { listPages, pagedPath, pagerNumbers, TERM_PAGE_SIZE } from '../../src/site/pagination.ts';
import { relatedArticles } from '../../src/site/related-reading.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

const articles = shippedArticles();
/** A shipped article filed under a column, a year and one author with a position printed by the name. */
const report2024 = articles.find(
  (a) => a.data.column && a.data.year && a.data.authors.length === 1 && a.data.positions.length > 0,
)!;

function data(partial: Partial<ArticleData>): ArticleData {
  return {
    title: 't',
    authors: [],
    positions: [],
    regions: [],
    tags: [],
    terms: [],
    keywords: [],
    readingMinutes: 1,
    characters: 1,
    source: 's.txt',
    sourceIndex: 0,
    sourceLine: 1,
    ...partial,
  };
}

describe('labelSlugs', () => {
  it('romanises labels into readable ASCII', () => {
    const slugs = labelSlugs('tags', ['乡村振兴', '全过程人民民主']);
    expect(slugs.get('乡村振兴')).toBe('xiangcun-zhenxing');
    expect(slugs.get('全过程人民民主')).toMatch(/^[a-z0-9-]+$/);
  });

  it('keeps names that romanise alike apart, each with a hash of its own', () => {
    const slugs = labelSlugs('authors', ['刘洋', '柳杨', '李强']);
    expect(slugs.get('刘洋')).not.toBe(slugs.get('柳杨'));
    expect(slugs.get('刘洋')).toMatch(/^liu-yang-[0-9a-f]{6}$/);
    expect(slugs.get('柳杨')).toMatch(/^liu-yang-[0-9a-f]{6}$/);
    expect(slugs.get('李强')).toBe('liqiang');
    // The same labels give the same slugs on every build, in any order.
    expect(new Map([...labelSlugs('authors', ['李强', '柳杨', '刘洋'])].sort())).toEqual(
      new Map([...slugs].sort()),
    );
  });

  it('uses the year itself for years', () => {
    expect(labelSlugs('years', ['2024']).get('2024')).toBe('2024');
  });
});

describe('buildFacetValues on the shipped articles', () => {
  it.each(FACET_KINDS)(
    '%s: every article is on the page of each of its values, and only there',
    (kind) => {
      const terms = buildFacetValues(kind, articles);
      for (const a of articles) {
        const on = terms.filter((t) => t.articles.some((x) => x.id === a.id)).map((t) => t.label);
        expect(on.sort()).toEqual([...new Set(valuesOf(kind, a.data))].sort());
      }
      for (const t of terms) expect(t.slug).toMatch(/^[a-z0-9-]+$/);
      expect(new Set(terms.map((t) => t.slug)).size).toBe(terms.length);
    },
  );

  it('lists years newest first and articles newest first', () => {
    const years = buildFacetValues('years', articles).map((t) => t.label);
    expect(years).toEqual([...years].sort().reverse());
    expect(years[0]).toBe(String(Math.max(...articles.map((a) => a.data.year ?? 0))));
    const column = buildFacetValues('columns', articles)[0];
    expect(column.articles.length).toBe(
      Math.max(...buildFacetValues('columns', articles).map((t) => t.articles.length)),
    );
    const years2 = column.articles.map((a) => a.data.year ?? 0);
    expect(years2).toEqual([...years2].sort((a, b) => b - a));
    expect(years2.filter(Boolean).length).toBe(column.articles.filter((a) => a.data.year).length);
  });

  it('gives an author page the position printed under the name', () => {
    const [name] = report2024.data.authors;
    const li = buildFacetValues('authors', articles).find((t) => t.label === name)!;
    expect(li.slug).toMatch(/^[a-z0-9-]+$/);
    for (const position of report2024.data.positions) expect(li.positions).toContain(position);
    expect(li.articles.map((a) => a.id)).toContain(report2024.id);
  });

  it('links each article to its pages with the same slugs the pages use', () => {
    const slugs = allLabelSlugs(articles);
    const links = facetLinksOf(report2024, slugs);
    expect(links).toContainEqual({
      kind: 'columns',
      label: report2024.data.column,
      path: `columns/${slugs.columns.get(report2024.data.column!)}/`,
    });
    expect(links).toContainEqual({
      kind: 'years',
      label: String(report2024.data.year),
      path: `years/${report2024.data.year}/`,
    });
    expect(links).toContainEqual({
      kind: 'authors',
      label: report2024.data.authors[0],
      path: `authors/${slugs.authors.get(report2024.data.authors[0])}/`,
    });
    for (const l of links) {
      const page = buildFacetValues(l.kind, articles).find(
        (t) => `${l.kind}/${t.slug}/` === l.path,
      );
      expect(
        page?.articles.map((a) => a.id),
        l.path,
      ).toContain(report2024.id);
    }
  });
});

describe('personDetails', () => {
  it('gives a sole author every position and region', () => {
    expect(
      personDetails(
        data({ authors: ['张三'], positions: ['张掖市政协主席'], regions: ['张掖市'] }),
        '张三',
      ),
    ).toEqual({ positions: ['张掖市政协主席'], regions: ['张掖市'] });
  });
  it('pairs lists as long as the author list by order, and gives nothing when they cannot be paired', () => {
    const d = data({
      authors: ['张三', '李四'],
      positions: ['甲职务', '乙职务'],
      regions: ['张掖市'],
    });
    expect(personDetails(d, '李四')).toEqual({ positions: ['乙职务'], regions: [] });
    expect(personDetails(d, '王五')).toEqual({ positions: [], regions: [] });
  });
});

describe('columnNeighbours', () => {
  it('walks the column oldest to newest through every article once', () => {
    const column = articles.filter((a) => a.data.column === report2024.data.column);
    const here = newestFirst(column).at(-1)!;
    expect(columnNeighbours(here, articles).previous).toBeUndefined();
    const seen = [here.id];
    for (
      let next = columnNeighbours(here, articles).next;
      next;
      next = columnNeighbours(next, articles).next
    ) {
      expect(columnNeighbours(next, articles).previous?.id).toBe(seen.at(-1));
      seen.push(next.id);
    }
    expect(seen.sort()).toEqual(column.map((a) => a.id).sort());
  });
  it('gives an article without a column no neighbours', () => {
    expect(columnNeighbours({ id: 'x', data: data({}), body: '' }, articles)).toEqual({});
  });
});

describe('relatedArticles', () => {
  it('offers up to five others that share terms, topics or keywords, most shared first', () => {
    const related = relatedArticles(report2024, articles);
    const shares = (a: (typeof articles)[number]) =>
      (['terms', 'tags', 'keywords'] as const).some((k) =>
        a.data[k].some((f) => report2024.data[k].includes(f)),
      );
    const sharing = articles.filter((a) => a !== report2024 && shares(a));
    expect(related.length).toBe(Math.min(5, sharing.length));
    expect(related.map((a) => a.id)).not.toContain(report2024.id);
    const sharedTerms = (a: (typeof articles)[number]) =>
      a.data.terms.filter((t) => report2024.data.terms.includes(t)).length;
    expect(sharedTerms(related[0])).toBeGreaterThanOrEqual(
      Math.max(...articles.filter((a) => a !== report2024).map(sharedTerms)) - 1,
    );
  });
  it('offers nothing when nothing is shared', () => {
    const lone = { id: 'lone', data: data({ tags: ['无此主题'] }) };
    expect(relatedArticles(lone, articles)).toEqual([]);
  });
  it('ranks exactly as scoring every other article would: weight 3 a term, 2 a topic, 1 a keyword; newer first on a tie', () => {
    // The shipped articles' real tags, dealt out in overlapping subsets so scores tie and differ.
    const pool = articles.flatMap((a, k) =>
      [0, 1, 2].map((j) => ({
        id: `${a.id}-${j}`,
        data: {
          ...a.data,
          date: `20${10 + k}-0${j + 1}-01`,
          terms: a.data.terms.filter((_, i) => i % 3 !== j),
          tags: a.data.tags.slice(j),
          keywords: a.data.keywords.filter((_, i) => i % (j + 2) === 0),
        },
      })),
    );
    const ordered = newestFirst(pool);
    const score = (a: (typeof pool)[number], b: (typeof pool)[number]) => {
      const shared = (x: string[], y: string[]) => new Set(x.filter((v) => y.includes(v))).size;
      return (
        3 * shared(a.data.terms, b.data.terms) +
        2 * shared(a.data.tags, b.data.tags) +
        shared(a.data.keywords, b.data.keywords)
      );
    };
    let compared = 0;
    for (const a of pool) {
      const expected = ordered
        .filter((b) => b !== a && score(a, b) > 0)
        .sort((x, y) => score(a, y) - score(a, x) || ordered.indexOf(x) - ordered.indexOf(y))
        .slice(0, 5);
      expect(
        relatedArticles(a, pool).map((b) => b.id),
        a.id,
      ).toEqual(expected.map((b) => b.id));
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(pool.length * 3);
  });
});

describe('nextFontScale', () => {
  it('steps up and down through the scales and stops at the ends', () => {
    expect(nextFontScale(1, 1)).toBe(1.125);
    expect(nextFontScale(1, -1)).toBe(0.875);
    expect(nextFontScale(0.875, -1)).toBe(0.875);
    expect(nextFontScale(2, 1)).toBe(2);
    expect(nextFontScale(1.3, 1)).toBe(1.5);
  });
});

describe('term pages', () => {
  const term = (n: number) => ({
    kind: 'tags' as const,
    label: '教育',
    slug: 'jiaoyu',
    positions: [],
    regions: [],
    articles: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, data: data({}) })),
  });
  it('cut a list into pages of TERM_PAGE_SIZE, keeping order, with one page even when empty', () => {
    expect(listPages(term(0).articles).map((p) => [p.number, p.count, p.items.length])).toEqual([
      [1, 1, 0],
    ]);
    expect(listPages(term(TERM_PAGE_SIZE).articles).map((p) => p.items.length)).toEqual([
      TERM_PAGE_SIZE,
    ]);
    const pages = listPages(term(2 * TERM_PAGE_SIZE + 1).articles);
    expect(pages.map((p) => [p.number, p.count, p.items.length])).toEqual([
      [1, 3, TERM_PAGE_SIZE],
      [2, 3, TERM_PAGE_SIZE],
      [3, 3, 1],
    ]);
    expect(pages.flatMap((p) => p.items.map((a) => a.id))).toEqual(
      term(2 * TERM_PAGE_SIZE + 1).articles.map((a) => a.id),
    );
  });
  it("give page 1 the term's own address and later pages a number", () => {
    expect(facetPath('tags', 'jiaoyu')).toBe('tags/jiaoyu/');
    expect(facetPath('tags', 'jiaoyu', 1)).toBe('tags/jiaoyu/');
    expect(facetPath('tags', 'jiaoyu', 3)).toBe('tags/jiaoyu/3/');
    expect(pagedPath('glossary/xieshang-minzhu/', 2)).toBe('glossary/xieshang-minzhu/2/');
  });
  it('show the first, the last and two either side of the current page', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 5)).toEqual([1, 2, 3, null, 5]);
    expect(pagerNumbers(10, 40)).toEqual([1, null, 8, 9, 10, 11, 12, null, 40]);
    expect(pagerNumbers(40, 40)).toEqual([1, null, 38, 39, 40]);
    expect(pagerNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});

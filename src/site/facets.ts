/**
 * The facets (归类) as the site's pages use them: each facet's values with their articles, the
 * paths of its pages, and the facet pages one article is filed under. The facets themselves are
 * declared once in src/core/facets.ts.
 */
import type { ArticleData, ArticleEntry } from '../core/article-schema.ts';
import { FACETS, FACET_KINDS, type FacetKind } from '../core/facets.ts';
import { dateKey, newestFirst, printedOrder } from './article-order.ts';
import { labelSlugs, ownSlugs, slugFor } from './label-slugs.ts';
import { pagedPath } from './pagination.ts';

export interface FacetValue {
  kind: FacetKind;
  label: string;
  slug: string;
  /** Newest first. */
  articles: ArticleEntry[];
  /** For an author: the positions and regions printed with their name. */
  positions: string[];
  regions: string[];
}

/** How a label reads on the page: years as "2024年", everything else as is. */
export function displayLabel(kind: FacetKind, label: string): string {
  const display = FACETS[kind].display;
  return display ? display(label) : label;
}

/** The values an article files under for one facet. */
export function valuesOf(kind: FacetKind, data: ArticleData): string[] {
  return FACETS[kind].values(data);
}

/** Every value of one facet with all its articles, in a stable reading order. */
export function buildFacetValues(kind: FacetKind, articles: readonly ArticleEntry[]): FacetValue[] {
  const byLabel = new Map<string, ArticleEntry[]>();
  for (const article of articles) {
    for (const label of new Set(valuesOf(kind, article.data)))
      byLabel.set(label, [...(byLabel.get(label) ?? []), article]);
  }
  const slugs = labelSlugs(kind, byLabel.keys(), ownSlugs(kind, articles));
  const { articleOrder, termOrder } = FACETS[kind];
  const terms = [...byLabel.entries()].map(([label, list]): FacetValue => {
    const people = kind === 'authors' ? list.map((a) => personDetails(a.data, label)) : [];
    return {
      kind,
      label,
      slug: slugFor(slugs, label),
      articles: articleOrder === 'printed' ? printedOrder(list) : newestFirst(list),
      positions: [...new Set(people.flatMap((p) => p.positions))],
      regions: [...new Set(people.flatMap((p) => p.regions))],
    };
  });
  if (termOrder === 'newest') {
    // Newest first: years by their number, issues by their newest article, then by name.
    const newest = (t: FacetValue) =>
      t.articles
        .map((a) => dateKey(a.data))
        .sort()
        .at(-1) ?? '';
    return terms
      .map((t) => ({ t, newest: newest(t) }))
      .sort(
        (a, b) =>
          b.newest.localeCompare(a.newest) || b.t.label.localeCompare(a.t.label, 'zh-Hans-CN'),
      )
      .map(({ t }) => t);
  }
  // By how much it holds, then in pinyin order.
  return terms.sort(
    (a, b) => b.articles.length - a.articles.length || a.label.localeCompare(b.label, 'zh-Hans-CN'),
  );
}

/**
 * Positions and regions belong to a named author only when it is clear whose they are: a single
 * author, or lists as long as the author list (printed in the same order).
 */
export function personDetails(
  data: ArticleData,
  author: string,
): { positions: string[]; regions: string[] } {
  const i = data.authors.indexOf(author);
  if (i < 0) return { positions: [], regions: [] };
  const pick = (list: string[]) =>
    data.authors.length === 1 ? list : list.length === data.authors.length ? [list[i]] : [];
  return { positions: pick(data.positions), regions: pick(data.regions) };
}

/** The site path (without base) of a facet's index or of one value's page. */
export function facetPath(kind: FacetKind, slug?: string, page = 1): string {
  return slug ? pagedPath(`${kind}/${slug}/`, page) : `${kind}/`;
}

/** Every facet page one article is filed under, in the order they are shown. */
export function facetLinksOf(
  article: ArticleEntry,
  slugs: Record<FacetKind, Map<string, string>>,
): { kind: FacetKind; label: string; path: string }[] {
  return FACET_KINDS.flatMap((kind) =>
    [...new Set(valuesOf(kind, article.data))].map((label) => ({
      kind,
      label,
      path: facetPath(kind, slugFor(slugs[kind], label)),
    })),
  );
}

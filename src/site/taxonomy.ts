import { createHash } from 'node:crypto';
import { slugify } from './slug.ts';
import type { ArticleData, ArticleEntry } from '../core/article-schema.ts';
import { FACETS, TAXONOMY_KINDS, type TaxonomyKind } from '../core/facets.ts';

export { TAXONOMY_KINDS, type TaxonomyKind } from '../core/facets.ts';

/** Chinese names for headings and breadcrumbs; `intro` opens the index page. */
export const TAXONOMY_NAMES = Object.fromEntries(
  TAXONOMY_KINDS.map((kind) => [kind, { name: FACETS[kind].name, intro: FACETS[kind].intro }]),
) as Record<TaxonomyKind, { name: string; intro: string }>;

export interface TaxonomyTerm {
  kind: TaxonomyKind;
  label: string;
  slug: string;
  /** Newest first. */
  articles: ArticleEntry[];
  /** For an author: the positions and regions printed with their name. */
  positions: string[];
  regions: string[];
}

/** How a label reads on the page: years as "2024年", everything else as is. */
export function displayLabel(kind: TaxonomyKind, label: string): string {
  const display = FACETS[kind].display;
  return display ? display(label) : label;
}

/** The values an article files under for one taxonomy. */
export function valuesOf(kind: TaxonomyKind, data: ArticleData): string[] {
  return FACETS[kind].values(data);
}

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

/**
 * URL segments for labels: pinyin ASCII (李强 → liqiang), which survives being pasted into chat.
 * Two labels that romanise alike (李强, 李蔷) both get a short hash of the label, so neither
 * silently takes the other's page. A facet whose articles carry their own slug (years, issues)
 * keeps it: pass those as `own`.
 */
export function labelSlugs(
  kind: TaxonomyKind,
  labels: Iterable<string>,
  own: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const unique = [...new Set(labels)];
  const plain = new Map(
    unique.map((label) => [label, own.get(label) ?? (kind === 'years' ? label : slugify(label))]),
  );
  const uses = new Map<string, number>();
  for (const slug of plain.values()) uses.set(slug, (uses.get(slug) ?? 0) + 1);
  return new Map(
    unique.map((label) => {
      const slug = plain.get(label)!;
      return [
        label,
        uses.get(slug)! > 1
          ? `${slug}-${createHash('sha1').update(label).digest('hex').slice(0, 6)}`
          : slug,
      ];
    }),
  );
}

/** Slugs the articles themselves give a facet's values (an issue's issueSlug), for labelSlugs. */
function ownSlugs(kind: TaxonomyKind, articles: readonly ArticleEntry[]): Map<string, string> {
  const slugOf = FACETS[kind].slugOf;
  const own = new Map<string, string>();
  if (!slugOf) return own;
  for (const a of articles) {
    const slug = slugOf(a.data);
    for (const label of valuesOf(kind, a.data)) if (slug && !own.has(label)) own.set(label, slug);
  }
  return own;
}

/** Slugs of one facet's values across the archive. */
export function facetSlugs(
  kind: TaxonomyKind,
  articles: readonly ArticleEntry[],
): Map<string, string> {
  return labelSlugs(
    kind,
    articles.flatMap((a) => valuesOf(kind, a.data)),
    ownSlugs(kind, articles),
  );
}

/** An issue's articles in the order the issue printed them. */
export function printedOrder<T extends ArticleEntry>(articles: readonly T[]): T[] {
  return [...articles].sort(
    (a, b) => (a.data.issueOrder ?? 0) - (b.data.issueOrder ?? 0) || a.id.localeCompare(b.id),
  );
}

/** Every term of one taxonomy with all its articles, in a stable reading order. */
export function buildTaxonomy(
  kind: TaxonomyKind,
  articles: readonly ArticleEntry[],
): TaxonomyTerm[] {
  const byLabel = new Map<string, ArticleEntry[]>();
  for (const article of articles) {
    for (const label of new Set(valuesOf(kind, article.data)))
      byLabel.set(label, [...(byLabel.get(label) ?? []), article]);
  }
  const slugs = labelSlugs(kind, byLabel.keys(), ownSlugs(kind, articles));
  const { articleOrder, termOrder } = FACETS[kind];
  const terms = [...byLabel.entries()].map(([label, list]): TaxonomyTerm => {
    const people = kind === 'authors' ? list.map((a) => personDetails(a.data, label)) : [];
    return {
      kind,
      label,
      slug: slugs.get(label)!,
      articles: articleOrder === 'printed' ? printedOrder(list) : newestFirst(list),
      positions: [...new Set(people.flatMap((p) => p.positions))],
      regions: [...new Set(people.flatMap((p) => p.regions))],
    };
  });
  if (termOrder === 'newest') {
    // Newest first: years by their number, issues by their newest article, then by name.
    const newest = new Map(
      terms.map((t) => [
        t,
        t.articles
          .map((a) => dateKey(a.data))
          .sort()
          .at(-1) ?? '',
      ]),
    );
    return terms.sort(
      (a, b) =>
        newest.get(b)!.localeCompare(newest.get(a)!) ||
        b.label.localeCompare(a.label, 'zh-Hans-CN'),
    );
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

/** The site path (without base) of a taxonomy index or term page. */
export function taxonomyPath(kind: TaxonomyKind, slug?: string, page = 1): string {
  return slug ? pagedPath(`${kind}/${slug}/`, page) : `${kind}/`;
}

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

/** Slugs of every label of every taxonomy: computed once per build, since slugging segments words. */
export function allLabelSlugs(
  all: readonly ArticleEntry[],
): Record<TaxonomyKind, Map<string, string>> {
  return Object.fromEntries(TAXONOMY_KINDS.map((kind) => [kind, facetSlugs(kind, all)])) as Record<
    TaxonomyKind,
    Map<string, string>
  >;
}

/** Every taxonomy page one article belongs to, in the order they are shown. */
export function taxonomyLinksOf(
  article: ArticleEntry,
  slugs: Record<TaxonomyKind, Map<string, string>>,
): { kind: TaxonomyKind; label: string; path: string }[] {
  return TAXONOMY_KINDS.flatMap((kind) =>
    [...new Set(valuesOf(kind, article.data))].map((label) => ({
      kind,
      label,
      path: taxonomyPath(kind, slugs[kind].get(label)!),
    })),
  );
}

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

import type { ArticleData } from './article-schema.ts';

/**
 * Every facet (归类) the archive is browsed and searched by, declared once. Its pages (/<kind>/ and
 * /<kind>/<slug>/), the home page, the navigation, the article's "filed under" links, the sitemap
 * and the search index's filters all read this list: adding a facet is one entry here.
 */
export interface FacetDefinition {
  /** Chinese name for headings, breadcrumbs and the search filters. */
  name: string;
  /** Opens the facet's index page. */
  intro: string;
  /** The facet's key in the search index: Pagefind calls facets filters (data-pagefind-filter). */
  filter: string;
  /** The values one article files under. */
  values(data: ArticleData): string[];
  /** How a value reads on a page ("2024" → "2024年"). */
  display?(value: string): string;
  /** A value's URL segment when the article itself carries it (an issue's), instead of pinyin. */
  slugOf?(data: ArticleData): string | undefined;
  /** The order of the facet's index: by how many articles a value holds, or newest value first. */
  termOrder: 'size' | 'newest';
  /** The order of articles on a value's page: newest first, or as printed (an issue's contents). */
  articleOrder: 'newest' | 'printed';
}

const DEFINITIONS = {
  columns: {
    name: '栏目',
    intro: '按刊物栏目或材料类别浏览。',
    filter: 'column',
    values: (d) => (d.column ? [d.column] : []),
    termOrder: 'size',
    articleOrder: 'newest',
  },
  issues: {
    // Not 期刊 beside 刊物: two words for one thing. This facet is the issue (期), 刊物 the journal.
    name: '各期',
    intro: '按刊物的期浏览：每一期的目录按原刊顺序排列。',
    filter: 'issue',
    values: (d) => (d.issue ? [d.issue] : []),
    slugOf: (d) => d.issueSlug,
    termOrder: 'newest',
    articleOrder: 'printed',
  },
  journals: {
    name: '刊物',
    intro: '按刊物浏览各期文章。',
    filter: 'journal',
    // A compilation whose editor named no journal is its own publication, under its own name.
    values: (d) => (d.journal ? [d.journal] : d.issue ? [d.issue] : []),
    termOrder: 'size',
    articleOrder: 'newest',
  },
  tags: {
    name: '主题',
    intro: '按主题词表中的主题浏览；一篇材料多次谈到某一主题才归入该主题。',
    filter: 'tag',
    values: (d) => d.tags,
    termOrder: 'size',
    articleOrder: 'newest',
  },
  years: {
    name: '年份',
    intro: '按材料的年份浏览。',
    filter: 'year',
    values: (d) => (d.year ? [String(d.year)] : []),
    display: (v) => `${v}年`,
    slugOf: (d) => (d.year ? String(d.year) : undefined),
    termOrder: 'newest',
    articleOrder: 'newest',
  },
  authors: {
    name: '作者',
    intro: '按作者或讲话人浏览，附职务与地区。',
    filter: 'author',
    values: (d) => d.authors,
    termOrder: 'size',
    articleOrder: 'newest',
  },
  regions: {
    name: '地区',
    intro: '按作者职务所属地区浏览。',
    filter: 'region',
    values: (d) => d.regions,
    termOrder: 'size',
    articleOrder: 'newest',
  },
} satisfies Record<string, FacetDefinition>;

export type FacetKind = keyof typeof DEFINITIONS;

export const FACETS: Record<FacetKind, FacetDefinition> = DEFINITIONS;

/** Facets in the order pages show them. */
export const FACET_KINDS = Object.keys(FACETS) as FacetKind[];

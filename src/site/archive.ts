import { getCollection, type CollectionEntry } from 'astro:content';
import { glossary } from './glossary.ts';
import {
  allLabelSlugs,
  buildTaxonomy,
  columnNeighbourMap,
  issueNeighbourMap,
  newestFirst,
  relatedFinder,
  listPages,
  type TaxonomyKind,
  type TaxonomyTerm,
} from './taxonomy.ts';
import { termContexts, type TermContext } from './term-contexts.ts';

/**
 * Build-time access to the whole archive, computed once per build and shared by every page: the
 * pages of a big archive would otherwise each re-read, re-slug and re-parse every article.
 */
export type Article = CollectionEntry<'articles'>;

let collection: Promise<Article[]> | undefined;
/** Every article in the collection, withheld ones too, newest first. */
function everyArticle(): Promise<Article[]> {
  collection ??= getCollection('articles').then((list) => newestFirst(list));
  return collection;
}

let articles: Promise<Article[]> | undefined;
/**
 * The published archive, newest first: every article but those the editor withholds
 * (`publish: false`), which have no page and which no list, feed, sitemap, session or search names.
 */
export function allArticles(): Promise<Article[]> {
  articles ??= everyArticle().then((list) => list.filter((a) => !a.data.withheld));
  return articles;
}

let withheld: Promise<Article[]> | undefined;
/** Articles the editor withholds: only their issue's contents name them, marked 暂未刊出, without a link. */
export function withheldArticles(): Promise<Article[]> {
  withheld ??= everyArticle().then((list) => list.filter((a) => a.data.withheld));
  return withheld;
}

let slugs: Promise<Record<TaxonomyKind, Map<string, string>>> | undefined;
export function taxonomySlugs(): Promise<Record<TaxonomyKind, Map<string, string>>> {
  slugs ??= allArticles().then(allLabelSlugs);
  return slugs;
}

const contexts = new Map<string, TermContext[]>();
/** Keyword-in-context for every glossary term the article's body uses, by section. */
export function contextsOf(article: Article): TermContext[] {
  let found = contexts.get(article.id);
  if (!found) {
    found = termContexts(article.body ?? '');
    contexts.set(article.id, found);
  }
  return found;
}

/**
 * Glossary slugs an article is filed under: the terms ingest tagged plus any its body uses, in
 * glossary order. The glossary page lists exactly these articles, so links run both ways.
 */
export function termSlugsOf(article: Article): string[] {
  const used = new Set(contextsOf(article).map((c) => c.slug));
  const tagged = new Set(article.data.terms);
  return glossary.filter((t) => used.has(t.slug) || tagged.has(t.term)).map((t) => t.slug);
}

const taxonomies = new Map<TaxonomyKind, Promise<TaxonomyTerm[]>>();
/** Every term of a taxonomy with its articles, newest first. */
export function taxonomyTerms(kind: TaxonomyKind): Promise<TaxonomyTerm[]> {
  let terms = taxonomies.get(kind);
  if (!terms) {
    terms = allArticles().then((list) => buildTaxonomy(kind, list));
    taxonomies.set(kind, terms);
  }
  return terms;
}

/**
 * getStaticPaths for a taxonomy's term pages: /<kind>/<slug>/ lists a term's newest articles, and
 * /<kind>/<slug>/2/ … the rest (src/pages/<kind>/[slug]/[...page].astro).
 */
export async function taxonomyStaticPaths(kind: TaxonomyKind) {
  return (await taxonomyTerms(kind)).flatMap((term) =>
    listPages(term.articles).map((page) => ({
      params: { slug: term.slug, page: pageParam(page.number) },
      props: { term, page },
    })),
  );
}

/** The [...page] route parameter: none for page 1, so a list's first page keeps the list's own address. */
export function pageParam(n: number): string | undefined {
  return n > 1 ? String(n) : undefined;
}

/** Articles filed under a glossary term, newest first, each with the sections that use it. */
export function termUses(slug: string): Promise<{ article: Article; contexts: TermContext[] }[]> {
  let uses = usesBySlug.get(slug);
  if (!uses) {
    uses = allArticles().then((list) =>
      list
        .filter((a) => termSlugsOf(a).includes(slug))
        .map((article) => ({
          article,
          contexts: contextsOf(article).filter((c) => c.slug === slug),
        })),
    );
    usesBySlug.set(slug, uses);
  }
  return uses;
}
const usesBySlug = new Map<string, Promise<{ article: Article; contexts: TermContext[] }[]>>();

let related: Promise<(article: Article) => Article[]> | undefined;
/** 3–5 related articles for one article, from an index built once per build. */
export async function relatedTo(article: Article): Promise<Article[]> {
  related ??= allArticles().then((list) => relatedFinder(list));
  return (await related)(article);
}

let neighbours: Promise<Map<string, { previous?: Article; next?: Article }>> | undefined;
let issueNeighbours: Promise<Map<string, { previous?: Article; next?: Article }>> | undefined;
/**
 * Previous and next article: in printed order within the article's journal issue, or for a text
 * that was not printed in an issue, in date order within its column.
 */
export async function neighboursOf(
  article: Article,
): Promise<{ within: 'issue' | 'column'; previous?: Article; next?: Article }> {
  if (article.data.issueSlug) {
    issueNeighbours ??= allArticles().then((list) => issueNeighbourMap(list));
    return { within: 'issue', ...(await issueNeighbours).get(article.id) };
  }
  neighbours ??= allArticles().then((list) => columnNeighbourMap(list));
  return { within: 'column', ...(await neighbours).get(article.id) };
}

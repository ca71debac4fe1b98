import { allArticles, taxonomyTerms } from './archive.ts';
import { glossary } from './glossary.ts';
import { TAXONOMY_KINDS, taxonomyPath } from './taxonomy.ts';

/**
 * Paths (without base) of the reading pages this site builds, for sitemap.xml. Search, handout and
 * session pages add themselves here when they want to be listed.
 */
export async function readingPagePaths(): Promise<string[]> {
  const paths = ['', 'glossary/', ...glossary.map((t) => `glossary/${t.slug}/`)];
  for (const kind of TAXONOMY_KINDS) {
    paths.push(taxonomyPath(kind), ...(await taxonomyTerms(kind)).map((t) => taxonomyPath(kind, t.slug)));
  }
  paths.push(...(await allArticles()).map((a) => `articles/${a.id}/`));
  return paths;
}

export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The first paragraph of an MDX body as plain text: MDX escapes removed, cut to `length`. */
export function plainExcerpt(mdxBody: string, length = 140): string {
  const first = mdxBody.split(/\n{2,}/).find((p) => p.trim() && !p.startsWith('#')) ?? '';
  const text = first.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

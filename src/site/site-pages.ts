import { allArticles, facetValueList, termUses } from './archive.ts';
import { glossary } from '../language/glossary.ts';
import { markdownBlocks } from '../core/markdown-blocks.ts';
import { FACET_KINDS } from '../core/facets.ts';
import { listPages, pagedPath } from './pagination.ts';
import { facetPath } from './facets.ts';
import { articlePath } from '../core/article-path.ts';

/**
 * Paths (without base) of the reading pages this site builds, for sitemap.xml. Search, handout and
 * session pages add themselves here when they want to be listed.
 */
export async function readingPagePaths(): Promise<string[]> {
  const paths = ['', 'glossary/'];
  for (const t of glossary)
    paths.push(
      ...listPages(await termUses(t.slug)).map((p) => pagedPath(`glossary/${t.slug}/`, p.number)),
    );
  for (const kind of FACET_KINDS) {
    paths.push(
      facetPath(kind),
      ...(await facetValueList(kind)).flatMap((t) =>
        listPages(t.articles).map((p) => facetPath(kind, t.slug, p.number)),
      ),
    );
  }
  paths.push(...(await allArticles()).map((a) => articlePath(a.id)));
  return paths;
}

export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The first paragraph of an article's Markdown body as plain text (escapes resolved), cut to `length`. */
export function plainExcerpt(body: string, length = 140): string {
  const first = markdownBlocks(body).find((b) => b.type === 'paragraph')?.text ?? '';
  const text = first.replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

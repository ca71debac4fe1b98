import path from 'node:path';
import type { EditorialData } from './editorial.ts';
import { sourceSlug } from './slug.ts';

/** The journal issue (期) a compilation source is: what its articles say of where they were printed. */
export interface ArticleIssue {
  /** Where its articles live: /articles/<prefix>/<title>/. */
  prefix: string;
  /** The issue's page, /issues/<slug>/: the prefix as one URL segment. */
  slug: string;
  /** How the issue is named on pages: "政协天地 2024年第11期", or the file's name when the editor gave no facts. */
  label: string;
  journal?: string;
  number?: string;
  date?: string;
}

/**
 * A source with several articles is one journal issue; so is any source whose editorial file gives
 * issue facts. The issue's facts come only from the editor (a journal export prints no reliable
 * masthead), so without them it is named after its file.
 */
export function articleIssue(
  source: string,
  articleCount: number,
  facts: EditorialData['issue'],
): ArticleIssue | undefined {
  if (articleCount < 2 && !facts) return undefined;
  const stem = path.posix.basename(source, path.posix.extname(source));
  const label = [facts?.journal, facts?.number].filter(Boolean).join(' ') || stem;
  const prefix = facts?.slug ?? sourceSlug(source);
  return {
    prefix,
    slug: prefix.replaceAll('/', '-') || 'qikan',
    label,
    journal: facts?.journal,
    number: facts?.number,
    date: facts?.date,
  };
}

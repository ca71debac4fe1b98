/**
 * Build-time history of the glossary's formulations (提法演变): for each term, how many articles
 * use it per year across the whole archive's span, and which terms first appear in the latest year.
 */
import { allArticles, termUses } from './archive.ts';
import { glossary, type GlossaryTerm } from '../language/glossary.ts';
import { firstYear, yearSeries, type YearCount } from '../core/year-chart.ts';

/** The archive's first and last year, so every term's chart covers the same span. */
export async function archiveSpan(): Promise<[number, number] | undefined> {
  const years = (await allArticles())
    .map((a) => a.data.year)
    .filter((y): y is number => y !== undefined);
  return years.length > 0 ? [Math.min(...years), Math.max(...years)] : undefined;
}

/** Articles using the term, per year, over the archive's span. */
export async function termHistory(slug: string): Promise<YearCount[]> {
  const span = await archiveSpan();
  const counts = new Map<number, number>();
  for (const { article } of await termUses(slug)) {
    if (article.data.year !== undefined)
      counts.set(article.data.year, (counts.get(article.data.year) ?? 0) + 1);
  }
  return span ? yearSeries(counts, span[0], span[1]) : [];
}

/**
 * The latest year of the archive and the terms no article used before it. `coversYearBefore` says
 * whether the archive has material from the year just before: only then is a term first seen in
 * the latest year "new"; after a gap (the shipped reports jump from 2018 to 2024) it is only the
 * earliest the archive holds.
 */
export async function termsNewInLatestYear(): Promise<
  { year: number; terms: GlossaryTerm[]; coversYearBefore: boolean } | undefined
> {
  const span = await archiveSpan();
  if (!span) return undefined;
  const years = new Set((await allArticles()).map((a) => a.data.year));
  const terms: GlossaryTerm[] = [];
  for (const term of glossary)
    if (firstYear(await termHistory(term.slug)) === span[1]) terms.push(term);
  return { year: span[1], terms, coversYearBefore: years.has(span[1] - 1) };
}

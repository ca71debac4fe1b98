import glossaryData from '../data/glossary.json' with { type: 'json' };
import { glossaryFileSchema } from '../core/data-files.ts';

export interface GlossaryTerm {
  term: string;
  slug: string;
  definition: string;
  aliases?: string[];
}

export const glossary: GlossaryTerm[] = glossaryFileSchema.parse(glossaryData).terms;

/** Every spelling of every term, longest first so "大统战工作格局" wins over a shorter overlap. */
export const termSpellings: { spelling: string; term: GlossaryTerm }[] = glossary
  .flatMap((term) => [term.term, ...(term.aliases ?? [])].map((spelling) => ({ spelling, term })))
  .sort((a, b) => b.spelling.length - a.spelling.length || a.spelling.localeCompare(b.spelling));

export function termBySlug(slug: string): GlossaryTerm | undefined {
  return glossary.find((t) => t.slug === slug);
}

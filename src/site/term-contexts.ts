import { sentences } from '../core/chinese.ts';
import { termSpellings } from '../language/glossary.ts';
import { placeBlocks } from '../core/sections.ts';

/** One use of a glossary term in one section of an article: the sentence around its first use there. */
export interface TermContext {
  slug: string;
  /** The id the section's heading gets in the page (s2, s2-1); '' for text before the first heading. */
  sectionId: string;
  /** The heading text, or '' before the first heading. */
  sectionTitle: string;
  before: string;
  match: string;
  after: string;
  /** The term is in the section's heading itself ("（一）……加快发展新质生产力。"). */
  inHeading: boolean;
}

/** Context shown on each side of the term when its sentence is long. */
const REACH = 60;

/**
 * Finds, for every glossary term, the first use in each section of an article's Markdown body. Sections are counted
 * exactly as rehype-section-anchors counts them (top-level h2/h3 in document order through
 * AnchorCounter), so `sectionId` is the id the heading has in the built page. Spellings are matched
 * leftmost-longest, as the term-link plugin does, so "新发展理念" is not also read as a shorter term.
 */
export function termContexts(body: string): TermContext[] {
  const found: TermContext[] = [];
  let seen = new Set<string>();
  for (const { block, opens, within } of placeBlocks(body)) {
    const inHeading = opens !== undefined;
    if (inHeading) seen = new Set();
    else if (block.type !== 'paragraph') continue;
    const section = within.at(-1);
    const sectionId = section?.id ?? '';
    const sectionTitle = section?.heading ?? '';
    // A heading that names a term ("加快发展新质生产力") is the best context of all for it.
    const text = block.text;
    for (const use of termUses(text)) {
      if (seen.has(use.slug)) continue;
      seen.add(use.slug);
      found.push({
        slug: use.slug,
        sectionId,
        sectionTitle,
        inHeading,
        ...around(text, use.index, use.spelling),
      });
    }
  }
  return found;
}

/** Glossary terms in a text, leftmost-longest and not overlapping. */
export function termUses(text: string): { slug: string; spelling: string; index: number }[] {
  const uses: { slug: string; spelling: string; index: number }[] = [];
  let from = 0;
  for (;;) {
    let best: { slug: string; spelling: string; index: number } | undefined;
    // termSpellings is longest first, so at equal positions the first found is the longest.
    for (const { spelling, term } of termSpellings) {
      const index = text.indexOf(spelling, from);
      if (index >= 0 && (!best || index < best.index)) best = { slug: term.slug, spelling, index };
    }
    if (!best) return uses;
    uses.push(best);
    from = best.index + best.spelling.length;
  }
}

/** The sentence holding text[index…], cut to REACH characters either side of the term. */
function around(
  text: string,
  index: number,
  spelling: string,
): { before: string; match: string; after: string } {
  let start = 0;
  for (const sentence of sentences(text)) {
    const end = start + sentence.length;
    if (index < end) {
      const before = text.slice(start, index);
      const after = text.slice(index + spelling.length, Math.max(end, index + spelling.length));
      return {
        before: before.length > REACH ? `…${before.slice(-REACH)}` : before,
        match: spelling,
        after: after.length > REACH ? `${after.slice(0, REACH)}…` : after,
      };
    }
    start = end;
  }
  return { before: '', match: spelling, after: '' };
}

import { AnchorCounter } from './anchors.ts';
import { markdownBlocks, type MarkdownBlock } from './markdown-blocks.ts';

/**
 * The sections of an article: 一、 headings are h2, （一） headings h3, and only these two depths
 * carry the s2 / s2-1 anchors a reader can link to. Every reader of sections (the anchor plugin,
 * the contents list, study sessions, keyword-in-context, the handout command, search sub-results)
 * asks here, so a third level would be added in one place.
 */
export const SECTION_DEPTHS = [2, 3] as const;
export type SectionDepth = (typeof SECTION_DEPTHS)[number];

export function isSectionDepth(depth: number): depth is SectionDepth {
  return (SECTION_DEPTHS as readonly number[]).includes(depth);
}

/** h2 → 2, h3 → 3; any other tag is not a section heading. */
export function sectionDepthOfTag(tagName: string): SectionDepth | undefined {
  const depth = /^h([1-6])$/.exec(tagName)?.[1];
  return depth !== undefined && isSectionDepth(Number(depth))
    ? (Number(depth) as SectionDepth)
    : undefined;
}

export function isSectionTag(tagName: string): boolean {
  return sectionDepthOfTag(tagName) !== undefined;
}

export interface SectionHeading {
  /** The anchor the built page gives the heading: s2, s2-1. */
  id: string;
  depth: SectionDepth;
  heading: string;
}

export interface PlacedBlock {
  block: MarkdownBlock;
  /** Set when the block is itself a section heading. */
  opens?: SectionHeading;
  /** The sections the block lies in, outermost first: its 一、 section and, inside it, its （一）. */
  within: SectionHeading[];
}

/**
 * Each block of an article's Markdown body with the sections it lies in, counted exactly as
 * rehype-section-anchors counts them, so the ids are the ones the built page has. A heading lies in
 * the section it opens.
 */
export function placeBlocks(body: string): PlacedBlock[] {
  const anchors = new AnchorCounter();
  const within: SectionHeading[] = [];
  return markdownBlocks(body).map((block) => {
    let opens: SectionHeading | undefined;
    if (block.type === 'heading' && isSectionDepth(block.depth)) {
      opens = { id: anchors.heading(block.depth), depth: block.depth, heading: block.text };
      while (within.length > 0 && within[within.length - 1].depth >= block.depth) within.pop();
      within.push(opens);
    }
    return { block, ...(opens ? { opens } : {}), within: [...within] };
  });
}

/** Every section heading of a body, in order. */
export function sectionHeadings(body: string): SectionHeading[] {
  return placeBlocks(body).flatMap((p) => (p.opens ? [p.opens] : []));
}

/** Each section's heading and text (its sub-sections' included), keyed by anchor. */
export function sectionTexts(body: string): Map<string, { heading: string; text: string }> {
  const sections = new Map<string, { heading: string; text: string }>();
  for (const { block, opens, within } of placeBlocks(body)) {
    if (opens) sections.set(opens.id, { heading: opens.heading, text: '' });
    for (const s of within) {
      const section = sections.get(s.id);
      // A block is within only sections already opened above it.
      if (section) section.text += `${block.text}\n`;
    }
  }
  return sections;
}

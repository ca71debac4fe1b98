/**
 * The text of a source as the pipeline hands it from step to step: lines, then paragraphs, then
 * blocks. Ingest (scripts/ingest) makes them and the proofreading checks (scripts/proofread) read
 * them; both import them from here, so neither imports the other's code for them.
 */
import type { SectionDepth } from '../../src/core/sections.ts';

/** One non-empty line of a source: its text, the 1-based line it came from, and whether blank lines preceded it. */
export interface SourceLine {
  text: string;
  line: number;
  /** True when at least one blank line (or a page break) separates it from the previous text line. */
  gapBefore: boolean;
  /**
   * Set only for .docx: Word ended the paragraph here, so it is whole and nothing runs on into the
   * next line (a .txt line end may be a page-break cut; a Word paragraph end never is).
   */
  paragraphEnd?: boolean;
  /** True when the line was indented ("　　" or spaces): in a hard-wrapped export that opens a paragraph. */
  indented?: boolean;
  /** Set only for .docx: the line had a Word heading style (Heading 1 → 2, Heading 2 and below → 3). */
  headingStyle?: SectionDepth;
  /**
   * Set only for .pdf, where a line is a typeset paragraph: where each printed line of it starts in
   * its text, with the page and the line on that page (furniture not counted), so a proofreading
   * finding is placed where an editor finds it in the PDF.
   */
  printed?: PrintedLine[];
}

export interface PrintedLine {
  /** Offset in the line's text where the printed line starts. */
  at: number;
  page: number;
  line: number;
}

/** Where mend joined a source line onto the paragraph: its offset in the paragraph text and its source line. */
export interface Join {
  at: number;
  line: number;
  /** The text of the line that was continued (the part before the cut), for the proofreading report. */
  before: string;
  /** True when blank lines or a page break stood at the cut (a running header, a page end). */
  acrossGap: boolean;
}

/** A paragraph of running text, with the source line it starts on. */
export interface Paragraph {
  text: string;
  line: number;
  /** A Word heading style: the paragraph is a heading of this depth whatever its text says. */
  headingStyle?: SectionDepth;
  /** The cuts mend rejoined, in order (absent when the paragraph was one source line). */
  joins?: Join[];
}

/** A heading or a paragraph of an article's body, with the source line it starts on. */
export type Block =
  | { type: 'heading'; depth: SectionDepth; text: string; line: number }
  | { type: 'paragraph'; text: string; line: number };

import type { SectionDepth } from '../../../src/core/sections.ts';
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

/**
 * Text → trimmed non-empty lines. Line ends (CRLF, CR, LF), form feeds (Word page breaks) and the
 * indentation typesetters add (half- and full-width spaces, zero-width marks) are layout, not words; everything else
 * stays as written. Paragraph ends are decided later from the text itself (see mend), because page
 * breaks put blank lines in the middle of sentences.
 */
export function normalise(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let gap = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((rawLine, i) => {
      const pieces = rawLine.split(/[\f\u2028\u2029]/);
      pieces.forEach((piece, k) => {
        if (k > 0) gap = true;
        // Zero-width characters at a line's edge are web-page residue; inside a line they stay.
        const trimmed = piece.replace(
          /^[\s\u3000\uFEFF\u200B-\u200D\u2060]+|[\s\u3000\uFEFF\u200B-\u200D\u2060]+$/g,
          '',
        );
        if (trimmed === '') gap = true;
        else {
          const line: SourceLine = { text: trimmed, line: i + 1, gapBefore: gap };
          if (/^[ \t\u3000]/.test(piece)) line.indented = true;
          out.push(line);
          gap = false;
        }
      });
    });
  return out;
}

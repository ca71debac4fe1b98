import type { SourceLine } from '../../model/text.ts';

// split.ts (its own branch) still imports SourceLine from here; everything else takes it from the model.
export type { SourceLine };
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

import type { SourceLine } from '../../model/text.ts';

/**
 * True for a hard-wrapped export: Word's "save as text with line breaks" cuts every line at the
 * same width (~30 characters) mid-sentence and marks paragraphs by indenting them ("　　") or by
 * blank lines. Told apart from a typeset page's cuts (one per page) by how many lines are cut and
 * how alike their widths are: most lines that run on into the next are within four columns (two
 * Han characters) of the widest.
 */
export function isHardWrapped(lines: SourceLine[]): boolean {
  const runOn = lines
    .filter((l, i) => i + 1 < lines.length && !lines[i + 1].gapBefore && !lines[i + 1].indented)
    .map((l) => columns(l.text) + (l.indented ? 4 : 0));
  if (runOn.length < 5 || runOn.length < lines.length / 3) return false;
  const width = Math.max(...runOn);
  if (width > 160) return false;
  // A line may stop a character short where the next one may not open a line (，。).
  return runOn.filter((n) => n >= width - 4).length >= runOn.length * 0.8;
}

/** Display width: Han and full-width characters take two columns, ASCII one. An indented line counts its indent ("　　", four columns), which normalise trimmed. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return n;
}

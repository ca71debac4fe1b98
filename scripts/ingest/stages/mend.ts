import {
  CANNOT_START,
  POINT_MARK_AT_START,
  TERMINAL,
  TITLE_LIKE,
  headingLevel,
  isBareMark,
  ITEM_MARK_AT_START,
  visible,
} from '../../../src/core/chinese.ts';
import type { Paragraph, SourceLine } from '../../model/text.ts';

const BOLD = /\*\*/g;
const OPENS_PARAGRAPH = /^(?:——|[(（]作者|各位代表|各位委员|同志们)/u;
// A Word paragraph that already holds a comma or a full stop is running text: ending without one, it
// was cut by the page it was typeset on. One without any ("委员提案数量增加") is whole as Word has it.
const RUNNING_TEXT = /[，,。、；;：:！？]/u;

function plain(text: string): string {
  return visible(text).replace(BOLD, '');
}

export interface MendOptions {
  /**
   * A hard-wrapped export (lines cut every ~30 characters, paragraphs indented or set apart by blank
   * lines): a line with no blank line and no indent before it always continues the one before, and
   * the cut never gains a space, not even inside a Latin word or a number.
   */
  hardWrapped?: boolean;
}

/**
 * Rejoins sentences that page breaks and lost hyperlinks cut apart ("机关干" / "部特别是",
 * "李强所作的" / "政府工作报告" / "。"). A line is continued by the next when it does not end a
 * sentence and the next does not open something new (a heading, a point, a dash item, a byline).
 * Joining is without a space: Chinese sets no space between words. A Word paragraph end is evidence,
 * not law: Word files made from a typeset page keep its page-break cuts as paragraphs.
 */
export function mend(lines: SourceLine[], options: MendOptions = {}): Paragraph[] {
  const out: Paragraph[] = [];
  let prevHeading = false;
  let prevLine: SourceLine | undefined;
  for (const line of lines) {
    // A Word heading style is certain; a Word paragraph end only when the paragraph is not running text.
    const prev = prevHeading || line.headingStyle ? undefined : out.at(-1);
    const wordWhole = Boolean(prevLine?.paragraphEnd) && !RUNNING_TEXT.test(plain(prevLine!.text));
    prevHeading = Boolean(line.headingStyle);
    const wrapped =
      options.hardWrapped &&
      prev &&
      !line.gapBefore &&
      !line.indented &&
      headingLevel(line.text) === undefined;
    const label = prev !== undefined && prevLine !== undefined && standsAlone(prev, prevLine, line);
    if (prev && !label && (wrapped || (!wordWhole && continues(prev.text, line.text)))) {
      // Chinese joins without a space; two Latin words ("Public" / "domain") keep one between them,
      // except where a hard wrap cut a word in two.
      const space =
        !options.hardWrapped && /[A-Za-z]$/.test(prev.text) && /^[A-Za-z]/.test(line.text)
          ? ' '
          : '';
      (prev.joins ??= []).push({
        at: prev.text.length + space.length,
        line: line.line,
        before: prevLine!.text,
        acrossGap: line.gapBefore,
      });
      prev.text += space + line.text;
    } else
      out.push(
        line.headingStyle
          ? { text: line.text, line: line.line, headingStyle: line.headingStyle }
          : { text: line.text, line: line.line },
      );
    prevLine = line;
  }
  return out;
}

/**
 * An unnumbered heading or label ("关于教育改革问题", "先说工业战线上的情况", "结束语"): a short line
 * without punctuation, on its own between blank lines and flush left, before an indented line. A
 * typeset export indents each paragraph but not its headings, and the line after a page-break cut
 * carries no indent, so the indented line opens a paragraph rather than finishing a sentence.
 */
function standsAlone(prev: Paragraph, prevLine: SourceLine, line: SourceLine): boolean {
  return (
    prev.joins === undefined &&
    prevLine.gapBefore &&
    !prevLine.indented &&
    line.gapBefore &&
    Boolean(line.indented) &&
    TITLE_LIKE.test(plain(prev.text))
  );
}

export function continues(prevText: string, nextText: string): boolean {
  const prev = plain(prevText);
  const next = plain(nextText);
  if (CANNOT_START.test(next) || isBareMark(prev)) return true;
  // A heading alone on its line is whole; one that runs on into body text ("一、……。一是……") is body.
  if (TERMINAL.test(prev) || (headingLevel(prev) !== undefined && !/[。！？!?]/u.test(prev)))
    return false;
  if (
    headingLevel(next) !== undefined ||
    POINT_MARK_AT_START.test(next) ||
    ITEM_MARK_AT_START.test(next) ||
    OPENS_PARAGRAPH.test(next)
  )
    return false;
  return true;
}

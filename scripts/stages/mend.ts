import { CANNOT_START, POINT_MARK_AT_START, TERMINAL, headingLevel, isBareMark, visible } from '../../src/lib/chinese.ts';
import type { SourceLine } from './normalise.ts';

/** A paragraph of running text, with the source line it starts on. */
export interface Paragraph {
  text: string;
  line: number;
  /** A Word heading style: the paragraph is a heading of this depth whatever its text says. */
  headingStyle?: 2 | 3;
}

const BOLD = /\*\*/g;
const OPENS_PARAGRAPH = /^(?:——|[(（]作者|各位代表|各位委员|同志们)/u;

function plain(text: string): string {
  return visible(text).replace(BOLD, '');
}

/**
 * Rejoins sentences that page breaks and lost hyperlinks cut apart ("机关干" / "部特别是",
 * "李强所作的" / "政府工作报告" / "。"). A line is continued by the next when it does not end a
 * sentence and the next does not open something new (a heading, a point, a dash item, a byline).
 * Joining is without a space: Chinese sets no space between words.
 */
export function mend(lines: SourceLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let prevWhole = false;
  for (const line of lines) {
    // A Word paragraph end or heading is certain; only text-file line ends can be page-break cuts.
    const prev = prevWhole || line.headingStyle ? undefined : out.at(-1);
    prevWhole = Boolean(line.paragraphEnd || line.headingStyle);
    // Chinese joins without a space; two Latin words ("Public" / "domain") keep one between them.
    if (prev && continues(prev.text, line.text)) prev.text += /[A-Za-z]$/.test(prev.text) && /^[A-Za-z]/.test(line.text) ? ` ${line.text}` : line.text;
    else out.push(line.headingStyle ? { text: line.text, line: line.line, headingStyle: line.headingStyle } : { text: line.text, line: line.line });
  }
  return out;
}

export function continues(prevText: string, nextText: string): boolean {
  const prev = plain(prevText);
  const next = plain(nextText);
  if (CANNOT_START.test(next) || isBareMark(prev)) return true;
  // A heading alone on its line is whole; one that runs on into body text ("一、……。一是……") is body.
  if (TERMINAL.test(prev) || (headingLevel(prev) !== undefined && !/[。！？!?]/u.test(prev))) return false;
  if (headingLevel(next) !== undefined || POINT_MARK_AT_START.test(next) || OPENS_PARAGRAPH.test(next)) return false;
  return true;
}

import type { TextlintRuleModule } from '@textlint/types';
import { scanParagraphs } from './scan.ts';

/** A pair of marks, and a pattern for any of them: a paragraph is scanned mark to mark. */
interface Pair {
  open: string;
  close: string;
  marks: RegExp;
}

function pair(open: string, close: string): Pair {
  return {
    open,
    close,
    marks: new RegExp(`[${(open + close).replace(/[\\\]^-]/g, '\\$&')}]`, 'g'),
  };
}

// Pairs @textlint-rule/textlint-rule-no-unmatched-pair does not know (it was written for Japanese):
// Chinese curly quotes and book-title marks. They are checked over the whole paragraph, because a
// quotation runs over several sentences. Its rule also only reports an opening mark left open; a
// closing mark with no opening one is reported here, for these and for brackets.
const PAIRS = [pair('“', '”'), pair('‘', '’'), pair('《', '》'), pair('〈', '〉')];
// Brackets: full- and half-width close each other, since texts mix them ("(一）").
const BRACKETS = [pair('（(', '）)'), pair('【', '】'), pair('［[', '］]')];

function unmatched(text: string, { open, marks }: Pair): number[] {
  const stack: number[] = [];
  const stray: number[] = [];
  for (const m of text.matchAll(marks)) {
    if (open.includes(m[0])) stack.push(m.index);
    else if (stack.length > 0) stack.pop();
    else stray.push(m.index);
  }
  return [...stray, ...stack];
}

/** Flags quotes and book-title marks left open or closed without opening, and stray closing brackets. */
const rule: TextlintRuleModule = (context) =>
  scanParagraphs(context, (text) => [
    ...PAIRS.flatMap((p) =>
      unmatched(text, p).map((at) => ({
        start: at,
        end: at + 1,
        message: `「${text[at]}」没有与之配对的「${text[at] === p.open ? p.close : p.open}」`,
      })),
    ),
    ...BRACKETS.flatMap((p) =>
      unmatched(text, p)
        .filter((at) => p.close.includes(text[at]))
        .map((at) => ({
          start: at,
          end: at + 1,
          message: `右括号「${text[at]}」前没有对应的左括号`,
        })),
    ),
  ]);
export default rule;

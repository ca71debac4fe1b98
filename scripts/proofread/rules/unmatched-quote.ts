import type { TextlintRuleModule } from '@textlint/types';
import { scanParagraphs } from './scan.ts';

// Pairs @textlint-rule/textlint-rule-no-unmatched-pair does not know (it was written for Japanese):
// Chinese curly quotes and book-title marks. They are checked over the whole paragraph, because a
// quotation runs over several sentences. Its rule also only reports an opening mark left open; a
// closing mark with no opening one is reported here, for these and for brackets.
const PAIRS: [string, string][] = [
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['〈', '〉'],
];
// Brackets: full- and half-width close each other, since texts mix them ("(一）").
const BRACKETS: [string, string][] = [
  ['（(', '）)'],
  ['【', '】'],
  ['［[', '］]'],
];

/** Matches any mark of a pair, so a paragraph is scanned mark to mark rather than character by character. */
const marksOf = new Map<string, RegExp>();
function marks(open: string, close: string): RegExp {
  const key = open + close;
  let pattern = marksOf.get(key);
  if (!pattern) {
    pattern = new RegExp(`[${key.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
    marksOf.set(key, pattern);
  }
  return pattern;
}

function unmatched(text: string, open: string, close: string): number[] {
  const stack: number[] = [];
  const stray: number[] = [];
  const pattern = marks(open, close);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (open.includes(m[0])) stack.push(m.index);
    else if (stack.length > 0) stack.pop();
    else stray.push(m.index);
  }
  return [...stray, ...stack];
}

/** Flags quotes and book-title marks left open or closed without opening, and stray closing brackets. */
const rule: TextlintRuleModule = (context) =>
  scanParagraphs(context, (text) => [
    ...PAIRS.flatMap(([o, c]) =>
      unmatched(text, o, c).map((at) => ({
        start: at,
        end: at + 1,
        message: `「${text[at]}」没有与之配对的「${text[at] === o ? c : o}」`,
      })),
    ),
    ...BRACKETS.flatMap(([o, c]) =>
      unmatched(text, o, c)
        .filter((at) => c.includes(text[at]))
        .map((at) => ({
          start: at,
          end: at + 1,
          message: `右括号「${text[at]}」前没有对应的左括号`,
        })),
    ),
  ]);
export default rule;

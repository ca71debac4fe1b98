import type { TextlintRuleModule } from '@textlint/types';
import { scanParagraphs } from './scan.ts';

// A Latin word with a lower-case letter (and, the, of, Data): acronyms in capitals (GDP, CPI, APEC,
// 5G) and units after numbers (10km) are how Chinese texts write those terms, not slips.
const WORD = /[A-Za-z]*[a-z][A-Za-z]*/g;
const CHINESE =
  /[\p{Script=Han}\u3000-\u303F\uFF0C\uFF1A\uFF1B\uFF01\uFF1F\u201C\u201D\u2018\u2019]/u;

/** The nearest character on one side that is not a space. */
function neighbour(text: string, at: number, step: 1 | -1): string {
  for (let i = at; i >= 0 && i < text.length; i += step) if (!/\s/.test(text[i])) return text[i];
  return '';
}

/** Flags a Latin word set inside a Chinese sentence ("科研机构 and 高等院校"): a leftover of translation or editing. */
const rule: TextlintRuleModule = (context) =>
  scanParagraphs(context, (text) =>
    [...text.matchAll(WORD)]
      .filter(
        (m) =>
          CHINESE.test(neighbour(text, m.index - 1, -1)) &&
          CHINESE.test(neighbour(text, m.index + m[0].length, 1)),
      )
      .map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        message: `中文句中夹有英文单词“${m[0]}”`,
      })),
  );
export default rule;

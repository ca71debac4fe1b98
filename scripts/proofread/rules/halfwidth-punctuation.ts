import type { TextlintRuleModule } from '@textlint/types';
import { scanParagraphs } from './scan.ts';

const FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '.': '。',
};
// A half-width mark after a Han character, before another Han character or at the paragraph's end.
// Brackets are left out: "(一)" and "（一）" both occur in these texts and read the same. A "."
// only counts between Han characters or at the end, where it closes a sentence: elsewhere it may be
// a decimal or an abbreviation.
const MARK = /(?<=\p{Script=Han})(?:[,;:?!](?=[\s]*[\p{Script=Han}“‘]|$)|\.(?=\p{Script=Han}|$))/gu;

/** Flags half-width , ; : ? ! . in Chinese text, where GB/T 15834 sets the full-width marks. */
const rule: TextlintRuleModule = (context) =>
  scanParagraphs(context, (text) =>
    [...text.matchAll(MARK)].map((m) => ({
      start: m.index,
      end: m.index + 1,
      message: `中文句中用了半角“${m[0]}”，应为全角“${FULL[m[0]]}”`,
    })),
  );
export default rule;

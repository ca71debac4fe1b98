import type { TextlintRuleModule } from '@textlint/types';
import { jieba } from '../../../src/language/jieba.ts';
import { scanParagraphs } from './scan.ts';
import { CN_DIGITS } from '../../../src/core/chinese.ts';

const DOUBLE = /(\p{Script=Han})\1/gu;
// Measure words and verbs doubled after 一 ("一个个", "一次次", "一步步") are a pattern, not a slip.
const AFTER_YI = /一$/u;
// Nouns and measure words doubled to mean "every" (年年 家家 处处), which jieba's dictionary lacks.
const EVERY = new Set([...'年月日天家户代声句条件样点处事时回次村县人个项行队层步']);
// Particles and verbs that follow a word ending in the same character: 目的|的, 实地|地, 求是|是.
const FOLLOWS_WORD = new Set([...'的地得是了着过在和与为']);
const NUMERAL = new RegExp(`[${CN_DIGITS}千万亿]`, 'u');

/**
 * Flags a character typed twice where the two do not make a word: "贴心心" is 贴心 + a stray 心.
 * jieba decides: "人民民主" (人民 | 民主) and "常常" (one word) are fine; a doubled character whose
 * second half jieba can only read as a one-character word glued to a word ending in the same
 * character is a slip. Reduplications (认认真真, 方方面面, 等等) jieba keeps as words; "every" doublings
 * (年年), numerals (十五五), triples (行行行), a particle after a word ending in it (目的的) are no slips.
 */
/** True when jieba's dictionary has the doubled pair as a word of its own (等等, 天天). */
function isWord(pair: string): boolean {
  return jieba.cut(pair, false).length === 1;
}

const rule: TextlintRuleModule = (context) =>
  scanParagraphs(context, (text) => {
    const doubles = [...text.matchAll(DOUBLE)];
    if (doubles.length === 0) return [];
    // Word boundaries: the offsets where jieba's words start.
    const starts = new Set<number>();
    const lengths = new Map<number, number>();
    let at = 0;
    for (const word of jieba.cut(text, true)) {
      starts.add(at);
      lengths.set(at, word.length);
      at += word.length;
    }
    return doubles
      .filter((m) => {
        const second = m.index + m[1].length;
        // The second character is a word of one character by itself, after a word ending in the first
        // ("贴心|心") or after the same character as a word by itself ("的|的").
        const firstAlone = starts.has(m.index) && lengths.get(m.index) === 1;
        const ch = m[1];
        if (
          !starts.has(second) ||
          lengths.get(second) !== 1 ||
          (starts.has(m.index) && !firstAlone)
        )
          return false;
        if (
          AFTER_YI.test(text.slice(0, m.index)) ||
          EVERY.has(ch) ||
          NUMERAL.test(ch) ||
          text.startsWith(ch, m.index + m[0].length) ||
          isWord(m[0])
        )
          return false;
        return firstAlone || !FOLLOWS_WORD.has(ch);
      })
      .map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        message: `“${m[0]}”疑似多打了一个“${m[1]}”`,
      }));
  });
export default rule;

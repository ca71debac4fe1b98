import type { TextlintRuleModule } from '@textlint/types';
import * as T2CN from 'opencc-js/t2cn';
import * as CN2T from 'opencc-js/cn2t';

const toSimplified = T2CN.Converter({ from: 't', to: 'cn' });
const toTraditional = CN2T.Converter({ from: 'cn', to: 't' });
const HAN = /\p{Script=Han}/gu;
// Simplified characters that are also everyday traditional ones in their own right (若干, 里程, 皇后, 只有).
const ALSO_TRADITIONAL = new Set([
  ...'干里后面发只台余松表历斗才范谷云冲卷折准致适舍朴向出合丑叶凶须胡',
]);
/** Each character's simplified form, converted one character at a time and remembered across articles. */
const simplifiedOf = new Map<string, string>();
function simplified(ch: string): string {
  let s = simplifiedOf.get(ch);
  if (s === undefined) {
    s = toSimplified(ch);
    // One simplified form for several traditional characters (系 for 係 and 繫, 里 for 裏, 周 for 週):
    // the simplified one is a traditional character of its own, so writing both is no mix. Only a
    // pair that converts back and forth one to one (國 ⇄ 国, 擔 ⇄ 担) counts.
    if (s !== ch && (toTraditional(s) !== ch || ALSO_TRADITIONAL.has(s))) s = ch;
    simplifiedOf.set(ch, s);
  }
  return s;
}

/**
 * Flags an article that writes one character both ways, traditional and simplified (國 and 国,
 * 這 and 这): a text retyped in part, or a passage pasted from another copy. Judging by pairs
 * rather than by script keeps apart what is not a mix: a 1950s traditional text set with the
 * old variants 强 够 决 (valid traditional forms that also became the simplified ones), or a
 * simplified text writing 著名 or 乾坤. The rarer form of each pair is flagged where it first occurs.
 */
const rule: TextlintRuleModule = (context) => {
  const { Syntax, RuleError, report, getSource, locator } = context;
  const first = new Map<string, { node: Parameters<typeof report>[0]; at: number }>();
  const count = new Map<string, number>();
  return {
    [Syntax.Paragraph](node) {
      const text = getSource(node);
      for (const m of text.matchAll(HAN)) {
        count.set(m[0], (count.get(m[0]) ?? 0) + 1);
        if (!first.has(m[0])) first.set(m[0], { node, at: m.index });
      }
    },
    [`${Syntax.Document}:exit`]() {
      // One finding per paragraph, at the first rare form in it: a traditional heading in a simplified
      // report is one slip, not five.
      const byParagraph = new Map<Parameters<typeof report>[0], { at: number; pairs: string[] }>();
      for (const trad of first.keys()) {
        const simp = simplified(trad);
        if (simp === trad || [...simp].length !== 1 || !first.has(simp)) continue;
        const times = (c: string) => count.get(c) ?? 0;
        const [rare, common] = times(trad) <= times(simp) ? [trad, simp] : [simp, trad];
        const where = first.get(rare);
        // Both forms were counted with their first place (first.has(simp) above).
        if (!where) continue;
        const entry = byParagraph.get(where.node) ?? { at: where.at, pairs: [] };
        entry.at = Math.min(entry.at, where.at);
        entry.pairs.push(
          `“${rare}”（${count.get(rare)} 处，另有 ${count.get(common)} 处作“${common}”）`,
        );
        byParagraph.set(where.node, entry);
      }
      for (const [node, { at, pairs }] of byParagraph) {
        report(
          node,
          new RuleError(`同一篇中繁简两写：${pairs.join('、')}`, {
            padding: locator.range([at, at + 1]),
          }),
        );
      }
    },
  };
};
export default rule;

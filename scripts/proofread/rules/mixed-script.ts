import type { TextlintRuleModule } from '@textlint/types';
import * as T2CN from 'opencc-js/t2cn';
import * as CN2T from 'opencc-js/cn2t';

const toSimplified = T2CN.Converter({ from: 't', to: 'cn' });
const toTraditional = CN2T.Converter({ from: 'cn', to: 't' });
const HAN = /\p{Script=Han}/u;
/** Whether each BMP code unit is a Han character: 0 not yet known, 1 Han, 2 not. */
const hanUnit = new Uint8Array(0x10000);
const hanAstral = new Map<string, boolean>();

/** Calls `each` with every Han character of `text` (a whole code point) and its offset, in order. */
function forEachHan(text: string, each: (ch: string, at: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const ch = text.slice(i, i + 2);
      let han = hanAstral.get(ch);
      if (han === undefined) hanAstral.set(ch, (han = HAN.test(ch)));
      if (han) each(ch, i);
      i++;
      continue;
    }
    let known = hanUnit[unit];
    if (known === 0) hanUnit[unit] = known = HAN.test(text[i]) ? 1 : 2;
    if (known === 1) each(text[i], i);
  }
}
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
  // Each Han character's count and first place, in the order first seen: one lookup per character.
  const seen = new Map<string, { node: Parameters<typeof report>[0]; at: number; count: number }>();
  return {
    [Syntax.Paragraph](node) {
      const text = getSource(node);
      forEachHan(text, (ch, at) => {
        const entry = seen.get(ch);
        if (entry) entry.count++;
        else seen.set(ch, { node, at, count: 1 });
      });
    },
    [`${Syntax.Document}:exit`]() {
      // One finding per paragraph, at the first rare form in it: a traditional heading in a simplified
      // report is one slip, not five.
      const byParagraph = new Map<Parameters<typeof report>[0], { at: number; pairs: string[] }>();
      for (const [trad, tradSeen] of seen) {
        const simp = simplified(trad);
        const simpSeen = simp === trad || [...simp].length !== 1 ? undefined : seen.get(simp);
        if (!simpSeen) continue;
        const [rare, common] =
          tradSeen.count <= simpSeen.count ? [tradSeen, simpSeen] : [simpSeen, tradSeen];
        const [rareForm, commonForm] = rare === tradSeen ? [trad, simp] : [simp, trad];
        const entry = byParagraph.get(rare.node) ?? { at: rare.at, pairs: [] };
        entry.at = Math.min(entry.at, rare.at);
        entry.pairs.push(
          `“${rareForm}”（${rare.count} 处，另有 ${common.count} 处作“${commonForm}”）`,
        );
        byParagraph.set(rare.node, entry);
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

import type { TextlintRuleModule } from '@textlint/types';
import { CN_NUMERAL, TERMINAL, visible } from '../../../src/core/chinese.ts';

// A section number left at the very end: "…作出批示和安排。(一)", "……。三、", "……。2."
const STRAY_NUMBER = new RegExp(
  `(?:[(（](?:${CN_NUMERAL}|[0-9])+[)）]|${CN_NUMERAL}+、|[0-9]{1,2}[.．、]|[①-⑳]|第${CN_NUMERAL}+[章节条部分]+)$`,
  'u',
);

/**
 * Flags an article that looks cut short: its last paragraph ends with a stray section number (the
 * next section's mark, whose text is missing), or stops mid-sentence. Looks only at the last
 * paragraph of the text given to textlint (notes are already set apart).
 */
const rule: TextlintRuleModule = (context) => {
  const { Syntax, RuleError, report, getSource, locator } = context;
  let last: Parameters<typeof report>[0] | undefined;
  return {
    [Syntax.Paragraph](node) {
      last = node;
    },
    [`${Syntax.Document}:exit`]() {
      if (!last) return;
      const text = visible(getSource(last)).trimEnd();
      // A last paragraph of nothing visible (a zero-width character alone) ends nothing.
      if (text === '') return;
      const stray = STRAY_NUMBER.exec(text);
      if (stray) {
        report(
          last,
          new RuleError(`文章结尾是孤立的序号“${stray[0]}”，其后的内容可能缺失`, {
            padding: locator.range([stray.index, text.length]),
          }),
        );
      } else if (!TERMINAL.test(text)) {
        const from = text.length - ([...text].at(-1)?.length ?? 0);
        report(
          last,
          new RuleError('文章在句子中间结束，可能不完整', {
            padding: locator.range([from, text.length]),
          }),
        );
      }
    },
  };
};
export default rule;

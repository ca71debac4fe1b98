import type { TextlintRuleContext, TextlintRuleReportHandler } from '@textlint/types';

/**
 * A textlint rule body that looks at each paragraph's text and reports what `find` returns: the
 * start and end offsets of each flagged piece and the message for it.
 */
export function scanParagraphs(
  context: TextlintRuleContext,
  find: (text: string) => { start: number; end: number; message: string }[],
): TextlintRuleReportHandler {
  const { Syntax, RuleError, report, getSource, locator } = context;
  return {
    [Syntax.Paragraph](node) {
      const text = getSource(node);
      for (const hit of find(text))
        report(node, new RuleError(hit.message, { padding: locator.range([hit.start, hit.end]) }));
    },
  };
}

// The rule ships no types; it is a textlint rule module like the others.
declare module '@textlint-rule/textlint-rule-no-unmatched-pair' {
  const rule: import('@textlint/types').TextlintRuleModule;
  export default rule;
}

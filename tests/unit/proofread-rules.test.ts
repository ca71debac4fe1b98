import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTLINT_RULES, lintParagraphs } from '../../scripts/proofread/lint.ts';
import { FIXTURES } from '../helpers/paths.ts';

/** Each textlint rule alone, on its constructed fixture (its paragraphs as written) and on the clean one. */
const paragraphs = (name: string) =>
  fs
    .readFileSync(path.join(FIXTURES, 'proofread', name), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\n/g, ''))
    .filter(Boolean);
const fixtureOf: Record<string, string> = {
  'no-unmatched-pair': 'unmatched-pair.txt',
  'unmatched-quote': 'unmatched-pair.txt',
  'latin-in-chinese': 'latin-in-chinese.txt',
  'halfwidth-punctuation': 'halfwidth-punctuation.txt',
  'doubled-character': 'doubled-character.txt',
  'mixed-script': 'mixed-script.txt',
  'truncated-ending': 'truncated.txt',
};

describe('textlint rules, one at a time', () => {
  it.each(TEXTLINT_RULES.map((r) => [r.ruleId, r] as const))(
    '%s flags its fixture and nothing in clean.txt',
    async (ruleId, rule) => {
      const hits = await lintParagraphs(paragraphs(fixtureOf[ruleId]), [rule]);
      expect(hits.length, ruleId).toBeGreaterThan(0);
      expect(hits.every((h) => h.kind === rule.kind)).toBe(true);
      expect(await lintParagraphs(paragraphs('clean.txt'), [rule])).toEqual([]);
    },
  );

  it('no-unmatched-pair and unmatched-quote split the work: brackets left open, quotes and stray closers', async () => {
    const [pair, quote] = ['no-unmatched-pair', 'unmatched-quote'].map((id) =>
      TEXTLINT_RULES.find((r) => r.ruleId === id)!,
    );
    const text = ['文件（草案。', '他说：“好。', '多出的）括号。'];
    expect(
      (await lintParagraphs(text, [pair])).map((h) => [h.paragraph, text[h.paragraph][h.start]]),
    ).toEqual([[0, '（']]);
    expect(
      (await lintParagraphs(text, [quote])).map((h) => [h.paragraph, text[h.paragraph][h.start]]),
    ).toEqual([
      [1, '“'],
      [2, '）'],
    ]);
  });

  it('every rule takes a paragraph of nothing visible (a zero-width joiner alone) without failing or flagging it', async () => {
    for (const rule of TEXTLINT_RULES)
      expect(await lintParagraphs(['正文如下。', '\u200D'], [rule]), rule.ruleId).toEqual([]);
  });
});

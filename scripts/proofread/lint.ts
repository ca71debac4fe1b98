import { TextlintKernel } from '@textlint/kernel';
import type { TextlintKernelRule } from '@textlint/kernel';
import textPlugin from '@textlint/textlint-plugin-text';
import noUnmatchedPair from '@textlint-rule/textlint-rule-no-unmatched-pair';
import latinInChinese from './rules/latin-in-chinese.ts';
import halfwidthPunctuation from './rules/halfwidth-punctuation.ts';
import unmatchedQuote from './rules/unmatched-quote.ts';
import doubledCharacter from './rules/doubled-character.ts';
import mixedScript from './rules/mixed-script.ts';
import truncatedEnding from './rules/truncated-ending.ts';
import type { FindingKind } from '../../src/core/proofreading.ts';

/** The textlint rules the report runs, passed as objects (no configuration file is looked up), and the kind each reports. */
export const TEXTLINT_RULES: (TextlintKernelRule & { kind: FindingKind })[] = [
  { ruleId: 'no-unmatched-pair', rule: noUnmatchedPair, kind: 'unmatched-pair' },
  { ruleId: 'unmatched-quote', rule: unmatchedQuote, kind: 'unmatched-pair' },
  { ruleId: 'latin-in-chinese', rule: latinInChinese, kind: 'latin-in-chinese' },
  { ruleId: 'halfwidth-punctuation', rule: halfwidthPunctuation, kind: 'halfwidth-punctuation' },
  { ruleId: 'doubled-character', rule: doubledCharacter, kind: 'doubled-character' },
  { ruleId: 'mixed-script', rule: mixedScript, kind: 'mixed-script' },
  { ruleId: 'truncated-ending', rule: truncatedEnding, kind: 'truncated' },
];
const KIND = new Map(TEXTLINT_RULES.map((r) => [r.ruleId, r.kind]));

const kernel = new TextlintKernel();
// The plugin is CommonJS compiled from ES modules: under Node's ESM import its exports sit on .default.
const plugins = [
  {
    pluginId: 'text',
    plugin: (textPlugin as unknown as { default?: typeof textPlugin }).default ?? textPlugin,
  },
];

export interface TextHit {
  kind: FindingKind;
  /** Which paragraph of the input, and the flagged range in it. */
  paragraph: number;
  start: number;
  end: number;
  message: string;
}

/**
 * Runs the textlint rules over an article given as its paragraphs (headings included, one per
 * entry). Each is linted as a paragraph of a plain-text document; hits come back per paragraph.
 */
export async function lintParagraphs(
  paragraphs: string[],
  rules = TEXTLINT_RULES,
): Promise<TextHit[]> {
  const pairRules = rules.filter((r) => r.ruleId === 'no-unmatched-pair');
  const others = rules.filter((r) => r.ruleId !== 'no-unmatched-pair');
  // no-unmatched-pair splits every paragraph into sentences, which costs most of the report's time;
  // it runs only on paragraphs whose brackets do not even add up. A paragraph where they do has
  // every bracket closed somewhere in it, and a bracket closed after a 。 is no slip in Chinese.
  const suspect = paragraphs.flatMap((p, i) =>
    pairRules.length > 0 && !bracketsAddUp(p) ? [i] : [],
  );
  const hits = await lintDocument(paragraphs, others);
  if (suspect.length > 0) {
    for (const hit of await lintDocument(
      suspect.map((i) => paragraphs[i]),
      pairRules,
    ))
      hits.push({ ...hit, paragraph: suspect[hit.paragraph] });
  }
  return hits;
}

// The pairs no-unmatched-pair checks (its PAIR_MARKS), other than the ASCII double quote.
const BRACKET_PAIRS = [
  '[]',
  '()',
  '{}',
  '「」',
  '（）',
  '『』',
  '｛｝',
  '［］',
  '〚〛',
  '【】',
  '«»',
  '‹›',
];

function bracketsAddUp(text: string): boolean {
  if (!BRACKET_PAIRS.some(([o]) => text.includes(o)) && !text.includes('"')) return true;
  const count = (ch: string) => text.split(ch).length - 1;
  return BRACKET_PAIRS.every(([o, c]) => count(o) === count(c)) && count('"') % 2 === 0;
}

async function lintDocument(
  paragraphs: string[],
  rules: typeof TEXTLINT_RULES,
): Promise<TextHit[]> {
  if (rules.length === 0 || paragraphs.length === 0) return [];
  // A paragraph holds no line break (mend joined them); any left would split textlint's paragraph.
  const texts = paragraphs.map((p) => p.replace(/\n/g, ' '));
  const text = texts.join('\n\n');
  const offsets: number[] = [];
  let at = 0;
  for (const p of texts) {
    offsets.push(at);
    at += p.length + 2;
  }
  const result = await kernel.lintText(text, {
    ext: '.txt',
    filePath: 'article.txt',
    plugins,
    rules: rules.map(({ ruleId, rule }) => ({ ruleId, rule })),
  });
  return result.messages.map((m) => {
    const [start, end] = m.range ?? [m.index, m.index + 1];
    let paragraph = offsets.length - 1;
    while (paragraph > 0 && offsets[paragraph] > start) paragraph--;
    const base = offsets[paragraph];
    // no-unmatched-pair reports the character after the open mark it names: point at the mark itself.
    const open =
      m.ruleId === 'no-unmatched-pair'
        ? /pairing character for (.)/.exec(m.message)?.[1]
        : undefined;
    const at = open && text[start] !== open && text[start - 1] === open ? start - 1 : start;
    return {
      // Every rule textlint runs is one of TEXTLINT_RULES, each with its kind.
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion
      kind: KIND.get(m.ruleId)!,
      paragraph,
      start: at - base,
      end: (at === start ? Math.max(end, at + 1) : at + 1) - base,
      message: ruleMessage(m.ruleId, m.message),
    };
  });
}

/** no-unmatched-pair speaks English; the report speaks to Chinese editors. */
function ruleMessage(ruleId: string, message: string): string {
  if (ruleId !== 'no-unmatched-pair') return message;
  const open = /pairing character for (.)/.exec(message)?.[1];
  return open ? `「${open}」没有与之配对的右括号` : message;
}

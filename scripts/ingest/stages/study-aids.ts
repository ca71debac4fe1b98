import type { BlockContent, List, Paragraph, RootContent } from 'mdast';
import { AnchorCounter } from '../../../src/core/anchors.ts';
import type { ArticleEdits, Editorial } from './editorial.ts';
import { SourceError } from './source-error.ts';
import type { Block } from './structure.ts';

/** An MDX component in the article body (mdast-util-mdx-jsx's flow element, string attributes only). */
export interface StudyAidElement {
  type: 'mdxJsxFlowElement';
  name: string;
  attributes: { type: 'mdxJsxAttribute'; name: string; value: string }[];
  children: (BlockContent | StudyAidElement)[];
}

const paragraph = (value: string): Paragraph => ({
  type: 'paragraph',
  children: [{ type: 'text', value }],
});
const list = (items: string[], ordered: boolean): List => ({
  type: 'list',
  ordered,
  // What a parser reads back from "1." — the serialiser's round trip compares the trees.
  start: ordered ? 1 : null,
  spread: false,
  children: items.map((value) => ({
    type: 'listItem',
    spread: false,
    children: [paragraph(value)],
  })),
});

/** An editor's text with paragraphs separated by blank lines; a single line break inside one is dropped. */
function paragraphs(text: string): Paragraph[] {
  return text.split(/\n\s*\n/).map((p) => paragraph(p.replace(/\s*\n\s*/g, '')));
}

function element(
  name: string,
  children: StudyAidElement['children'],
  attributes: Record<string, string | undefined> = {},
): StudyAidElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
    children,
  };
}

/**
 * The section anchor (s2, s2-1; '' before the first heading) of the paragraph holding a sentence,
 * counted as rehype-section-anchors counts the rendered headings, or undefined when no paragraph
 * holds it.
 */
export function sectionOfSentence(blocks: readonly Block[], sentence: string): string | undefined {
  const anchors = new AnchorCounter();
  for (const block of blocks) {
    if (block.type === 'heading') anchors.heading(block.depth);
    else if (block.text.includes(sentence)) return anchors.current;
  }
  return undefined;
}

/**
 * The study aids as MDX components (the editor's, from the source's .yaml, and a 【编者按】 the source printed): 编者注, 编者按 and 学习要点 go before the text, 金句 and 思考题
 * after it. Each 金句 must be a sentence of the text as ingest made it; one that is not (the source
 * changed, or a typing slip) is an error at its line in the editorial file.
 */
export function studyAidNodes(
  edits: ArticleEdits | undefined,
  sourceNote: string | undefined,
  blocks: readonly Block[],
  editorial: Editorial | undefined,
  at: number | undefined,
): { before: RootContent[]; after: RootContent[] } {
  const example = edits?.example ? '示例' : undefined;
  const before: StudyAidElement[] = [];
  const after: StudyAidElement[] = [];
  // 编者注 first: what readers must know about the text before anything else is said of it.
  if (edits?.notice) before.push(element('Notice', paragraphs(edits.notice), { example }));
  if (edits?.editorsNote) {
    before.push(element('EditorsNote', paragraphs(edits.editorsNote), { example }));
  } else if (sourceNote) {
    // Printed with the article (【编者按】): the journal's own, never an example.
    before.push(element('EditorsNote', [paragraph(sourceNote)]));
  }
  if (!edits || !editorial || at === undefined)
    return { before: before as unknown as RootContent[], after: [] };
  if (edits.keyPoints?.length)
    before.push(element('KeyPoints', [list(edits.keyPoints, false)], { example }));
  if (edits.quotes?.length) {
    const quotes = edits.quotes.map((quote, i) => {
      const section = sectionOfSentence(blocks, quote);
      if (section === undefined) {
        throw new SourceError(
          editorial.file,
          `金句不在正文中（原文改过，或有错字）/ quote is not in the text: “${quote.slice(0, 30)}”`,
          editorial.lineOf(['articles', at, 'quotes', i]),
        );
      }
      return element('KeyQuote', [paragraph(quote)], { section: section || undefined });
    });
    after.push(element('KeyQuotes', quotes, { example }));
  }
  if (edits.questions?.length)
    after.push(element('StudyQuestions', [list(edits.questions, true)], { example }));
  // Elements of mdast-util-mdx-jsx: the tree's own types do not list them without that package's augmentation.
  return { before: before as unknown as RootContent[], after: after as unknown as RootContent[] };
}

import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blocksToMdast, serialiseArticleBody } from '../../scripts/ingest/stages/emit.ts';
import { markdownBlocks } from '../../src/core/markdown-blocks.ts';
import { HOSTILE_TOKENS } from '../helpers/hostile-text.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

// MDX without GFM, as the site renders articles.
const parser = unified().use(remarkParse).use(remarkMdx);
/** What the Markdown renderer sees of the text: top-level headings and paragraphs, study aids (JSX) left out. */
function remarkBlocks(body: string) {
  return parser
    .parse(body)
    .children.filter((node) => node.type !== 'mdxJsxFlowElement')
    .map((node) =>
      node.type === 'heading'
        ? { type: 'heading', depth: node.depth, text: toString(node) }
        : { type: node.type, text: toString(node) },
    );
}

describe('markdownBlocks reads generated MDX as remark-mdx does', () => {
  it.each(shippedArticles().map((a) => [a.id, a.body] as const))('%s', (_id, body) => {
    expect(markdownBlocks(body)).toEqual(remarkBlocks(body));
  });

  it('on text full of Markdown, MDX and HTML syntax, as ingest writes it', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(...HOSTILE_TOKENS),
          fc.constantFrom(...'政协委员，。（一）一、“”'),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((parts) => parts.join('').trim().replace(/\s+/g, ' '))
      .filter((t) => t !== '');
    const block = fc.oneof(
      text.map((t) => ({ type: 'paragraph' as const, text: t, line: 1 })),
      fc
        .tuple(fc.constantFrom(2 as const, 3 as const), text)
        .map(([depth, t]) => ({ type: 'heading' as const, depth, text: t, line: 1 })),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        let markdown: string;
        try {
          markdown = serialiseArticleBody(blocksToMdast(blocks), 'test.txt');
        } catch {
          return fc.pre(false); // ingest refuses this text itself; nothing to read
        }
        expect(markdownBlocks(markdown)).toEqual(remarkBlocks(markdown));
      }),
      { numRuns: 400 },
    );
  });
});

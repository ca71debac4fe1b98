import { createComponent, render, renderSlot } from 'astro/runtime/server/index.js';
import fc from 'fast-check';
import type { List, Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { afterEach, describe, expect, it } from 'vitest';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  blocksToMdast,
  isInertBlockText,
  serialiseArticleBody,
  STUDY_AID_COMPONENTS,
} from '../../scripts/ingest/stages/emit.ts';
import { HOSTILE_TOKENS, visibleText } from '../helpers/hostile-text.ts';
import { elementsOf, renderMdx, renderMdxHtml, textOf } from '../helpers/render-mdx.ts';

declare global {
  var __pwned: unknown;
}

/**
 * Stand-ins for the study-aid components with the contract's shape: an <aside> around whatever the
 * body puts inside. They show what MDX hands a component: the text, already rendered.
 */
const components = Object.fromEntries(
  STUDY_AID_COMPONENTS.map((name) => [
    name,
    createComponent(
      (result: unknown, _props: unknown, slots: Record<string, unknown>) =>
        render`<aside data-study-aid="${name}">${renderSlot(result as never, slots.default as never)}</aside>`,
    ),
  ]),
);

const paragraph = (value: string): Paragraph => ({
  type: 'paragraph',
  children: [{ type: 'text', value }],
});
const aid = (
  name: string,
  children: MdxJsxFlowElement['children'],
  attributes: MdxJsxFlowElement['attributes'] = [],
): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes,
  children,
});
const list = (items: string[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((t) => ({ type: 'listItem', spread: false, children: [paragraph(t)] })),
});
const at = (line: number, node: RootContent): RootContent => ({
  ...node,
  position: { start: { line, column: 1 }, end: { line, column: 1 } },
});

/** Every text a tree holds, in order, as a reader must see it (white space aside). */
function textsOf(node: Root | RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(textsOf).join('') : '';
}

afterEach(() => {
  delete globalThis.__pwned;
});

describe('serialiseArticleBody: MDX that shows its text and runs nothing', () => {
  it('writes hostile text in headings and paragraphs so it parses back to the same tree', () => {
    const tree = blocksToMdast(
      HOSTILE_TOKENS.map(
        (t, i) =>
          ({
            type: i % 5 === 0 ? 'heading' : 'paragraph',
            depth: 2,
            text: `${t}政协${t}`,
            line: i + 1,
          }) as never,
      ),
    );
    const mdx = serialiseArticleBody(tree, 'hostile.txt');
    expect(mdx).not.toMatch(/^(import|export)\b/m);
    expect(mdx).toContain('\\{');
    expect(mdx).toContain('\\<');
  });

  it('round-trips study-aid components holding hostile text, and renders that text literally', async () => {
    const hostile = (i: number) =>
      `${HOSTILE_TOKENS[i % HOSTILE_TOKENS.length]}协商民主${HOSTILE_TOKENS[(i * 7 + 3) % HOSTILE_TOKENS.length]}`;
    const tree: Root = {
      type: 'root',
      children: [
        aid('EditorsNote', [
          paragraph(`编者按：${hostile(1)}`),
          paragraph(
            `</EditorsNote>{globalThis.__pwned = 1}<script>globalThis.__pwned = 1</script>`,
          ),
        ]),
        aid('KeyPoints', [list(HOSTILE_TOKENS.slice(0, 12).map((t, i) => `${t}要点${i}`))]),
        at(3, {
          type: 'heading',
          depth: 2,
          children: [{ type: 'text', value: '一、export const a = 1' }],
        }),
        at(4, paragraph('import x from "node:fs"')),
        aid(
          'KeyQuotes',
          [paragraph('<KeyQuotes>金句 {…} </KeyQuotes>')],
          [{ type: 'mdxJsxAttribute', name: 'source', value: '第"2"段 {x} <y>' }],
        ),
        aid('StudyQuestions', [
          {
            ...list(HOSTILE_TOKENS.slice(12, 30).map((t, i) => `${t}问题${i}？`)),
            ordered: true,
            start: 1,
          },
        ]),
      ],
    };
    const mdx = serialiseArticleBody(tree, '样例.txt');
    const html = await renderMdxHtml(mdx, components);
    const rendered = await renderMdx(mdx, components);
    expect(globalThis.__pwned).toBeUndefined();
    expect(visibleText(textOf(rendered))).toBe(visibleText(textsOf(tree)));
    // Each component appears once, in order, and its text is inside it.
    const asides = elementsOf(rendered).filter((e) => e.tagName === 'aside');
    expect(asides.map((a) => a.properties.dataStudyAid)).toEqual([
      'EditorsNote',
      'KeyPoints',
      'KeyQuotes',
      'StudyQuestions',
    ]);
    expect(visibleText(textOf(asides[3]))).toBe(visibleText(textsOf(tree.children[5])));
    const tags = new Set(elementsOf(rendered).map((e) => e.tagName));
    for (const tag of tags)
      expect(['aside', 'p', 'h2', 'ul', 'ol', 'li', 'span', 'a']).toContain(tag);
    expect(html).not.toContain('<script');
  });

  it('round-trips random hostile text inside any study aid', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(...HOSTILE_TOKENS),
          fc.constantFrom(...'政协委员，。（一）一、“”'),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((p) => p.join('').trim().replace(/\s+/g, ' '))
      .filter((t) => t !== '');
    const node = fc.oneof(
      fc
        .tuple(
          fc.constantFrom(...STUDY_AID_COMPONENTS),
          fc.array(text, { minLength: 1, maxLength: 3 }),
        )
        .map(([name, ts]) => aid(name, [paragraph(ts.join(''))])),
      fc
        .tuple(
          fc.constantFrom(...STUDY_AID_COMPONENTS),
          fc.array(text, { minLength: 1, maxLength: 4 }),
        )
        .map(([name, ts]) => aid(name, [list(ts)])),
      text.map(paragraph),
    );
    let written = 0;
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 4 }), (children) => {
        try {
          serialiseArticleBody({ type: 'root', children }, 'random.txt');
          written++;
        } catch (error) {
          // The only refusal allowed is the round trip itself (text MDX cannot hold as written).
          expect((error as Error).message).toMatch(/^random\.txt: MDX 往返校验失败/);
        }
      }),
      { numRuns: 300 },
    );
    expect(written).toBeGreaterThan(250);
  });

  it.each([
    ['ESM', { type: 'mdxjsEsm', value: 'import fs from "node:fs"' }, /MDX 代码（mdxjsEsm）/],
    [
      'a block expression',
      { type: 'mdxFlowExpression', value: 'globalThis.__pwned = 1' },
      /mdxFlowExpression/,
    ],
    [
      'an inline expression',
      { type: 'paragraph', children: [{ type: 'mdxTextExpression', value: 'x' }] },
      /mdxTextExpression/,
    ],
    ['a component outside the list', aid('Script', [paragraph('x')]), /<Script> 不在允许之列/],
    [
      'an inline component',
      {
        type: 'paragraph',
        children: [{ type: 'mdxJsxTextElement', name: 'KeyPoints', attributes: [], children: [] }],
      },
      /<KeyPoints> 不在允许之列/,
    ],
    ['a fragment', aid(null as never, [paragraph('x')]), /<> 不在允许之列/],
    [
      'an expression attribute',
      aid(
        'KeyQuotes',
        [paragraph('x')],
        [{ type: 'mdxJsxExpressionAttribute', value: '...props' }],
      ),
      /属性只能是字符串/,
    ],
    [
      'an attribute with an expression value',
      aid(
        'KeyQuotes',
        [paragraph('x')],
        [
          {
            type: 'mdxJsxAttribute',
            name: 'a',
            value: { type: 'mdxJsxAttributeValueExpression', value: '1' },
          },
        ],
      ),
      /属性只能是字符串/,
    ],
  ])('refuses %s, naming the file and the source line', (_what, node, reason) => {
    const tree: Root = {
      type: 'root',
      children: [at(7, paragraph('前文')), at(12, node as RootContent)],
    };
    expect(() => serialiseArticleBody(tree, '材料/某期.txt')).toThrow(
      /^材料\/某期\.txt: 第 12 行：/,
    );
    expect(() => serialiseArticleBody(tree, '材料/某期.txt')).toThrow(reason);
  });

  it('takes as plain only text that MDX reads back as written, in a paragraph or a heading', () => {
    // What emit's round trip parses with: MDX without GFM, as the site reads articles.
    const parser = unified().use(remarkParse).use(remarkMdx);
    const ascii = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i));
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(...HOSTILE_TOKENS),
          fc.constantFrom(...ascii),
          fc.constantFrom(...'政协委员，。（一）一、“”　１．\u200b\u00a0\t\n', '2024年', '5.2%'),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((p) => p.join(''));
    let plain = 0;
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 6 }), (value, depth) => {
        if (!isInertBlockText(value)) return;
        plain++;
        const [asParagraph] = parser.parse(value).children;
        expect(asParagraph).toMatchObject({
          type: 'paragraph',
          children: [{ type: 'text', value }],
        });
        expect(asParagraph.type === 'paragraph' && asParagraph.children).toHaveLength(1);
        const [asHeading] = parser.parse(`${'#'.repeat(depth)} ${value}`).children;
        expect(asHeading).toMatchObject({
          type: 'heading',
          depth,
          children: [{ type: 'text', value }],
        });
        expect(asHeading.type === 'heading' && asHeading.children).toHaveLength(1);
      }),
      { numRuns: 3000 },
    );
    // The generator makes plain Chinese text often enough for the claim to be tried.
    expect(plain).toBeGreaterThan(50);
  });

  it('refuses a tree that would not come back as written, naming the line', () => {
    // Raw HTML in mdast is written as is, and MDX would read it back as a JSX element.
    const tree: Root = {
      type: 'root',
      children: [
        at(3, paragraph('前文')),
        at(9, { type: 'paragraph', children: [{ type: 'html', value: '<b>粗</b>' }] }),
      ],
    };
    expect(() => serialiseArticleBody(tree, 'x.txt')).toThrow(
      /^x\.txt: MDX 往返校验失败，拒绝写出 .*第 9 行/,
    );
  });

  it('the test renderer does run code a body carries, so the checks above can fail', async () => {
    await renderMdxHtml('{globalThis.__pwned = 1}\n');
    expect(globalThis.__pwned).toBe(1);
  });
});

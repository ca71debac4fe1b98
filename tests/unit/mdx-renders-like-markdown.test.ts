import { createComponent, render, renderSlot } from 'astro/runtime/server/index.js';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  blocksToMdast,
  INLINE_COMPONENTS,
  serialiseArticleBody,
  STUDY_AID_COMPONENTS,
} from '../../scripts/ingest/stages/emit.ts';
import { markdownBodyHtml, withoutStudyAids } from '../helpers/body-html.ts';
import { HOSTILE_TOKENS } from '../helpers/hostile-text.ts';
import { renderMdxHtml } from '../helpers/render-mdx.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

const hostileBody = serialiseArticleBody(
  blocksToMdast(
    HOSTILE_TOKENS.map(
      (t, i) =>
        ({
          ...(i % 9 === 0 ? { type: 'heading', depth: 2 } : { type: 'paragraph' }),
          text: `一是${t}坚持和发展全过程人民民主"引号"'单'&`,
          line: i + 1,
        }) as never,
    ),
  ),
  'hostile.txt',
);

describe('an article body renders as MDX exactly as it rendered as .md (same processor and plugins)', () => {
  it.each(shippedArticles().map((a) => [a.id, a.body] as const))(
    'shipped article %s: byte-identical body HTML',
    async (_id, body) => {
      expect(withoutStudyAids(await renderMdxHtml(body, studyAidStandIns))).toBe(
        await markdownBodyHtml(body),
      );
    },
  );

  it('a body of every hostile token: byte-identical body HTML', async () => {
    const mdx = await renderMdxHtml(hostileBody);
    expect(mdx).toBe(await markdownBodyHtml(hostileBody));
    expect(mdx).toContain('&#x3C;script>'); // shown, not run
  });

  it('with study aids before and after the text, the text between renders the same', async () => {
    const article = shippedArticles().find((a) => a.data.source.includes('2024'))!;
    const tree = serialiseArticleBody(
      {
        type: 'root',
        children: [
          {
            type: 'mdxJsxFlowElement',
            name: 'EditorsNote',
            attributes: [],
            children: [
              { type: 'paragraph', children: [{ type: 'text', value: '编者按 <b>{x}</b>' }] },
            ],
          },
          ...unified().use(remarkParse).use(remarkMdx).parse(article.body).children,
          {
            type: 'mdxJsxFlowElement',
            name: 'StudyQuestions',
            attributes: [],
            children: [
              {
                type: 'list',
                children: [
                  {
                    type: 'listItem',
                    children: [
                      { type: 'paragraph', children: [{ type: 'text', value: '问题？' }] },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      'x.txt',
    );
    const html = await renderMdxHtml(tree, studyAidStandIns);
    expect(html).toMatch(/^<aside data-study-aid="EditorsNote">/);
    expect(withoutStudyAids(html)).toBe(await markdownBodyHtml(tree));
  });
});

/**
 * Stand-ins with the rendered shape the contract gives study aids: <aside data-study-aid=…>; the
 * aids that sit inside another (a KeyQuote in KeyQuotes, an ErratumNote in Errata) are list items,
 * as on the page; an erratum mark in the text is its corrected words alone.
 */
const studyAidStandIns = Object.fromEntries(
  [...STUDY_AID_COMPONENTS, ...INLINE_COMPONENTS].map((name) => [
    name,
    createComponent((result: unknown, _props: unknown, slots: Record<string, unknown>) =>
      name === 'KeyQuote' || name === 'ErratumNote'
        ? render`<li>${renderSlot(result as never, slots.default as never)}</li>`
        : name === 'Erratum'
          ? render`${renderSlot(result as never, slots.default as never)}`
          : render`<aside data-study-aid="${name}">${renderSlot(result as never, slots.default as never)}</aside>`,
    ),
  ]),
);

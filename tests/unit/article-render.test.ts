import { createComponent, render, renderSlot } from 'astro/runtime/server/index.js';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blocksToMdast, serialiseArticleBody } from '../../scripts/ingest/stages/emit.ts';
import { ARTICLE_COMPONENTS } from '../../src/core/article-components.ts';
import { HOSTILE_TOKENS } from '../helpers/hostile-text.ts';
import { renderArticleHtml, type StandIn } from '../helpers/render-article.ts';
import { renderMdxHtml } from '../helpers/render-mdx.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

/**
 * The article loader renders a body when the collection syncs and the page fills in its study aids;
 * @astrojs/mdx compiled the same body to a module and rendered it. Same bytes, for any body: the
 * stand-ins below render the same shape both ways, so what is compared is everything around them.
 */
const stringStandIns: Record<string, StandIn> = Object.fromEntries(
  ARTICLE_COMPONENTS.map((name) => [
    name,
    (props, children) =>
      name === 'KeyQuote'
        ? `<li data-section="${String(props.section)}">${children}</li>`
        : `<aside data-study-aid="${name}">${children}</aside>`,
  ]),
);
const moduleStandIns = Object.fromEntries(
  ARTICLE_COMPONENTS.map((name) => [
    name,
    createComponent(
      (result: unknown, props: { section?: string }, slots: Record<string, unknown>) =>
        name === 'KeyQuote'
          ? render`<li data-section="${String(props.section)}">${renderSlot(result as never, slots.default as never)}</li>`
          : render`<aside data-study-aid="${name}">${renderSlot(result as never, slots.default as never)}</aside>`,
    ),
  ]),
);

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

/** A shipped article's text with every kind of study aid around and inside it, as ingest writes them. */
function withEveryAid(body: string): string {
  const paragraph = (value: string) => ({
    type: 'paragraph' as const,
    children: [{ type: 'text' as const, value }],
  });
  const aid = (name: string, children: unknown[], attributes: unknown[] = []) =>
    ({ type: 'mdxJsxFlowElement', name, attributes, children }) as never;
  const example = [{ type: 'mdxJsxAttribute', name: 'example', value: '示例' }];
  return serialiseArticleBody(
    {
      type: 'root',
      children: [
        aid('EditorsNote', [paragraph('编者按 <b>{x}</b> "引" &amp;')], example),
        aid('KeyPoints', [paragraph('要点-一 -->')]),
        ...unified().use(remarkParse).use(remarkMdx).parse(body).children,
        aid('StudyQuestions', [paragraph('问题？')]),
        aid('KeyQuotes', [
          aid(
            'KeyQuote',
            [paragraph('金句')],
            [{ type: 'mdxJsxAttribute', name: 'section', value: 's1-2' }],
          ),
          aid('KeyQuote', [paragraph('开头的句子')]),
        ]),
      ],
    },
    'x.txt',
  );
}

describe('an article rendered by the loader is byte-identical to the MDX module rendering of it', () => {
  it.each(shippedArticles().map((a) => [a.id, a.body] as const))(
    'shipped article %s',
    async (_id, body) => {
      expect(await renderArticleHtml(body, stringStandIns)).toBe(
        await renderMdxHtml(body, moduleStandIns),
      );
    },
  );

  it('a body of every hostile token', async () => {
    const html = await renderArticleHtml(hostileBody, stringStandIns);
    expect(html).toBe(await renderMdxHtml(hostileBody, moduleStandIns));
    expect(html).toContain('&#x3C;script>'); // shown, not run
  });

  it('study aids of every kind before, after and inside each other, with attributes', async () => {
    const body = withEveryAid(shippedArticles()[0].body);
    const html = await renderArticleHtml(body, stringStandIns);
    expect(html).toBe(await renderMdxHtml(body, moduleStandIns));
    expect(html).toMatch(/^<aside data-study-aid="EditorsNote"><p>编者按 &#x3C;b>/);
    expect(html).toContain('<li data-section="s1-2"><p>金句</p></li>');
    expect(html).toContain('<li data-section="undefined"><p>开头的句子</p></li>');
  });
});

describe('the loader refuses what an article body must not carry', () => {
  it.each([
    ['ESM', "import x from 'y'\n\n正文。"],
    ['an expression', '正文{globalThis.__pwned = 1}。'],
    ['an expression attribute', '<EditorsNote example={1}>\n\n正文。\n\n</EditorsNote>'],
    ['a component outside the list', '<Evil>\n\n正文。\n\n</Evil>'],
    ['an unknown component inside a known one', '<KeyQuotes>\n\n<Evil>x</Evil>\n\n</KeyQuotes>'],
  ])('%s', async (_what, body) => {
    await expect(renderArticleHtml(body, stringStandIns)).rejects.toThrow();
  });
});

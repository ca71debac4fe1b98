import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { hostileText } from '../fixtures/hostile/fixtures.ts';
import { hostileSource, visibleText } from '../helpers/hostile-text.ts';
import { fromHtml } from 'hast-util-from-html';
import { renderArticleHtml } from '../helpers/render-article.ts';
import { elementsOf, splitArticle, textOf } from '../helpers/render-mdx.ts';

declare global {
  var __pwned: unknown;
}

/** The only elements an article body may contain: headings, paragraphs, point anchors, glossary links. */
const ALLOWED = new Set(['h2', 'h3', 'p', 'span', 'a']);

/** Converts a source and renders each article; returns everything a reader would see, in order. */
async function readerText(
  name: string,
  text: string,
): Promise<{ visible: string; elements: ReturnType<typeof elementsOf> }> {
  const { articles } = await convertSource(name, new TextEncoder().encode(text));
  let visible = '';
  const elements = [];
  for (const article of articles) {
    const { data, body } = splitArticle(article.content);
    // As the site renders it: the article loader's renderer (src/site/article-loader.ts).
    const tree = fromHtml(await renderArticleHtml(body), { fragment: true });
    visible += ((data.header as string[] | undefined) ?? []).join('') + textOf(tree);
    elements.push(...elementsOf(tree));
  }
  return { visible: visibleText(visible), elements };
}

function expectInert(elements: ReturnType<typeof elementsOf>): void {
  for (const el of elements) {
    expect(ALLOWED, `<${el.tagName}> in an article body`).toContain(el.tagName);
    for (const [name, value] of Object.entries(el.properties)) {
      expect(name.toLowerCase().startsWith('on'), `event handler ${name}`).toBe(false);
      if (name === 'href') expect(String(value)).toMatch(/^\/glossary\//);
    }
  }
  expect(globalThis.__pwned).toBeUndefined();
}

describe('text that looks like code is shown exactly as written, and nothing runs', () => {
  afterEach(() => {
    delete globalThis.__pwned;
  });

  it('the hand-written fixture of every hostile construct comes back character for character', async () => {
    const text = hostileText('代码样文字.txt');
    const { visible, elements } = await readerText('代码样文字.txt', text);
    expect(visible).toBe(visibleText(text));
    expectInert(elements);
    // The constructs survive as text, not as elements.
    expect(visible).toContain('<script>globalThis.__pwned=1;alert(1)</script>');
    expect(visible).toContain('&amp;、&lt;、&gt;、&#123;');
    expect(visible).toContain('<!--这是一条HTML注释-->');
  });

  it('random mixes of Chinese and hostile syntax survive convert → MDX → the HTML the article loader renders', async () => {
    await fc.assert(
      fc.asyncProperty(hostileSource, async (text) => {
        const { visible, elements } = await readerText('随机.txt', text);
        expect(visible).toBe(visibleText(text));
        expectInert(elements);
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 300) },
    );
  });
});

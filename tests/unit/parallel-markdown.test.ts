import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { blocksToMdast, serialiseArticleBody } from '../../scripts/ingest/stages/emit.ts';
import { markdownOptions, mdxOptions } from '../../src/markdown/markdown-options.ts';
import { parallelMarkdown } from '../../src/markdown/parallel-markdown.ts';
import { HOSTILE_TOKENS } from '../helpers/hostile-text.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

const shared = { syntaxHighlight: false as const };

/** Every shipped article body, and one made of every hostile token, as ingest writes them. */
function bodies(): string[] {
  const hostile = serialiseArticleBody(
    blocksToMdast(
      HOSTILE_TOKENS.map((t, i) => ({
        type: 'paragraph' as const,
        text: `第${i}段：${t}坚持和发展全过程人民民主`,
        line: i + 1,
      })),
    ),
    'hostile.txt',
  );
  return [...shippedArticles().map((a) => a.body), hostile];
}

describe('rendering Markdown and compiling MDX on worker threads', () => {
  it("gives the same HTML and metadata as the site's processor in the main thread", async () => {
    const here = await unified(markdownOptions('/xuexi/')).createRenderer(shared);
    const workers = await parallelMarkdown('/xuexi/', 2).createRenderer(shared);
    const [inThread, onWorkers] = await Promise.all([
      Promise.all(bodies().map((b) => here.render(b, { frontmatter: { title: 't' } }))),
      Promise.all(bodies().map((b) => workers.render(b, { frontmatter: { title: 't' } }))),
    ]);
    expect(onWorkers).toEqual(inThread);
    // The site's own plugins ran: section anchors and glossary links under the base path.
    expect(onWorkers.some((r) => /<h2 id="s1"/.test(r.code))).toBe(true);
    expect(onWorkers.some((r) => r.code.includes('href="/xuexi/glossary/'))).toBe(true);
  });

  it("compiles .mdx to the same module and metadata as the site's processor in the main thread", async () => {
    const mdx = { ...mdxOptions, srcDir: new URL('file:///site/src/'), sourcemap: false };
    const off = { gfm: false, smartypants: false };
    const here = await unified(markdownOptions('/xuexi/')).createMdxRenderer!(
      { ...shared, ...off },
      mdx,
    );
    // A shared gfm/smartypants (from mdx({ gfm }) or markdown.gfm) must not switch them on for .mdx.
    const workers = await parallelMarkdown('/xuexi/', 2).createMdxRenderer!(
      { ...shared, gfm: true, smartypants: true },
      mdx,
    );
    const files = bodies().map((b, i) => [b, `/site/src/content/articles/a${i}.mdx`] as const);
    const [inThread, onWorkers] = await Promise.all([
      Promise.all(files.map(([b, f]) => here.process(b, f, { title: 't' }))),
      Promise.all(files.map(([b, f]) => workers.process(b, f, { title: 't' }))),
    ]);
    expect(onWorkers).toEqual(inThread);
    expect(onWorkers.some((r) => r.code.includes('<h2 id=\\"s1\\"'))).toBe(true);
    expect(onWorkers.some((r) => r.code.includes('href=\\"/xuexi/glossary/'))).toBe(true);
  });

  it('renders in the main thread where there is one core to use', async () => {
    const renderer = await parallelMarkdown('/', 1).createRenderer(shared);
    const { code } = await renderer.render('## 一、总体要求\n\n坚持和发展全过程人民民主。');
    expect(code).toContain('<h2 id="s1"');
  });
});

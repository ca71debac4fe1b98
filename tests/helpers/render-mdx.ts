import mdxServer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { mdxOptions } from '../../src/markdown/markdown-options.ts';
import { parallelMarkdown } from '../../src/markdown/parallel-markdown.ts';

/** Splits a generated article into its front matter (parsed) and its MDX body, as Astro does. */
export { readArticle as splitArticle } from '../../src/core/article-file.ts';
export { elementsOf, textOf } from './render-markdown.ts';

/**
 * An article body compiled and rendered the way the site does it: the site's MDX renderer
 * (parallelMarkdown's createMdxRenderer with the site's options, run here in the main thread) makes
 * the JS module @astrojs/mdx would make, the module is imported, and Astro's container renders its
 * Content with Astro's own runtime. Anything the body smuggled in as code would run here, which is
 * what the tests check never happens.
 */
const compiler = parallelMarkdown('/', 1).createMdxRenderer!(
  { syntaxHighlight: false },
  { ...mdxOptions, sourcemap: false },
);
const container = AstroContainer.create({ renderers: [{ name: 'astro:jsx', ssr: mdxServer }] });
const RUNTIME = import.meta.resolve('astro/jsx-runtime');
const SERVER = import.meta.resolve('astro/runtime/server/index.js');
let modules = 0;

/** Components the body may use, by name, as the article page passes them to <Content components={…}>. */
export type MdxComponents = Record<string, unknown>;

export async function renderMdxHtml(body: string, components: MdxComponents = {}): Promise<string> {
  const { code } = await (await compiler).process(body, `/virtual/article-${modules++}.mdx`, {});
  // What @astrojs/mdx's post-processing adds: a Content export that supplies Fragment, tagged for its renderer.
  const module = `${code.replaceAll('"astro/jsx-runtime"', JSON.stringify(RUNTIME)).replace('export default function MDXContent', 'function MDXContent')}
import { __astro_tag_component__ } from ${JSON.stringify(SERVER)};
import { Fragment as __Fragment } from ${JSON.stringify(RUNTIME)};
export const Content = (props = {}) => MDXContent({ ...props, components: { Fragment: __Fragment, ...props.components } });
Content[Symbol.for('mdx-component')] = true;
__astro_tag_component__(Content, 'astro:jsx');
export default Content;`;
  const { Content } = (await import(
    `data:text/javascript;base64,${Buffer.from(module).toString('base64')}`
  )) as { Content: unknown };
  return (await container).renderToString(Content as never, { props: { components } });
}

/** An article body rendered as the site renders it, as a hast tree. */
export async function renderMdx(body: string, components: MdxComponents = {}): Promise<Root> {
  return fromHtml(await renderMdxHtml(body, components), { fragment: true });
}

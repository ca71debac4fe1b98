import { evaluate } from '@mdx-js/mdx';
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import * as hastRuntime from 'hastscript/jsx-runtime';
import rehypeSectionAnchors from '../../src/lib/rehype-section-anchors.ts';
import rehypeTermLinks from '../../src/lib/rehype-term-links.ts';

/** Splits a generated article into its front matter (parsed) and its MDX body, as Astro does. */
export { readArticle as splitArticle } from '../../scripts/stages/emit.ts';

/**
 * Compiles and runs an article body the way @astrojs/mdx does at build time (MDX → JS → evaluated,
 * with the site's rehype plugins), but renders to a hast tree instead of Astro's runtime, so a test
 * can look at every element and every character a reader would get. Anything the body smuggled in
 * as code runs here, at "build time" — which is what the tests check never happens.
 */
// hastscript's runtime makes a root for a fragment (type null); MDX insists on a truthy Fragment.
const Fragment = Symbol('Fragment');
type Jsx = (type: unknown, props: Record<string, unknown>, key?: string) => unknown;
const wrap = (fn: Jsx): Jsx => (type, props, key) => fn(type === Fragment ? null : type, props, key);
const runtime = { Fragment, jsx: wrap(hastRuntime.jsx as Jsx), jsxs: wrap(hastRuntime.jsxs as Jsx) };

export async function renderMdx(body: string): Promise<Root> {
  const mod = await evaluate(body, {
    ...(runtime as unknown as Parameters<typeof evaluate>[1]),
    rehypePlugins: [rehypeSectionAnchors, [rehypeTermLinks, { base: '/' }]],
  });
  const tree = (mod.default as (props: object) => Root | Element)({});
  return tree.type === 'root' ? tree : { type: 'root', children: [tree as RootContent] };
}

export function textOf(tree: Root | Element): string {
  return toString(tree);
}

export function elementsOf(tree: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') out.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

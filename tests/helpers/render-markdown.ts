import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { markdownOptions } from '../../src/markdown/markdown-options.ts';

/** Splits a generated article into its front matter (parsed) and its Markdown body, as Astro does. */
export { readArticle as splitArticle } from '../../src/core/article-file.ts';

/**
 * Astro's own Markdown processor with the site's options (src/markdown/markdown-options.ts), the one
 * that renders every article page. Raw HTML passes through it as on the site, so a test sees
 * every element a source could smuggle onto a page.
 */
const renderer = createMarkdownProcessor({ ...markdownOptions('/'), syntaxHighlight: false });

/** An article body rendered as the site renders it, as a hast tree. */
export async function renderMarkdown(body: string): Promise<Root> {
  const { code } = await (await renderer).render(body);
  return fromHtml(code, { fragment: true });
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

import type { RehypePlugins, RemarkPlugins, RemarkRehype } from '@astrojs/markdown-remark';
import remarkMdx from 'remark-mdx';
import rehypeComponentMarks from './rehype-component-marks.ts';
import rehypeSectionAnchors from './rehype-section-anchors.ts';
import rehypeTermLinks from './rehype-term-links.ts';

/**
 * How the site renders an article's Markdown: astro.config.mjs hands these to Astro, and the tests
 * render with the same options through Astro's own Markdown processor. GFM and SmartyPants are off:
 * ingest escapes for plain CommonMark, and the text must come out exactly as the source wrote it
 * (no curly quotes, no auto-links, no strikethrough).
 * @param base the site's base path, ending in "/"
 */
export function markdownOptions(base: string): {
  gfm: boolean;
  smartypants: boolean;
  rehypePlugins: RehypePlugins;
} {
  return {
    gfm: false,
    smartypants: false,
    rehypePlugins: [rehypeSectionAnchors, [rehypeTermLinks, { base }]],
  };
}

/**
 * How @astrojs/mdx compiles an article (astro.config.mjs; the tests compile with the same).
 * `optimize` turns each run of plain Markdown into one HTML string made by hast-util-to-html, the
 * serialiser the .md path uses, so an article's body HTML is byte for byte what it was as .md; without
 * it Astro's JSX runtime writes the text (escaping " and ' as &quot; &#39;), and the build costs more.
 */
export const mdxOptions = { optimize: true } as const;

/** The mdast nodes of MDX, handed through to hast as they are (as @astrojs/mdx does). */
const MDX_NODES = [
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxjsEsm',
];

/**
 * How an article's .mdx body is rendered when the collection syncs (src/site/article-loader.ts):
 * the site's Markdown options, read as MDX (remark-mdx, as @astrojs/mdx reads it), with each
 * component left as marks around its children for the loader to fill in (rehype-component-marks.ts).
 * @param base the site's base path, ending in "/"
 */
export function articleMarkdownOptions(base: string): ReturnType<typeof markdownOptions> & {
  remarkPlugins: RemarkPlugins;
  remarkRehype: RemarkRehype;
} {
  const site = markdownOptions(base);
  return {
    ...site,
    remarkPlugins: [remarkMdx],
    remarkRehype: { passThrough: MDX_NODES },
    rehypePlugins: [...site.rehypePlugins, rehypeComponentMarks],
  };
}

import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypeSectionAnchors from './rehype-section-anchors.ts';
import rehypeTermLinks from './rehype-term-links.ts';

/**
 * How the site renders an article's Markdown: astro.config.mjs hands these to Astro, and the tests
 * render with the same options through Astro's own Markdown processor. GFM and SmartyPants are off:
 * ingest escapes for plain CommonMark, and the text must come out exactly as the source wrote it
 * (no curly quotes, no auto-links, no strikethrough).
 * @param base the site's base path, ending in "/"
 */
export function markdownOptions(base: string): { gfm: boolean; smartypants: boolean; rehypePlugins: RehypePlugins } {
  return {
    gfm: false,
    smartypants: false,
    rehypePlugins: [rehypeSectionAnchors, [rehypeTermLinks, { base }]],
  };
}

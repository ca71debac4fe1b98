import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSectionAnchors from './src/lib/rehype-section-anchors.ts';
import rehypeTermLinks from './src/lib/rehype-term-links.ts';

// The archive is often deployed under a sub-path of an office intranet: BASE_PATH=/xuexi/ npm run build.
const base = process.env.BASE_PATH ?? '/';
// DIST_DIR lets parallel builds (tests, benchmarks) each write their own output and cache.
const outDir = process.env.DIST_DIR ?? './dist';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base,
  outDir,
  cacheDir: process.env.DIST_DIR ? `${process.env.DIST_DIR}-cache` : './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  markdown: {
    // GFM and SmartyPants are off: ingest escapes for plain CommonMark + MDX, and the text must come
    // out exactly as the source wrote it (no curly quotes, no auto-links, no strikethrough).
    processor: unified({
      gfm: false,
      smartypants: false,
      rehypePlugins: [rehypeSectionAnchors, [rehypeTermLinks, { base: base.endsWith('/') ? base : `${base}/` }]],
    }),
  },
  devToolbar: { enabled: false },
});

import { defineConfig } from 'astro/config';
import { parallelMarkdown } from './src/lib/parallel-markdown.ts';

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
  markdown: {
    processor: parallelMarkdown(base.endsWith('/') ? base : `${base}/`),
  },
  devToolbar: { enabled: false },
});

import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { mdxOptions } from './src/markdown/markdown-options.ts';
import { parallelMarkdown } from './src/markdown/parallel-markdown.ts';
import { ingestIntegration } from './scripts/integrations/ingest.ts';
import { searchIndexIntegration } from './scripts/integrations/search-index.ts';
import { deskIntegration } from './scripts/integrations/desk.ts';

// No usage data leaves an office machine. Set here rather than as `ASTRO_TELEMETRY_DISABLED=1 astro …`
// in package.json, which cmd.exe cannot run; Astro reads it after loading this file, before it
// would send anything.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

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
  // Articles are .mdx (study aids are components in the body); @astrojs/mdx hands them to the
  // processor below, so .md and .mdx render with the same plugins, on worker threads.
  markdown: {
    processor: parallelMarkdown(
      base.endsWith('/') ? base : `${base}/`,
      process.env.MARKDOWN_THREADS ? Number(process.env.MARKDOWN_THREADS) : undefined,
    ),
  },
  devToolbar: { enabled: false },
  // Ingest before the content collection is read; MDX compiles the articles; the search index after
  // the site is written; the editors' desk (/admin/) exists under `astro dev` only.
  integrations: [
    ingestIntegration(),
    mdx({ ...mdxOptions, ...mdxPathForBench() }),
    searchIndexIntegration(),
    deskIntegration(),
  ],
  vite: {
    build: {
      rollupOptions: {
        // Astro wraps every .mdx module in a "use astro:head-inject" directive that the bundler warns
        // about: one warning per article, 10,000 lines at 10,000 articles, none of them actionable.
        onwarn(warning, warn) {
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            /\.mdx\?astroPropagatedAssets/.test(warning.message)
          )
            return;
          warn(warning);
        },
      },
    },
  },
});

/**
 * Only `npm run bench -- --mdx-paths` sets these, to time the other MDX paths on the same archive:
 * MDX_OPTIMIZE=0, MARKDOWN_THREADS=1 (no workers), MDX_PROCESSOR=satteri. Sätteri cannot run the
 * site's rehype plugins (it takes its own visitor plugins), so its pages lack anchors and term links.
 */
function mdxPathForBench() {
  return {
    ...(process.env.MDX_OPTIMIZE === '0' ? { optimize: false } : {}),
    ...(process.env.MDX_PROCESSOR === 'satteri'
      ? { processor: satteri({ features: { gfm: false, smartPunctuation: false } }) }
      : {}),
  };
}

import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { mdxOptions } from './src/markdown/markdown-options.ts';
import { parallelMarkdown } from './src/markdown/parallel-markdown.ts';
import { ingestIntegration } from './scripts/integrations/ingest.ts';
import { searchIndexIntegration } from './scripts/integrations/search-index.ts';
import { environment } from './src/site/environment.ts';
import { isReadingPage } from './src/core/reading-pages.ts';
import { cacheDir, outDir } from './scripts/build-dirs.ts';
import { deskIntegration } from './scripts/integrations/desk.ts';
import { clearOutputIntegration } from './scripts/integrations/clear-output.ts';

// No usage data leaves an office machine. Set here rather than as `ASTRO_TELEMETRY_DISABLED=1 astro …`
// in package.json, which cmd.exe cannot run; Astro reads it after loading this file, before it
// would send anything.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// `astro dev` (the desk) would otherwise ask npm's registry for a newer Astro once a day: an office
// network has no registry to ask.
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';

// The archive is often deployed under a sub-path of an office intranet: BASE_PATH=/xuexi/ npm run build.
const base = environment.basePath;

export default defineConfig({
  site: environment.siteUrl ?? 'http://localhost:4321',
  base,
  outDir: outDir(),
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  // Four pages generated at a time: a page's own work is small, and one at a time left the build
  // waiting on each page's folder and file writes (10,908 pages: routes in 21–24 s instead of 30–31 s,
  // the same peak memory, byte-identical output).
  build: { format: 'directory', concurrency: 4 },
  // Articles are rendered when the collection syncs (src/site/article-loader.ts); this processor
  // renders hand-written .mdx pages (through @astrojs/mdx) and any .md, with the same plugins.
  markdown: { processor: parallelMarkdown(base.endsWith('/') ? base : `${base}/`) },
  devToolbar: { enabled: false },
  // Ingest before the content collection is read; the last build's output deleted in the background;
  // MDX for hand-written pages; the search index after the site is written; the editors' desk
  // (/admin/) exists under `astro dev` only.
  integrations: [
    ingestIntegration(),
    clearOutputIntegration(),
    mdx(mdxOptions),
    searchIndexIntegration(),
    // The reading pages only (src/core/reading-pages.ts), without the image, video, news and
    // alternate-language namespaces the archive has no use for.
    sitemap({
      filter: (page) =>
        isReadingPage(new URL(page).pathname.slice(base.replace(/\/?$/, '/').length)),
      namespaces: { news: false, xhtml: false, image: false, video: false },
    }),
    deskIntegration(),
  ],
});

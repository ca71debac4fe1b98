/**
 * The Pagefind search index as an Astro integration, as Starlight does it: when `astro build` has
 * written the site, scripts/search-index.ts indexes it (sharded, see scripts/search-index/shards.ts), so
 * `astro build` alone gives a searchable site.
 *
 * SEARCH_INDEX=off leaves the index out: the benchmark times the index as a stage of its own, and
 * tests that only read HTML do not need one.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runScript } from './run-script.ts';

export function searchIndexIntegration(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  return {
    name: 'zhengxie:search-index',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.SEARCH_INDEX === 'off') {
          logger.info('SEARCH_INDEX=off：不建检索索引 / search index left out');
          return;
        }
        const code = await runScript(root, 'scripts/search-index.ts', [], {
          DIST_DIR: fileURLToPath(dir),
          // Unchanged shards keep their bundles from the last build (scripts/search-index/build.ts).
          SEARCH_INDEX_CACHE: cacheDir,
        });
        if (code !== 0)
          throw new Error(
            `检索索引失败 / search index failed (scripts/search-index.ts exited with ${code})`,
          );
      },
    },
  };
}

/**
 * The Pagefind search index as an Astro integration, as Starlight does it: when `astro build` has
 * written the site, scripts/search-index.ts indexes it (sharded, see scripts/search-index/shards.ts), so
 * `astro build` alone gives a searchable site.
 *
 * Under `npm run build` the index runs after astro build instead (package.json's build script).
 * SEARCH_INDEX=off leaves the index out: the benchmark times the index as a stage of its own, and
 * tests that only read HTML do not need one.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runScript } from './run-script.ts';
import { environment } from '../../src/site/environment.ts';

export function searchIndexIntegration(): AstroIntegration {
  let root = '';
  return {
    name: 'zhengxie:search-index',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ logger }) => {
        if (environment.searchIndexOff) {
          logger.info('SEARCH_INDEX=off：不建检索索引 / search index left out');
          return;
        }
        // `npm run build` indexes after astro build has exited (package.json), so Astro's memory
        // (1.5 GiB at 10,000 articles) is free while Pagefind runs: the whole build peaks lower.
        if (environment.npmScript === 'build') return;
        // The script finds the output and cache folders as astro.config.mjs does (build-dirs.ts).
        const code = await runScript(root, 'scripts/search-index.ts');
        if (code !== 0)
          throw new Error(
            `检索索引失败 / search index failed (scripts/search-index.ts exited with ${code})`,
          );
      },
    },
  };
}

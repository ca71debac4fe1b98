/**
 * Indexes a built site for search (scripts/search-index/build.ts): DIST_DIR (default dist/), in
 * shards of PAGEFIND_SHARD_PAGES pages (default 2,000) counted from the oldest, keeping unchanged
 * shards' bundles in Astro's cache folder (build-dirs.ts). Run by `npm run build` after astro build,
 * by the search-index integration after a bare `astro build`, and by the benchmarks.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, outDir } from './build-dirs.ts';
import { buildSearchIndex } from './search-index/build.ts';
import { environment } from '../src/site/environment.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildSearchIndex(
  path.resolve(root, outDir()),
  environment.pagefindShardPages,
  // Bundles of unchanged shards are kept beside Astro's own cache between builds.
  path.resolve(root, cacheDir()),
);

/**
 * Indexes a built site for search (scripts/search-index/build.ts): DIST_DIR (default dist/), in
 * shards of PAGEFIND_SHARD_PAGES pages (default 2,000) counted from the oldest, keeping unchanged
 * shards' bundles in SEARCH_INDEX_CACHE. Run by the search-index integration
 * after `astro build`, and by the benchmarks on their own builds.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './search-index/build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildSearchIndex(
  path.resolve(root, process.env.DIST_DIR ?? 'dist'),
  Number(process.env.PAGEFIND_SHARD_PAGES ?? 2000),
  // Bundles of unchanged shards are kept here between builds (the integration passes Astro's cache folder).
  process.env.SEARCH_INDEX_CACHE || undefined,
);

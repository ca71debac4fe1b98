/**
 * Indexes a built site for search (scripts/search-index/build.ts): DIST_DIR (default dist/), in
 * shards of at most PAGEFIND_SHARD_PAGES pages (default 2,000). Run by the search-index integration
 * after `astro build`, and by the benchmarks on their own builds.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './search-index/build.ts';
import { environment } from '../src/site/environment.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildSearchIndex(
  path.resolve(root, environment.distDir ?? 'dist'),
  environment.pagefindShardPages,
);

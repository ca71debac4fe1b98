import { environment } from '../src/site/environment.ts';

/**
 * Where a build writes: the site (DIST_DIR, default dist/) and the cache Astro keeps between builds
 * (its data store of rendered articles) beside which the index keeps unchanged shards' bundles.
 * DIST_DIR lets parallel builds (tests, benchmarks) each write their own output and cache.
 * astro.config.mjs and scripts/search-index.ts both read it here.
 */
export function outDir(): string {
  return environment.distDir ?? './dist';
}

export function cacheDir(): string {
  return environment.distDir ? `${environment.distDir}-cache` : './node_modules/.astro';
}

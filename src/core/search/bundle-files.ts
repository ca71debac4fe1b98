/**
 * The files of a search bundle the search page fetches before its first query is answered, by
 * name: the browser code loads them (src/lib/search/load.ts) and the search page asks for them in
 * its head, so they download while the page's own script is still on its way.
 */
/** The newest bundle's folder, from the site's base (older bundles: pagefind-1/ …). */
export const NEWEST_BUNDLE = 'pagefind/';
/** Our sidecar (src/core/search/sidecar.ts), gzipped; `.json` beside it for browsers that cannot unpack. */
export const SIDECAR_FILES = { gz: 'zh-search.json.gz', json: 'zh-search.json' };
/**
 * In the newest bundle of a sharded index: which older bundles may hold a phrase
 * (src/core/search/shard-summary.ts), fetched when a search goes on past the newest bundle.
 */
export const SUMMARY_FILES = { gz: 'zh-shards.json.gz', json: 'zh-shards.json' };
/** Pagefind's browser script. */
export const PAGEFIND_SCRIPT = 'pagefind.js';

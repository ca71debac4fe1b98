/**
 * The files of a search bundle the search page fetches before its first query is answered, by
 * name: the browser code loads them (src/lib/search/load.ts) and the search page asks for them in
 * its head, so they download while the page's own script is still on its way.
 */
/** The newest bundle's folder, from the site's base (older bundles: pagefind-1/ …). */
export const NEWEST_BUNDLE = 'pagefind/';
/** Our sidecar (src/core/search/sidecar.ts), gzipped; `.json` beside it for browsers that cannot unpack. */
export const SIDECAR_GZ = 'zh-search.json.gz';
export const SIDECAR_JSON = 'zh-search.json';
/** Pagefind's browser script. */
export const PAGEFIND_SCRIPT = 'pagefind.js';

/**
 * Loads the sidecar, Pagefind and page texts once per page, on demand: nothing search-related is
 * fetched until a reader focuses the search box, presses /, or opens the search page; Pagefind
 * itself (its script, wasm and index) only once a query has words to look up, and a page's text
 * only when its result is shown.
 */
import { ArchiveSearch, type PagefindApi, type PagefindData } from './engine.ts';
import { mergeSidecars, unpackSidecar, type PackedSidecar, type Sidecar } from './sidecar.ts';

type PagefindModule = PagefindApi & { options?: (o: Record<string, unknown>) => Promise<void>; init?: () => Promise<void>; mergeIndex(path: string): Promise<void> };

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let engine: Promise<ArchiveSearch> | undefined;
let sidecar: Promise<Sidecar> | undefined;
let pagefind: Promise<PagefindApi> | undefined;

export function loadSidecar(): Promise<Sidecar> {
  sidecar ??= (async () => {
    const first = await fetchSidecar('pagefind/');
    const rest = await Promise.all((first.bundles ?? []).map(fetchSidecar));
    return mergeSidecars([first, ...rest]);
  })();
  sidecar.catch(() => (sidecar = undefined));
  return sidecar;
}

/** A bundle's sidecar: gzipped where the browser can unpack it, else the JSON. */
function fetchSidecar(bundle: string): Promise<Sidecar> {
  return fetchGzipped(`${base}${bundle}zh-search.json.gz`)
    .then((text) => JSON.parse(text) as PackedSidecar)
    .catch(() => fetchJson(`${base}${bundle}zh-search.json`))
    .then(unpackSidecar);
}

async function fetchJson(url: string): Promise<PackedSidecar> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as PackedSidecar;
}

/** A gzipped file's text, unpacked in the browser; any failure (old browser, server) is for the caller to handle. */
async function fetchGzipped(url: string): Promise<string> {
  if (typeof DecompressionStream === 'undefined') throw new Error('no DecompressionStream');
  const r = await fetch(url);
  if (!r.ok || !r.body) throw new Error(`${url}: ${r.status}`);
  // A server that already sent it with Content-Encoding: gzip has had the browser unpack it.
  const bytes = new Uint8Array(await r.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
}

/**
 * A page's stored text straight from its fragment file (gzipped "pagefind_dcd" + JSON), so a page
 * found through the sidecar alone (a title, a filter) needs no index search to be shown.
 */
async function fetchPage(home: string, id: string): Promise<PagefindData> {
  const text = await fetchGzipped(`${base}${home}fragment/${id}.pf_fragment`);
  return JSON.parse(text.slice(text.indexOf('{'))) as PagefindData;
}

function loadPagefind(bundles: string[]): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
    // Pagefind 1.6 would fetch its Web Worker script (43 KB, a tenth of a first query's bytes) to
    // run the wasm off the main thread; an exact phrase search is a few milliseconds of wasm there.
    await module.options?.({ noWorker: true });
    await module.init?.();
    // A sharded index: every search runs over all bundles (Pagefind multisite search).
    await Promise.all(bundles.map((bundle) => module.mergeIndex(`${base}${bundle}`)));
    return module;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

export function loadEngine(): Promise<ArchiveSearch> {
  engine ??= (async () => {
    const data = await loadSidecar();
    return new ArchiveSearch({
      sidecar: data,
      pagefind: () => loadPagefind(data.bundles ?? []),
      fetchPage: (id) => fetchPage(data.home?.[id] ?? 'pagefind/', id),
    });
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Starts fetching Pagefind before the first query needs it (the search box was focused). */
export function preloadPagefind(): void {
  void loadSidecar()
    .then((data) => loadPagefind(data.bundles ?? []))
    .catch(() => undefined);
}

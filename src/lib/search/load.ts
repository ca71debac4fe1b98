/**
 * Loads the sidecars, Pagefind and page texts once per page, on demand: nothing search-related is
 * fetched until a reader focuses the search box, presses /, or opens the search page; Pagefind
 * itself (its script, wasm and index) only once a query has words to look up, and a page's text
 * only when its result is shown. Of a sharded index (bundles cut newest first), the newest bundle
 * is loaded first, and the older ones only when a search goes on to them and their summary says
 * they may hold what it looks for.
 */
import { ArchiveSearch, type PagefindApi } from './engine.ts';
import type { PagefindData } from './excerpts.ts';
import { unpackSidecar, type PackedSidecar, type Sidecar } from '../../core/search/sidecar.ts';
import type { ShardSummary } from '../../core/search/shard-summary.ts';
import {
  NEWEST_BUNDLE,
  PAGEFIND_SCRIPT,
  SIDECAR_FILES,
  SUMMARY_FILES,
} from '../../core/search/bundle-files.ts';

interface PagefindIndexApi extends PagefindApi {
  options?: (o: Record<string, unknown>) => Promise<void>;
  init?: () => Promise<void>;
  preload?: (term: string) => Promise<void>;
  mergeIndex(path: string): Promise<void>;
}
type PagefindModule = PagefindIndexApi & {
  createInstance(o: Record<string, unknown>): PagefindIndexApi;
};

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
/*
 * Pagefind runs in its Web Worker (its default): the worker script is 43 KB more to fetch, but
 * unpacking the WebAssembly and the index chunks and searching them took the page's main thread
 * about 120 ms per first query on a desktop, four times that on Lighthouse's phone, in tasks the
 * reader could not type or scroll through (total blocking time 300–400 ms). In the worker they do
 * not block the page.
 */
let engine: Promise<ArchiveSearch> | undefined;
let sidecar: Promise<Sidecar> | undefined;
let newest: Promise<PagefindModule> | undefined;
let older: PagefindIndexApi | undefined;
/** The bundles the older bundles' index has joined. */
const joined = new Set<number>();
/** Joins run one after another: Pagefind's mergeIndex is not meant to race itself. */
let joining: Promise<unknown> = Promise.resolve();

/** The newest bundle's sidecar, which names the others and holds the fold map. */
export function loadSidecar(): Promise<Sidecar> {
  sidecar ??= fetchSidecar(NEWEST_BUNDLE);
  sidecar.catch(() => (sidecar = undefined));
  return sidecar;
}

/** A bundle's sidecar. */
function fetchSidecar(bundle: string): Promise<Sidecar> {
  return fetchJsonFile<PackedSidecar>(bundle, SIDECAR_FILES).then(unpackSidecar);
}

/** One of our JSON files in a bundle: gzipped where the browser can unpack it, else the JSON. */
function fetchJsonFile<T>(bundle: string, names: { json: string; gz: string }): Promise<T> {
  return fetchGzipped(`${base}${bundle}${names.gz}`)
    .then((text) => JSON.parse(text) as T)
    .catch(() => fetchJson<T>(`${base}${bundle}${names.json}`));
}

async function fetchJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as T;
}

/** A gzipped file's text, unpacked in the browser; any failure (old browser, server) is for the caller to handle. */
async function fetchGzipped(url: string): Promise<string> {
  if (typeof DecompressionStream === 'undefined') throw new Error('no DecompressionStream');
  const r = await fetch(url);
  if (!r.ok || !r.body) throw new Error(`${url}: ${r.status}`);
  // A server that already sent it with Content-Encoding: gzip has had the browser unpack it.
  const bytes = new Uint8Array(await r.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return gzipped
    ? await new Response(
        new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
      ).text()
    : new TextDecoder().decode(bytes);
}

/**
 * A page's stored text straight from its fragment file (gzipped "pagefind_dcd" + JSON), so a page
 * found through the sidecar alone (a title, a filter) needs no index search to be shown.
 */
async function fetchPage(folder: string, id: string): Promise<PagefindData> {
  const text = await fetchGzipped(`${base}${folder}fragment/${id}.pf_fragment`);
  return JSON.parse(text.slice(text.indexOf('{'))) as PagefindData;
}

/** Pagefind over the newest bundle alone (pagefind/). */
function loadNewest(): Promise<PagefindModule> {
  newest ??= (async () => {
    const module = (await import(
      /* @vite-ignore */ `${base}${NEWEST_BUNDLE}${PAGEFIND_SCRIPT}`
    )) as PagefindModule;
    await module.init?.();
    return module;
  })();
  newest.catch(() => (newest = undefined));
  return newest;
}

/**
 * Pagefind over older bundles: one index, started from the first bundle asked for, that the
 * others join as they are asked for and stay in. A separate index from the newest bundle's, so
 * that a search can still look at the newest bundle alone once older ones are joined (a second
 * Pagefind instance fetches the wasm once more, 55 KB, but the wasm module itself is shared).
 */
function loadOlder(folders: string[], bundles: readonly number[]): Promise<PagefindApi> {
  const ready = joining.then(async () => {
    const module = await loadNewest();
    // Pagefind's init only starts loading its WebAssembly, and a search (here one with no words,
    // which fetches nothing) waits until it has. The older index shares its glue: started while it
    // was still loading, its searches came back empty. The newest bundle is not searched first
    // when its summary rules it out.
    await module.preload?.('');
    for (const k of bundles) {
      if (joined.has(k)) continue;
      if (older) await older.mergeIndex(`${base}${folders[k]}`);
      else older = await startIndex(module, `${base}${folders[k]}`);
      joined.add(k);
    }
    if (!older) throw new Error('no older bundle asked for');
    return older;
  });
  joining = ready.catch(() => undefined);
  return ready;
}

async function startIndex(module: PagefindModule, basePath: string): Promise<PagefindIndexApi> {
  const index = module.createInstance({ basePath });
  await index.init?.();
  return index;
}

export function loadEngine(): Promise<ArchiveSearch> {
  engine ??= (async () => {
    const first = await loadSidecar();
    const folders = [NEWEST_BUNDLE, ...(first.bundles ?? [])];
    return new ArchiveSearch({
      first,
      sidecar: (k) => fetchSidecar(folders[k]),
      summary: () => fetchJsonFile<ShardSummary>(NEWEST_BUNDLE, SUMMARY_FILES),
      pagefind: (bundles) =>
        bundles.length === 1 && bundles[0] === 0 ? loadNewest() : loadOlder(folders, bundles),
      fetchPage: (k, id) => fetchPage(folders[k], id),
    });
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Starts fetching Pagefind before the first query needs it (the search box was focused). */
export function preloadPagefind(): void {
  void loadNewest().catch(() => undefined);
}

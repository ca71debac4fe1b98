/**
 * Loads Pagefind and the sidecar once per page, on demand: nothing search-related is fetched
 * until a reader focuses the search box, presses /, or opens the search page.
 */
import { ArchiveSearch, type PagefindApi } from './engine.ts';
import { mergeSidecars, type Sidecar } from './sidecar.ts';

type PagefindModule = PagefindApi & { init?: () => Promise<void>; mergeIndex(path: string): Promise<void> };

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let engine: Promise<ArchiveSearch> | undefined;
let sidecar: Promise<Sidecar> | undefined;

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
  return fetchGzipped(`${base}${bundle}zh-search.json.gz`).catch(() => fetchJson(`${base}${bundle}zh-search.json`));
}

async function fetchJson(url: string): Promise<Sidecar> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as Sidecar;
}

/** The gzipped sidecar, unpacked in the browser; any failure (old browser, server) falls back to the JSON. */
async function fetchGzipped(url: string): Promise<Sidecar> {
  if (typeof DecompressionStream === 'undefined') throw new Error('no DecompressionStream');
  const r = await fetch(url);
  if (!r.ok || !r.body) throw new Error(`${url}: ${r.status}`);
  // A server that already sent it with Content-Encoding: gzip has had the browser unpack it.
  const bytes = new Uint8Array(await r.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
  return JSON.parse(text) as Sidecar;
}

export function loadEngine(): Promise<ArchiveSearch> {
  engine ??= (async () => {
    const [pagefind, data] = await Promise.all([import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindModule>, loadSidecar()]);
    await pagefind.init?.();
    // A sharded index: every search runs over all bundles (Pagefind multisite search).
    await Promise.all((data.bundles ?? []).map((bundle) => pagefind.mergeIndex(`${base}${bundle}`)));
    return new ArchiveSearch(pagefind, data);
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

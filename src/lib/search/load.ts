/**
 * Loads Pagefind and the sidecar once per page, on demand: nothing search-related is fetched
 * until a reader focuses the search box, presses /, or opens the search page.
 */
import { ArchiveSearch, type PagefindApi } from './engine.ts';
import type { Sidecar } from './sidecar.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let engine: Promise<ArchiveSearch> | undefined;
let sidecar: Promise<Sidecar> | undefined;

export function loadSidecar(): Promise<Sidecar> {
  sidecar ??= fetch(`${base}pagefind/zh-search.json`).then((r) => {
    if (!r.ok) throw new Error(`zh-search.json: ${r.status}`);
    return r.json() as Promise<Sidecar>;
  });
  return sidecar;
}

export function loadEngine(): Promise<ArchiveSearch> {
  engine ??= (async () => {
    const [pagefind, data] = await Promise.all([import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi & { init?: () => Promise<void> }>, loadSidecar()]);
    await pagefind.init?.();
    return new ArchiveSearch(pagefind, data);
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

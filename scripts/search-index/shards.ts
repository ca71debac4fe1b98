/**
 * Sharding of the Pagefind index, for archives whose single index outgrows the memory of an office
 * PC (10,000 study-length articles need over 6 GiB in one index). Pages are cut into shards in the
 * order search ranks them by date: newest first (then by URL), so bundle 0 holds the newest pages,
 * bundle 1 the next, and so on. The browser searches the newest bundle first and can usually show
 * the first screen from it alone; older bundles are joined after that, to complete the counts. Each
 * shard is indexed by a fresh Pagefind service that is closed before the next starts, so the indexer
 * holds one shard at a time. Every bundle's sidecar lists its own pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

export type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** What a page is ranked by when newest first: its sort date (yyyy-mm-dd, yyyy or '' when undated) and URL. */
export interface RankKey {
  date: string;
  url: string;
}

/** The bundle folder of shard k, beside the site's pages: pagefind/, pagefind-1/, pagefind-2/… */
export function shardDir(k: number): string {
  return k === 0 ? 'pagefind' : `pagefind-${k}`;
}

/** Whether a folder of dist/ is a search bundle (pagefind/, pagefind-1/ …) rather than site pages. */
export function isBundleDir(name: string): boolean {
  return /^pagefind(-\d+)?$/.test(name);
}

/** The search bundles a built site holds, the first (pagefind/) first. */
export function bundleDirs(dist: string): string[] {
  return fs
    .readdirSync(dist)
    .filter(isBundleDir)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/**
 * Newest first, then by URL: the order date sort shows. Dates compare as strings, so 2024 (a year
 * alone) sorts before 2024-03-05 and undated pages ('') last, as the search page sorts them.
 */
export function byRankKey(a: RankKey, b: RankKey): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * Cuts pages, newest first, into `shards` runs whose sizes differ by at most one: every page of
 * shard k is at least as new as every page of shard k + 1, which lets the browser stop after the
 * newest bundles once a screen of results is found, without a later bundle reordering it.
 */
export function cutInRankOrder<P>(
  pages: readonly P[],
  keyOf: (page: P) => RankKey,
  shards: number,
): P[][] {
  if (!Number.isInteger(shards) || shards < 1)
    throw new Error(`shards must be a whole number ≥ 1, not ${shards}`);
  const ranked = pages
    .map((page) => ({ page, key: keyOf(page) }))
    .sort((a, b) => byRankKey(a.key, b.key));
  const parts: P[][] = [];
  let at = 0;
  for (let k = 0; k < shards; k++) {
    const size = Math.floor(ranked.length / shards) + (k < ranked.length % shards ? 1 : 0);
    parts.push(ranked.slice(at, at + size).map((r) => r.page));
    at += size;
  }
  return parts;
}

/** How many shards keep each at most `perShard` pages; at least one. */
export function shardCount(pages: number, perShard: number): number {
  if (!Number.isInteger(perShard) || perShard < 1)
    throw new Error(`PAGEFIND_SHARD_PAGES must be a whole number ≥ 1, not ${perShard}`);
  return Math.max(1, Math.ceil(pages / perShard));
}

/**
 * Indexes `pages` in `shards` shards under dist/, newest first. For each non-empty shard, `build` gets a new
 * index, the shard's pages, the bundle folder to write to and the pages of the shard after it (to
 * prepare while Pagefind writes this one); the Pagefind service is closed after each shard, which
 * is what frees the indexer's memory. Returns the bundle folders written.
 */
export async function buildShards<P>(
  dist: string,
  pages: readonly P[],
  keyOf: (page: P) => RankKey,
  shards: number,
  build: (
    index: PagefindIndex,
    pages: P[],
    outputPath: string,
    nextPages: P[] | undefined,
  ) => Promise<void>,
  config: Parameters<typeof pagefind.createIndex>[0] = {},
): Promise<string[]> {
  const parts = cutInRankOrder(pages, keyOf, shards);
  const written: string[] = [];
  // Bundles are numbered as written, skipping empty shards: the browser always starts from pagefind/.
  const nonEmpty = parts.filter((p) => p.length > 0);
  for (const [k, part] of nonEmpty.entries()) {
    const outputPath = path.join(dist, shardDir(k));
    fs.rmSync(outputPath, { recursive: true, force: true });
    const { index, errors } = await pagefind.createIndex(config);
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    try {
      await build(index, part, outputPath, nonEmpty[k + 1]);
    } finally {
      await pagefind.close();
    }
    written.push(shardDir(k));
  }
  // Folders of a larger shard count from an earlier build would otherwise be merged too.
  for (const name of bundleDirs(dist)) {
    if (!written.includes(name)) fs.rmSync(path.join(dist, name), { recursive: true, force: true });
  }
  return written;
}

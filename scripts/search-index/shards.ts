/**
 * Sharding of the Pagefind index, for archives whose single index outgrows the memory of an office
 * PC (10,000 study-length articles need over 6 GiB in one index). Pages are ranked as search ranks
 * them by date (newest first, then by URL) and cut into shards from the OLDEST end, a fixed number
 * of pages each, so an archive that grows at its newest end (an issue a month) changes only its
 * newest shard, and the older ones can be kept from the last build (build.ts). Bundle 0 holds the
 * newest pages, bundle 1 the next, and so on; the browser searches the newest bundle first and can
 * usually show the first screen from it alone; older bundles are joined after that. Each shard
 * that needs indexing gets a fresh Pagefind service, closed before the next starts, so the indexer
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
 * Cuts pages into shards of `perShard` pages counted from the oldest, returned newest first: every
 * page of shard k is at least as new as every page of shard k + 1, which lets the browser stop after
 * the newest bundles once a screen of results is found. The newest shard takes what is left over,
 * joined to the last full shard while it is under half a shard, so it holds between half and one and
 * a half shards' pages (a tiny newest bundle would rarely fill a first screen on its own). New pages
 * at the newest end change only the newest shard.
 */
export function cutOldestFirst<P>(
  pages: readonly P[],
  keyOf: (page: P) => RankKey,
  perShard: number,
): P[][] {
  if (!Number.isInteger(perShard) || perShard < 1)
    throw new Error(`PAGEFIND_SHARD_PAGES must be a whole number ≥ 1, not ${perShard}`);
  const oldestFirst = pages
    .map((page) => ({ page, key: keyOf(page) }))
    .sort((a, b) => byRankKey(b.key, a.key))
    .map((r) => r.page);
  const full = Math.floor(oldestFirst.length / perShard);
  const rest = oldestFirst.length - full * perShard;
  const fixed = rest < perShard / 2 && full > 0 ? full - 1 : full;
  const parts: P[][] = [];
  for (let k = 0; k < fixed; k++) parts.push(oldestFirst.slice(k * perShard, (k + 1) * perShard));
  if (fixed * perShard < oldestFirst.length) parts.push(oldestFirst.slice(fixed * perShard));
  return parts.reverse().map((part) => part.reverse());
}

/** One shard as buildShards hands it out: its pages, its folder, and a Pagefind index if it needs one. */
export interface ShardJob<P> {
  pages: P[];
  outputPath: string;
  /** A new Pagefind index for this shard (the service starts on the first call and is closed after the shard). */
  index: () => Promise<PagefindIndex>;
}

/**
 * Builds each shard's bundle under dist/ (pagefind/ for the newest, pagefind-1/ …) through `build`,
 * which may index the shard with Pagefind or keep a bundle it already has; a Pagefind service
 * started for a shard is closed after it, which is what frees the indexer's memory. Folders of an
 * earlier build with more shards are removed. Returns the bundle folders, newest first.
 */
export async function buildShards<P, B>(
  dist: string,
  parts: P[][],
  build: (shard: ShardJob<P>) => Promise<B>,
  config: Parameters<typeof pagefind.createIndex>[0] = {},
): Promise<{ dirs: string[]; built: B[] }> {
  const dirs: string[] = [];
  const built: B[] = [];
  for (const [k, part] of parts.filter((p) => p.length > 0).entries()) {
    const outputPath = path.join(dist, shardDir(k));
    fs.rmSync(outputPath, { recursive: true, force: true });
    let started = false;
    const index = async () => {
      started = true;
      const { index: created, errors } = await pagefind.createIndex(config);
      if (!created) throw new Error(`pagefind: ${errors.join('; ')}`);
      return created;
    };
    try {
      built.push(await build({ pages: part, outputPath, index }));
    } finally {
      if (started) await pagefind.close();
    }
    dirs.push(shardDir(k));
  }
  for (const name of bundleDirs(dist)) {
    if (!dirs.includes(name)) fs.rmSync(path.join(dist, name), { recursive: true, force: true });
  }
  return { dirs, built };
}

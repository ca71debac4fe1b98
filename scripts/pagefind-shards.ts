/**
 * Sharding of the Pagefind index, for archives whose single index outgrows the memory of an office
 * PC (10,000 study-length articles need over 6 GiB in one index). Pages are split into shards by a
 * hash of their URL; each shard is indexed by a fresh Pagefind service that is closed before the
 * next starts, so the indexer holds one shard at a time. The browser searches them all as Pagefind
 * multisite search: the first bundle is loaded, the others joined with mergeIndex
 * (src/lib/search/load.ts), and every bundle's sidecar lists its own pages.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

export type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

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
  return fs.readdirSync(dist).filter(isBundleDir).sort((a, b) => (a.length - b.length) || a.localeCompare(b));
}

/**
 * Which shard a page belongs to: from its URL alone, so while the number of shards stays the same,
 * adding pages never moves an existing page to another shard.
 */
export function shardOf(url: string, shards: number): number {
  return createHash('sha256').update(url).digest().readUInt32BE(0) % shards;
}

/** How many shards make about `perShard` pages each (the URL hash spreads them within a few per cent); at least one. */
export function shardCount(pages: number, perShard: number): number {
  if (!Number.isInteger(perShard) || perShard < 1) throw new Error(`PAGEFIND_SHARD_PAGES must be a whole number ≥ 1, not ${perShard}`);
  return Math.max(1, Math.ceil(pages / perShard));
}

/**
 * Indexes `pages` in `shards` shards under dist/. For each non-empty shard, `build` gets a new
 * index, the shard's pages, the bundle folder to write to and the pages of the shard after it (to
 * prepare while Pagefind writes this one); the Pagefind service is closed after each shard, which
 * is what frees the indexer's memory. Returns the bundle folders written.
 */
export async function buildShards<P>(
  dist: string,
  pages: readonly P[],
  urlOf: (page: P) => string,
  shards: number,
  build: (index: PagefindIndex, pages: P[], outputPath: string, nextPages: P[] | undefined) => Promise<void>,
  config: Parameters<typeof pagefind.createIndex>[0] = {},
): Promise<string[]> {
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`shards must be a whole number ≥ 1, not ${shards}`);
  const parts: P[][] = Array.from({ length: shards }, () => []);
  for (const page of pages) parts[shardOf(urlOf(page), shards)].push(page);
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

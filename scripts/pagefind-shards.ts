/**
 * Optional sharding of the Pagefind index, for archives whose single index outgrows the memory of
 * an office PC (10,000 study-length articles peak near 6 GiB in one index). Pages are split into
 * shards by a hash of their URL; each shard is indexed by a fresh Pagefind service that is closed
 * before the next starts, so the indexer holds one shard at a time. The browser searches them all
 * as Pagefind multisite search: the first bundle is loaded, the others joined with mergeIndex.
 *
 * Not wired into scripts/pagefind.ts (owned by search): it calls buildShards with its own
 * per-shard work (adding pages, writing files, writing its sidecar), then writeShardList.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** The bundle folder of shard k, beside the site's pages: pagefind/, pagefind-1/, pagefind-2/… */
export function shardDir(k: number): string {
  return k === 0 ? 'pagefind' : `pagefind-${k}`;
}

/**
 * Which shard a page belongs to: from its URL alone, so adding pages never moves an existing page
 * to another shard and an unchanged shard redeploys byte for byte.
 */
export function shardOf(url: string, shards: number): number {
  return createHash('sha256').update(url).digest().readUInt32BE(0) % shards;
}

/** The list the search client reads to know which bundles to merge (dist/pagefind-shards.json). */
export interface ShardList {
  bundles: string[];
}

export const SHARD_LIST = 'pagefind-shards.json';

/**
 * Indexes `pages` in `shards` shards under dist/. For each non-empty shard, `build` gets a new
 * index, the shard's pages and the bundle folder to write to; the Pagefind service is closed after
 * each shard, which is what frees the indexer's memory. Returns the bundle folders written.
 */
export async function buildShards<P>(
  dist: string,
  pages: readonly P[],
  urlOf: (page: P) => string,
  shards: number,
  build: (index: PagefindIndex, pages: P[], outputPath: string) => Promise<void>,
  config: Parameters<typeof pagefind.createIndex>[0] = {},
): Promise<string[]> {
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`shards must be a whole number ≥ 1, not ${shards}`);
  const parts: P[][] = Array.from({ length: shards }, () => []);
  for (const page of pages) parts[shardOf(urlOf(page), shards)].push(page);
  const written: string[] = [];
  for (let k = 0; k < shards; k++) {
    const outputPath = path.join(dist, shardDir(k));
    fs.rmSync(outputPath, { recursive: true, force: true });
    if (parts[k].length === 0) continue;
    const { index, errors } = await pagefind.createIndex(config);
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    try {
      await build(index, parts[k], outputPath);
    } finally {
      await pagefind.close();
    }
    written.push(shardDir(k));
  }
  // Folders of a larger shard count from an earlier build would otherwise be merged too.
  for (const name of fs.readdirSync(dist)) {
    if (/^pagefind-\d+$/.test(name) && !written.includes(name)) fs.rmSync(path.join(dist, name), { recursive: true, force: true });
  }
  return written;
}

/** Writes dist/pagefind-shards.json: the bundles in merge order, the first being the primary. */
export function writeShardList(dist: string, bundles: string[]): void {
  const list: ShardList = { bundles: bundles.map((b) => `${b}/`) };
  fs.writeFileSync(path.join(dist, SHARD_LIST), `${JSON.stringify(list)}\n`);
}

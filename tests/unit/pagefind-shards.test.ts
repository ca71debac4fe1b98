import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildShards,
  byRankKey,
  cutInRankOrder,
  shardCount,
  shardDir,
  type RankKey,
} from '../../scripts/search-index/shards.ts';
import { GOV_REPORTS } from '../helpers/paths.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-shards-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

/** Twelve pages, each a real paragraph of a real report. */
const paragraphs = fs
  .readFileSync(path.join(GOV_REPORTS, '2019年政府工作报告.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 200)
  .slice(0, 12);
const pages = paragraphs.map((text, i) => ({
  url: `/articles/duan-${i + 1}/`,
  date: `2019-03-${String(1 + (i % 4)).padStart(2, '0')}`,
  html: `<!doctype html><html lang="zh-CN"><head><title>第${i + 1}段</title></head><body><main data-pagefind-body><h1>第${i + 1}段</h1><p>${text}</p></main></body></html>`,
}));

describe('sharded Pagefind index', () => {
  it('cuts pages newest first into runs that differ in size by at most one, each no newer than the one before', () => {
    const keys: RankKey[] = [];
    // Dates out of order, repeated, a year alone and undated, as an archive has them.
    for (let i = 0; i < 1001; i++)
      keys.push({
        url: `/articles/wenzhang-${(i * 7919) % 1001}/`,
        date: ['2024-03-05', '2019', '', '1954-09-15', '2019-03-05', '2024'][i % 6],
      });
    const parts = cutInRankOrder(keys, (k) => k, 4);
    expect(parts.map((p) => p.length)).toEqual([251, 250, 250, 250]);
    expect(parts.flat()).toHaveLength(keys.length);
    expect(new Set(parts.flat())).toEqual(new Set(keys));
    // Every page of a shard ranks before every page of the next: the browser can stop after the newest shards.
    for (let k = 0; k + 1 < parts.length; k++)
      expect(byRankKey(parts[k].at(-1)!, parts[k + 1][0])).toBeLessThan(0);
    for (const part of parts)
      for (let i = 0; i + 1 < part.length; i++)
        expect(byRankKey(part[i], part[i + 1])).toBeLessThan(0);
    // Newest first: a full date before the same year alone is not asked for, only string order, as the browser sorts.
    expect(parts[0][0].date).toBe('2024-03-05');
    expect(parts.at(-1)!.at(-1)!.date).toBe('');
    expect(cutInRankOrder(keys, (k) => k, 4)).toEqual(parts);
    expect(cutInRankOrder(keys.slice(0, 2), (k) => k, 3).map((p) => p.length)).toEqual([1, 1, 0]);
    expect(() => cutInRankOrder(keys, (k) => k, 0)).toThrow(/whole number/);
  });

  it('writes one Pagefind bundle per shard holding exactly its pages, and removes bundles of an earlier, larger split', async () => {
    expect(pages).toHaveLength(12);
    fs.mkdirSync(path.join(dist, 'pagefind-7')); // left by a build with more shards
    const seen: string[][] = [];
    const bundles = await buildShards(
      dist,
      pages,
      (p) => p,
      3,
      async (index, part, outputPath) => {
        seen.push(part.map((p) => p.url));
        for (const p of part) {
          const added = await index.addHTMLFile({ url: p.url, content: p.html });
          expect(added.errors).toEqual([]);
        }
        expect((await index.writeFiles({ outputPath })).errors).toEqual([]);
      },
    );
    expect(bundles.length).toBeGreaterThan(1);
    expect(fs.existsSync(path.join(dist, 'pagefind-7'))).toBe(false);
    expect(seen.flat().sort()).toEqual(pages.map((p) => p.url).sort());
    // The first bundle holds the newest pages.
    expect(
      seen[0].map((u) => pages.find((p) => p.url === u)!.date).every((d) => d >= '2019-03-03'),
    ).toBe(true);
    let total = 0;
    bundles.forEach((bundle, i) => {
      const entry = JSON.parse(
        fs.readFileSync(path.join(dist, bundle, 'pagefind-entry.json'), 'utf8'),
      ) as { languages: Record<string, { page_count: number }> };
      const count = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
      expect(count).toBe(seen[i].length);
      total += count;
    });
    expect(total).toBe(12);
    expect(bundles[0]).toBe(shardDir(0));
    expect(bundles).toEqual(bundles.map((_, i) => shardDir(i)));
  });

  it('numbers bundles without gaps when a shard gets no page, so pagefind/ always exists', async () => {
    const two = pages.slice(0, 2);
    const shards = 8;
    const bundles = await buildShards(
      dist,
      two,
      (p) => p,
      shards,
      async (index, part, outputPath) => {
        for (const p of part) await index.addHTMLFile({ url: p.url, content: p.html });
        await index.writeFiles({ outputPath });
      },
    );
    expect(bundles).toEqual(['pagefind', 'pagefind-1']);
    expect(
      fs
        .readdirSync(dist)
        .filter((n) => n.startsWith('pagefind'))
        .sort(),
    ).toEqual(['pagefind', 'pagefind-1']);
  });

  it('asks for as many shards as keep each near the page budget', () => {
    expect(shardCount(0, 2000)).toBe(1);
    expect(shardCount(77, 2000)).toBe(1);
    expect(shardCount(2000, 2000)).toBe(1);
    expect(shardCount(2001, 2000)).toBe(2);
    expect(shardCount(10_007, 2000)).toBe(6);
    expect(() => shardCount(100, 0)).toThrow(/PAGEFIND_SHARD_PAGES/);
  });
});

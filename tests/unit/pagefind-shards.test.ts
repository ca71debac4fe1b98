import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildShards,
  byRankKey,
  cutOldestFirst,
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

/** An archive's rank keys: dates out of order, repeated, a year alone and undated, as an archive has them. */
function archiveKeys(n: number, from = 0): RankKey[] {
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    return {
      url: `/articles/wenzhang-${i}/`,
      date: ['2024-03-05', '2019', '', '1954-09-15', '2019-03-05', '2024'][(i * 7919) % 6],
    };
  });
}

describe('sharded Pagefind index', () => {
  it('cuts pages from the oldest into shards, returned newest first, each no newer than the one before', () => {
    const keys = archiveKeys(1001);
    const parts = cutOldestFirst(keys, (k) => k, 250);
    // 1001 = 4 × 250 + 1: the one left over joins the newest full shard.
    expect(parts.map((p) => p.length)).toEqual([251, 250, 250, 250]);
    expect(new Set(parts.flat())).toEqual(new Set(keys));
    expect(parts.flat()).toHaveLength(keys.length);
    // Every page of a shard ranks before every page of the next: the browser can stop after the newest shards.
    const ranked = parts.flat();
    for (let i = 0; i + 1 < ranked.length; i++)
      expect(byRankKey(ranked[i], ranked[i + 1])).toBeLessThan(0);
    expect(parts[0][0].date).toBe('2024-03-05');
    expect(parts.at(-1)?.at(-1)?.date).toBe('');
    expect(cutOldestFirst(keys, (k) => k, 250)).toEqual(parts);
  });

  it('keeps the newest shard between half and one and a half shards, and a lone shard whole', () => {
    const sizes = (n: number, per: number) =>
      cutOldestFirst(archiveKeys(n), (k) => k, per).map((p) => p.length);
    expect(sizes(1124, 250)).toEqual([374, 250, 250, 250]);
    expect(sizes(1125, 250)).toEqual([125, 250, 250, 250, 250]);
    expect(sizes(100, 250)).toEqual([100]);
    expect(sizes(0, 250)).toEqual([]);
    expect(() => sizes(10, 0)).toThrow(/PAGEFIND_SHARD_PAGES/);
  });

  it('new pages at the newest end change only the newest shard; older shards keep the same pages', () => {
    const before = cutOldestFirst(archiveKeys(1000), (k) => k, 250);
    // An issue a month: new articles dated after everything in the archive.
    const added = archiveKeys(30, 1000).map((k) => ({ ...k, date: '2026-12-01' }));
    const after = cutOldestFirst([...archiveKeys(1000), ...added], (k) => k, 250);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0].slice(0, 30)).toEqual(added.sort((a, b) => byRankKey(a, b)));
  });

  it('writes one Pagefind bundle per shard holding exactly its pages, and removes bundles of an earlier, larger split', async () => {
    expect(pages).toHaveLength(12);
    fs.mkdirSync(path.join(dist, 'pagefind-7')); // left by a build with more shards
    const { dirs: bundles, built: seen } = await buildShards(
      dist,
      cutOldestFirst(pages, (p) => p, 4),
      async ({ pages: part, outputPath, index }) => {
        const pagefind = await index();
        for (const p of part) {
          const added = await pagefind.addHTMLFile({ url: p.url, content: p.html });
          expect(added.errors).toEqual([]);
        }
        expect((await pagefind.writeFiles({ outputPath })).errors).toEqual([]);
        return part.map((p) => p.url);
      },
    );
    expect(bundles).toHaveLength(3);
    expect(fs.existsSync(path.join(dist, 'pagefind-7'))).toBe(false);
    expect(seen.flat().sort()).toEqual(pages.map((p) => p.url).sort());
    // The first bundle holds the newest pages: the three of 4 March and one of 3 March.
    expect(seen[0].map((u) => pages.find((p) => p.url === u)?.date).sort()).toEqual([
      '2019-03-03',
      '2019-03-04',
      '2019-03-04',
      '2019-03-04',
    ]);
    bundles.forEach((bundle, i) => {
      const entry = JSON.parse(
        fs.readFileSync(path.join(dist, bundle, 'pagefind-entry.json'), 'utf8'),
      ) as { languages: Record<string, { page_count: number }> };
      const count = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
      expect(count).toBe(seen[i].length);
    });
    expect(bundles).toEqual(bundles.map((_, i) => shardDir(i)));
  });

  it('starts no Pagefind service for a shard that keeps its bundle', async () => {
    const { dirs } = await buildShards(dist, [pages.slice(0, 2)], async ({ outputPath }) => {
      fs.mkdirSync(outputPath, { recursive: true });
      fs.writeFileSync(path.join(outputPath, 'kept'), '');
    });
    expect(dirs).toEqual(['pagefind']);
    expect(fs.readdirSync(path.join(dist, 'pagefind'))).toEqual(['kept']);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildShards, shardCount, shardDir, shardOf } from '../../scripts/pagefind-shards.ts';
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
  html: `<!doctype html><html lang="zh-CN"><head><title>第${i + 1}段</title></head><body><main data-pagefind-body><h1>第${i + 1}段</h1><p>${text}</p></main></body></html>`,
}));

describe('sharded Pagefind index', () => {
  it('puts a page in the same shard every time, and spreads pages evenly', () => {
    const urls = Array.from({ length: 4000 }, (_, i) => `/articles/wenzhang-${i}/`);
    const counts = [0, 0, 0, 0];
    for (const url of urls) counts[shardOf(url, 4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(urls.map((u) => shardOf(u, 4))).toEqual(urls.map((u) => shardOf(u, 4)));
  });

  it('writes one Pagefind bundle per shard holding exactly its pages, and removes bundles of an earlier, larger split', async () => {
    expect(pages).toHaveLength(12);
    fs.mkdirSync(path.join(dist, 'pagefind-7')); // left by a build with more shards
    const seen: string[][] = [];
    const bundles = await buildShards(dist, pages, (p) => p.url, 3, async (index, part, outputPath) => {
      seen.push(part.map((p) => p.url));
      for (const p of part) {
        const added = await index.addHTMLFile({ url: p.url, content: p.html });
        expect(added.errors).toEqual([]);
      }
      expect((await index.writeFiles({ outputPath })).errors).toEqual([]);
    });
    expect(bundles.length).toBeGreaterThan(1);
    expect(fs.existsSync(path.join(dist, 'pagefind-7'))).toBe(false);
    expect(seen.flat().sort()).toEqual(pages.map((p) => p.url).sort());
    let total = 0;
    bundles.forEach((bundle, i) => {
      const entry = JSON.parse(fs.readFileSync(path.join(dist, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
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
    expect(new Set(two.map((p) => shardOf(p.url, shards))).size).toBe(2);
    const bundles = await buildShards(dist, two, (p) => p.url, shards, async (index, part, outputPath) => {
      for (const p of part) await index.addHTMLFile({ url: p.url, content: p.html });
      await index.writeFiles({ outputPath });
    });
    expect(bundles).toEqual(['pagefind', 'pagefind-1']);
    expect(fs.readdirSync(dist).filter((n) => n.startsWith('pagefind')).sort()).toEqual(['pagefind', 'pagefind-1']);
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

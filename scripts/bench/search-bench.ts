/**
 * npm run bench:search [-- --random 200] [-- --seed 20240305] [-- --cold 10] [-- --warm 40] [-- --dir DIR] [-- --reuse]
 * npm run bench:search -- --n 10000      (the study corpus of `npm run bench` instead of the reports)
 *
 * Our exact-phrase search against default Pagefind, on the same built archive (shipped sources
 * plus ../shared/corpus/gov-work-reports), in headless Chromium: precision and recall of the top
 * ten against Ctrl-F ground truth, cold first-query transfer, warm query time, index size.
 * Prints a table and writes bench-results/search-<time>.json. Goals are reported, not asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tools/chromium.ts';
import { serveDirectory } from '../tools/static-server.ts';
import { buildArchive } from './search/archive.ts';
import { bundleDirs } from '../search-index/shards.ts';
import { readPages, sampleQueries, type Query } from './search/phrases.ts';
import { suggestionCost, type SuggestionCost } from './search/suggestion-cost.ts';
import {
  coldBytes,
  everyResult,
  indexBytes,
  openEngine,
  timedQuery,
  topTen,
  type Engine,
} from './search/browser-runs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOV_REPORTS = path.resolve(root, '../shared/corpus/gov-work-reports');
/** Warm median goal: 100 ms on the small archive, 200 ms at 10,000 articles; large cold ≤ 1.5× small cold. */
const GOALS = {
  precision: 0.99,
  recall: 0.99,
  warmMsSmall: 100,
  warmMsLarge: 200,
  coldLargeOverSmall: 1.5,
};

/** What `npm run bench:search` was asked for (scripts/bench-search.ts reads it from the command line). */
export interface SearchBenchOptions {
  /** Random phrases to ask, besides the political terms. */
  random: number;
  seed: number;
  /** Cold first queries measured per kind of query. */
  cold: number;
  /** Warm queries timed. */
  warm: number;
  /** Work folder of the small archive; the study corpus of N articles goes in `<dir>-n<N>`. */
  dir: string;
  /** Keep an archive already built there. */
  reuse: boolean;
  /** Also measure a study corpus of this many articles; 0 for none. */
  n: number;
}

interface EngineResult {
  precisionAt10: number;
  recallAt10: number;
  firstRight: number;
  byLength: Record<string, { precision: number; recall: number; n: number }>;
  coldBytes: number;
  coldRandomBytes: number;
  coldTermBytes: number;
  warmMedianMs: number;
  warmP90Ms: number;
  indexBytes: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

interface Measured {
  label: string;
  pages: number;
  queries: Query[];
  results: Record<Engine, EngineResult>;
  completeSets: number;
  incomplete: { phrase: string; shown: number; stated: number; relevant: number }[];
  misses: Record<Engine, { phrase: string; missing: string[]; wrong: string[] }[]>;
  suggestions?: SuggestionCost;
}

async function measure(args: SearchBenchOptions, studyArticles: number): Promise<Measured> {
  const warmGoal = studyArticles > 0 ? GOALS.warmMsLarge : GOALS.warmMsSmall;
  const work = path.resolve(studyArticles > 0 ? `${args.dir}-n${studyArticles}` : args.dir);
  console.log(`构建基准资料库 / building the archive in ${work}`);
  const dist = path.join(work, 'dist');
  if (!args.reuse || !fs.existsSync(path.join(dist, 'pagefind-default')))
    buildArchive(root, work, GOV_REPORTS, studyArticles);
  const pages = readPages(dist);
  const queries = sampleQueries(pages, args.random, args.seed);
  const asked = new Set(queries.map((q) => q.phrase));
  const warmQueries = sampleQueries(pages, args.warm * 2, args.seed + 1)
    .filter((q) => q.kind === 'random' && !asked.has(q.phrase))
    .slice(0, args.warm);
  console.log(
    `${pages.length} 篇，${pages.reduce((n, p) => n + p.original.length, 0)} 字；${queries.length} 个检索词`,
  );

  const server = await serveDirectory(dist);
  const browser = await launchChromium();
  const results: Record<Engine, EngineResult> = {} as Record<Engine, EngineResult>;
  let completeSets = 0;
  const incomplete: { phrase: string; shown: number; stated: number; relevant: number }[] = [];
  const misses: Record<Engine, { phrase: string; missing: string[]; wrong: string[] }[]> = {
    ours: [],
    default: [],
  };
  let suggestions: SuggestionCost | undefined;
  try {
    for (const engine of ['ours', 'default'] as Engine[]) {
      const page = await openEngine(browser, server.origin, engine);
      const p: number[] = [];
      const r: number[] = [];
      const first: number[] = [];
      const byLen = new Map<number, { p: number[]; r: number[] }>();
      for (const q of queries) {
        const top = await topTen(page, engine, q.phrase);
        const rel = new Set(q.relevant);
        const right = top.filter((u) => rel.has(u)).length;
        const precision = top.length ? right / top.length : q.relevant.length === 0 ? 1 : 0;
        const recall = right / Math.min(10, q.relevant.length);
        p.push(precision);
        r.push(recall);
        first.push(top[0] && rel.has(top[0]) ? 1 : 0);
        const len = [...q.phrase].length;
        const b = byLen.get(len) ?? { p: [], r: [] };
        b.p.push(precision);
        b.r.push(recall);
        byLen.set(len, b);
        if (precision < 1 || recall < 1)
          misses[engine].push({
            phrase: q.phrase,
            missing: q.relevant.filter((u) => !top.includes(u)).slice(0, 3),
            wrong: top.filter((u) => !rel.has(u)).slice(0, 3),
          });
      }
      const warm: number[] = [];
      // New phrases (not asked before on this page), so their index chunks and fragments are not cached yet.
      for (const q of warmQueries) warm.push(await timedQuery(page, engine, q.phrase));
      if (engine === 'ours') {
        // Beyond the top ten: for the political terms, every result (via "show the rest") must be
        // exactly the Ctrl-F set, and the stated total must match it.
        // At 10,000 articles a common term is on thousands of pages: pressing "show the rest" hundreds
        // of times measures patience, not search, so the complete-set check keeps to terms on ≤ 200 pages.
        for (const q of queries.filter(
          (x) => x.kind === 'term' && (studyArticles === 0 || x.relevant.length <= 200),
        )) {
          const all = await everyResult(page, q.phrase);
          const exact =
            all.urls.length === q.relevant.length &&
            q.relevant.every((u) => all.urls.includes(u)) &&
            all.stated === q.relevant.length;
          if (exact) completeSets += 1;
          else
            incomplete.push({
              phrase: q.phrase,
              shown: all.urls.length,
              stated: all.stated,
              relevant: q.relevant.length,
            });
        }
      }
      await page.context().close();
      // Spread over each kind of query: random phrases are mostly rare, political terms frequent
      // (ten results to fetch, and more index chunks), so the two are reported apart as well.
      const coldOf = async (kind: Query['kind']) => {
        const list = queries.filter((q) => q.kind === kind);
        const step = Math.max(1, Math.floor(list.length / args.cold));
        const bytes: number[] = [];
        for (let i = 0; i < list.length && bytes.length < args.cold; i += step)
          bytes.push(await coldBytes(browser, server, dist, engine, list[i].phrase));
        return bytes;
      };
      const coldRandom = await coldOf('random');
      const coldTerms = await coldOf('term');
      const cold = [...coldRandom, ...coldTerms];
      results[engine] = {
        precisionAt10: mean(p),
        recallAt10: mean(r),
        firstRight: mean(first),
        byLength: Object.fromEntries(
          [...byLen]
            .sort((a, b) => a[0] - b[0])
            .map(([len, v]) => [
              String(len),
              { precision: mean(v.p), recall: mean(v.r), n: v.p.length },
            ]),
        ),
        coldBytes: Math.round(mean(cold)),
        coldRandomBytes: Math.round(mean(coldRandom)),
        coldTermBytes: Math.round(mean(coldTerms)),
        warmMedianMs: quantile(warm, 0.5),
        warmP90Ms: quantile(warm, 0.9),
        // Ours: every bundle of a sharded index.
        indexBytes: (engine === 'ours' ? bundleDirs(dist) : ['pagefind-default']).reduce(
          (n, b) => n + indexBytes(path.join(dist, b)),
          0,
        ),
      };
    }
    suggestions = await suggestionCost(browser, server, dist, queries, pages);
    console.log(`\n您是不是要找 / did-you-mean: ${JSON.stringify(suggestions)}`);
  } finally {
    await browser.close();
    await server.close();
  }

  const o = results.ours;
  const d = results.default;
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const rows: [string, string, string, string][] = [
    [
      'P@10',
      o.precisionAt10.toFixed(3),
      d.precisionAt10.toFixed(3),
      `≥ ${GOALS.precision} ${o.precisionAt10 >= GOALS.precision ? '✓' : '✗'}`,
    ],
    [
      'R@10',
      o.recallAt10.toFixed(3),
      d.recallAt10.toFixed(3),
      `≥ ${GOALS.recall} ${o.recallAt10 >= GOALS.recall ? '✓' : '✗'}`,
    ],
    ['首条正确 first right', o.firstRight.toFixed(3), d.firstRight.toFixed(3), ''],
    [
      '冷启动首次检索传输 cold first query',
      kb(o.coldBytes),
      kb(d.coldBytes),
      `≤ default ${o.coldBytes <= d.coldBytes ? '✓' : '✗'}`,
    ],
    ['  随机短语 random phrases', kb(o.coldRandomBytes), kb(d.coldRandomBytes), ''],
    ['  政治术语 political terms', kb(o.coldTermBytes), kb(d.coldTermBytes), ''],
    [
      '热检索中位数 warm median',
      `${o.warmMedianMs.toFixed(0)} ms`,
      `${d.warmMedianMs.toFixed(0)} ms`,
      `≤ ${warmGoal} ms ${o.warmMedianMs <= warmGoal ? '✓' : '✗'}`,
    ],
    ['热检索 p90 warm p90', `${o.warmP90Ms.toFixed(0)} ms`, `${d.warmP90Ms.toFixed(0)} ms`, ''],
    ['索引大小 index size', kb(o.indexBytes), kb(d.indexBytes), ''],
    [
      '全部结果 = Ctrl-F (terms, all pages)',
      `${completeSets}/${completeSets + incomplete.length}`,
      '',
      incomplete.length === 0 ? '✓' : '✗',
    ],
  ];
  console.log(
    `\n${pages.length} pages, ${queries.length} queries (${queries.filter((q) => q.kind === 'term').length} political terms), seed ${args.seed}\n`,
  );
  console.log(['指标 metric', '本项目 ours', '默认 Pagefind', '目标 goal'].join(' | '));
  console.log('--- | --- | --- | ---');
  for (const row of rows) console.log(row.join(' | '));
  console.log('\nP@10 / R@10 by phrase length (ours | default):');
  for (const len of Object.keys(o.byLength))
    console.log(
      `  ${len} 字 (n=${o.byLength[len].n}): ${o.byLength[len].precision.toFixed(2)}/${o.byLength[len].recall.toFixed(2)} | ${d.byLength[len].precision.toFixed(2)}/${d.byLength[len].recall.toFixed(2)}`,
    );
  if (misses.ours.length > 0)
    console.log('\nours, imperfect queries:', JSON.stringify(misses.ours.slice(0, 10), null, 1));
  if (incomplete.length > 0)
    console.log(
      '\nours, incomplete result sets:',
      JSON.stringify(incomplete.slice(0, 10), null, 1),
    );

  return {
    label: studyArticles > 0 ? `${studyArticles} study articles` : 'shipped + reports',
    pages: pages.length,
    queries,
    results,
    completeSets,
    incomplete,
    misses,
    suggestions,
  };
}

export async function runSearchBench(args: SearchBenchOptions): Promise<void> {
  const started = process.cpuUsage();
  const runs = [await measure(args, 0)];
  if (args.n > 0) runs.push(await measure(args, args.n));
  if (runs.length === 2) {
    const [small, large] = runs.map((r) => r.results.ours.coldBytes);
    const ratio = large / small;
    console.log(
      `\n冷启动传输 ${runs[1].pages} 篇 / ${runs[0].pages} 篇 cold large/small: ${ratio.toFixed(2)}× (goal ≤ ${GOALS.coldLargeOverSmall}× ${ratio <= GOALS.coldLargeOverSmall ? '✓' : '✗'}); default Pagefind ${(runs[1].results.default.coldBytes / runs[0].results.default.coldBytes).toFixed(2)}×`,
    );
  }
  const cpu = process.cpuUsage(started);
  const load = os.loadavg();
  console.log(
    `本进程 CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s（浏览器另计）；负载 load average ${load.map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores: timings are noisy on a shared machine`,
  );
  const outDir = path.join(root, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      { date: new Date().toISOString(), seed: args.seed, goals: GOALS, loadAverage: load, runs },
      null,
      1,
    ),
  );
  console.log(`\n→ ${path.relative(root, file)}`);
}

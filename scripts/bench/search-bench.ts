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
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tools/chromium.ts';
import { serveDirectory, type StaticServer } from '../tools/static-server.ts';
import { buildArchive } from './search/archive.ts';
import { bundleDirs } from '../search-index/shards.ts';
import { NEWEST_BUNDLE, SUMMARY_FILES } from '../../src/core/search/bundle-files.ts';
import { readPages, sampleQueries, type PageText, type Query } from './search/phrases.ts';
import { suggestionCost, type SuggestionCost } from './search/suggestion-cost.ts';
import {
  coldQuery,
  type ColdQuery,
  everyResult,
  indexBytes,
  openEngine,
  timedQuery,
  topTen,
  type Engine,
} from './search/browser-runs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOV_REPORTS = path.resolve(root, '../shared/corpus/gov-work-reports');
/**
 * Warm median goal: 100 ms on the small archive, 200 ms at 10,000 articles; a cold first query at
 * 10,000 articles within 1.5× the small archive's bytes and time, rare phrases too.
 */
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
  /** Median time from submitting a cold first query to its first results, every query sampled. */
  coldMsMedian: number;
  /** Median bytes and time of a cold first query for a rare phrase: fewer than ten pages hold it. */
  coldRare: { n: number; bytesMedian: number; msMedian: number };
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
  incomplete: Incomplete[];
  misses: Record<Engine, Miss[]>;
  suggestions?: SuggestionCost;
}

type Miss = { phrase: string; missing: string[]; wrong: string[] };
type Incomplete = { phrase: string; shown: number; stated: number; relevant: number };

/** The built archive a run searches, and the phrases it asks. */
interface Archive {
  dist: string;
  pages: PageText[];
  queries: Query[];
  /** Phrases not among `queries`, for the warm timings. */
  warmQueries: Query[];
}

/** Builds the archive (or keeps one built before, with --reuse) and samples the phrases to ask. */
function prepareArchive(args: SearchBenchOptions, studyArticles: number): Archive {
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
  return { dist, pages, queries, warmQueries };
}

/** The top ten of every query against its Ctrl-F ground truth: precision, recall, first right, by phrase length. */
interface TopTenScores {
  p: number[];
  r: number[];
  first: number[];
  byLen: Map<number, { p: number[]; r: number[] }>;
  misses: Miss[];
}

async function scoreTopTen(page: Page, engine: Engine, queries: Query[]): Promise<TopTenScores> {
  const scores: TopTenScores = { p: [], r: [], first: [], byLen: new Map(), misses: [] };
  for (const q of queries) {
    const top = await topTen(page, engine, q.phrase);
    const rel = new Set(q.relevant);
    const right = top.filter((u) => rel.has(u)).length;
    const precision = top.length ? right / top.length : q.relevant.length === 0 ? 1 : 0;
    const recall = right / Math.min(10, q.relevant.length);
    scores.p.push(precision);
    scores.r.push(recall);
    scores.first.push(top[0] && rel.has(top[0]) ? 1 : 0);
    const len = [...q.phrase].length;
    const b = scores.byLen.get(len) ?? { p: [], r: [] };
    b.p.push(precision);
    b.r.push(recall);
    scores.byLen.set(len, b);
    if (precision < 1 || recall < 1)
      scores.misses.push({
        phrase: q.phrase,
        missing: q.relevant.filter((u) => !top.includes(u)).slice(0, 3),
        wrong: top.filter((u) => !rel.has(u)).slice(0, 3),
      });
  }
  return scores;
}

/**
 * Beyond the top ten: for the political terms, every result (via "show the rest") must be exactly
 * the Ctrl-F set, and the stated total must match it. Returns the terms that were not.
 */
async function checkCompleteSets(
  page: Page,
  queries: Query[],
  studyArticles: number,
): Promise<{ completeSets: number; incomplete: Incomplete[] }> {
  let completeSets = 0;
  const incomplete: Incomplete[] = [];
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
  return { completeSets, incomplete };
}

/** A phrase fewer than ten pages hold: every bundle must be searched before its first screen. */
const isRare = (q: Query) => q.relevant.length < 10;

/** Cold first queries, for up to `count` of the queries `chosen` picks, spread over the list. */
async function coldSample(
  run: { browser: Browser; server: StaticServer; dist: string; engine: Engine },
  queries: Query[],
  chosen: (q: Query) => boolean,
  count: number,
): Promise<ColdQuery[]> {
  const list = queries.filter(chosen);
  const step = Math.max(1, Math.floor(list.length / count));
  const out: ColdQuery[] = [];
  for (let i = 0; i < list.length && out.length < count; i += step)
    out.push(await coldQuery(run.browser, run.server, run.dist, run.engine, list[i].phrase));
  return out;
}

/** What one engine scores: the top tens, warm timings, cold transfer, index size. */
function engineResult(
  scores: TopTenScores,
  warm: number[],
  cold: { random: ColdQuery[]; terms: ColdQuery[]; rare: ColdQuery[] },
  indexSize: number,
): EngineResult {
  const bytes = (qs: ColdQuery[]) => qs.map((q) => q.bytes);
  const ms = (qs: ColdQuery[]) => qs.map((q) => q.ms);
  const all = [...cold.random, ...cold.terms];
  return {
    precisionAt10: mean(scores.p),
    recallAt10: mean(scores.r),
    firstRight: mean(scores.first),
    byLength: Object.fromEntries(
      [...scores.byLen]
        .sort((a, b) => a[0] - b[0])
        .map(([len, v]) => [
          String(len),
          { precision: mean(v.p), recall: mean(v.r), n: v.p.length },
        ]),
    ),
    coldBytes: Math.round(mean(bytes(all))),
    coldRandomBytes: Math.round(mean(bytes(cold.random))),
    coldTermBytes: Math.round(mean(bytes(cold.terms))),
    coldMsMedian: Math.round(quantile(ms(all), 0.5)),
    coldRare: {
      n: cold.rare.length,
      bytesMedian: Math.round(quantile(bytes(cold.rare), 0.5)),
      msMedian: Math.round(quantile(ms(cold.rare), 0.5)),
    },
    warmMedianMs: quantile(warm, 0.5),
    warmP90Ms: quantile(warm, 0.9),
    indexBytes: indexSize,
  };
}

/** Everything measured of both engines on one archive, before it is printed. */
interface EngineRuns {
  results: Record<Engine, EngineResult>;
  completeSets: number;
  incomplete: Incomplete[];
  misses: Record<Engine, Miss[]>;
  suggestions?: SuggestionCost;
}

/** Both engines in turn in one browser, then the did-you-mean cost. */
async function runEngines(
  args: SearchBenchOptions,
  studyArticles: number,
  archive: Archive,
): Promise<EngineRuns> {
  const { dist, pages, queries, warmQueries } = archive;
  const server = await serveDirectory(dist);
  const browser = await launchChromium();
  const runs: EngineRuns = {
    results: {} as Record<Engine, EngineResult>,
    completeSets: 0,
    incomplete: [],
    misses: { ours: [], default: [] },
  };
  try {
    for (const engine of ['ours', 'default'] as Engine[]) {
      const page = await openEngine(browser, server.origin, engine);
      const scores = await scoreTopTen(page, engine, queries);
      runs.misses[engine].push(...scores.misses);
      const warm: number[] = [];
      // New phrases (not asked before on this page), so their index chunks and fragments are not cached yet.
      for (const q of warmQueries) warm.push(await timedQuery(page, engine, q.phrase));
      if (engine === 'ours') {
        const sets = await checkCompleteSets(page, queries, studyArticles);
        runs.completeSets += sets.completeSets;
        runs.incomplete.push(...sets.incomplete);
      }
      await page.context().close();
      // Spread over each kind of query: random phrases are mostly rare, political terms frequent
      // (ten results to fetch, and more index chunks), so the two are reported apart as well.
      const run = { browser, server, dist, engine };
      const random = await coldSample(run, queries, (q) => q.kind === 'random', args.cold);
      const terms = await coldSample(run, queries, (q) => q.kind === 'term', args.cold);
      const rare = await coldSample(run, queries, isRare, args.cold);
      // Ours: every bundle of a sharded index.
      const indexSize = (engine === 'ours' ? bundleDirs(dist) : ['pagefind-default']).reduce(
        (n, b) => n + indexBytes(path.join(dist, b)),
        0,
      );
      runs.results[engine] = engineResult(scores, warm, { random, terms, rare }, indexSize);
    }
    runs.suggestions = await suggestionCost(browser, server, dist, queries, pages);
    console.log(`\n您是不是要找 / did-you-mean: ${JSON.stringify(runs.suggestions)}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return runs;
}

/** The table of both engines against the goals, by phrase length, and the imperfect queries. */
function printComparison(
  args: SearchBenchOptions,
  warmGoal: number,
  archive: Archive,
  runs: EngineRuns,
): void {
  const { pages, queries } = archive;
  const { completeSets, incomplete, misses } = runs;
  const o = runs.results.ours;
  const d = runs.results.default;
  console.log(
    `\n${pages.length} pages, ${queries.length} queries (${queries.filter((q) => q.kind === 'term').length} political terms), seed ${args.seed}\n`,
  );
  console.log(['指标 metric', '本项目 ours', '默认 Pagefind', '目标 goal'].join(' | '));
  console.log('--- | --- | --- | ---');
  for (const row of comparisonRows(o, d, warmGoal, completeSets, incomplete.length))
    console.log(row.join(' | '));
  const newest = path.join(archive.dist, NEWEST_BUNDLE);
  const size = (name: string) => fs.statSync(path.join(newest, name)).size;
  if (fs.existsSync(path.join(newest, SUMMARY_FILES.json)))
    console.log(
      `\n分片摘要 shard summary: ${kb(size(SUMMARY_FILES.json))}, gzip ${kb(size(SUMMARY_FILES.gz))}`,
    );
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
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** The table's rows: metric, ours, default Pagefind, goal (a table of data). */
function comparisonRows(
  o: EngineResult,
  d: EngineResult,
  warmGoal: number,
  completeSets: number,
  incompleteSets: number,
): [string, string, string, string][] {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return [
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
    ['冷启动首屏用时中位数 cold first screen, median', ms(o.coldMsMedian), ms(d.coldMsMedian), ''],
    [
      `罕见短语（不足十篇）中位数 rare phrases, median (n=${o.coldRare.n})`,
      `${kb(o.coldRare.bytesMedian)}, ${ms(o.coldRare.msMedian)}`,
      `${kb(d.coldRare.bytesMedian)}, ${ms(d.coldRare.msMedian)}`,
      '',
    ],
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
      `${completeSets}/${completeSets + incompleteSets}`,
      '',
      incompleteSets === 0 ? '✓' : '✗',
    ],
  ];
}

/** One archive: build it, run both engines, print the comparison. */
async function measure(args: SearchBenchOptions, studyArticles: number): Promise<Measured> {
  const warmGoal = studyArticles > 0 ? GOALS.warmMsLarge : GOALS.warmMsSmall;
  const archive = prepareArchive(args, studyArticles);
  const runs = await runEngines(args, studyArticles, archive);
  printComparison(args, warmGoal, archive, runs);
  return {
    label: studyArticles > 0 ? `${studyArticles} study articles` : 'shipped + reports',
    pages: archive.pages.length,
    queries: archive.queries,
    results: runs.results,
    completeSets: runs.completeSets,
    incomplete: runs.incomplete,
    misses: runs.misses,
    suggestions: runs.suggestions,
  };
}

/** The cold first query at N articles over the small archive's: bytes and time, all and rare phrases. */
function largeOverSmall(small: Measured, large: Measured): string[] {
  const [s, l] = [small.results.ours, large.results.ours];
  const ratios: [string, number, number][] = [
    ['传输 bytes (mean)', s.coldBytes, l.coldBytes],
    ['首屏用时 time (median)', s.coldMsMedian, l.coldMsMedian],
    ['罕见短语传输 rare bytes (median)', s.coldRare.bytesMedian, l.coldRare.bytesMedian],
    ['罕见短语用时 rare time (median)', s.coldRare.msMedian, l.coldRare.msMedian],
  ];
  const goal = GOALS.coldLargeOverSmall;
  return [
    `\n冷启动 ${large.pages} 篇 / ${small.pages} 篇 cold large/small (goal ≤ ${goal}×):`,
    ...ratios.map(([label, a, b]) => {
      const ratio = b / Math.max(1, a);
      return `  ${label}: ${ratio.toFixed(2)}× ${ratio <= goal ? '✓' : '✗'}`;
    }),
    `  默认 Pagefind default, bytes: ${(large.results.default.coldBytes / Math.max(1, small.results.default.coldBytes)).toFixed(2)}×`,
  ];
}

export async function runSearchBench(args: SearchBenchOptions): Promise<void> {
  const started = process.cpuUsage();
  const runs = [await measure(args, 0)];
  if (args.n > 0) runs.push(await measure(args, args.n));
  if (runs.length === 2) for (const line of largeOverSmall(runs[0], runs[1])) console.log(line);
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

/**
 * npm run bench [-- --n 1000 --n 10000] [-- --copies 10] [-- --dir /tmp/bench] [-- --keep]
 * (by default both sizes and the report corpus ×10: about eight minutes on two cores)
 *
 * Builds generated archives of N study-length articles (and the report corpus copied --copies
 * times) from the real government work reports, and times each stage the way `npm run build` runs
 * it: ingest, astro build, Pagefind. Each stage's wall time and the peak memory of its whole
 * process tree are printed as a table and written to bench-results/. Also times ingest re-run with
 * nothing changed and with one source changed, which must convert only that source.
 * The articles are .mdx; after the full build the same articles are built again as .md (renamed),
 * so the astro-build CPU of MDX and of plain Markdown are compared on one archive in one run.
 * --mdx-paths also builds them through the other MDX paths Astro offers (optimize off, no worker
 * threads, the Sätteri processor) and prints each one's astro-build figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type Measurement } from './measure-tree.ts';
import { writeCorpusCopies, writeStudySources } from './study-corpus.ts';
import { bundleDirs } from '../search-index/shards.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOV_REPORTS = path.resolve(root, '../shared/corpus/gov-work-reports');
const GiB = 1024 ** 3;

/** What the issue asks of the largest archive. */
const GOALS = { rerunSeconds: 5, fullBuildSeconds: 150, fullBuildBytes: 3 * GiB, mdxOverMd: 1.5 };

/** The MDX paths --mdx-paths times besides the site's own (unified on worker threads, optimize on), set through astro.config.mjs. */
const OTHER_MDX_PATHS: { name: string; env: Record<string, string> }[] = [
  { name: 'unified, optimize off', env: { MDX_OPTIMIZE: '0' } },
  { name: 'unified, main thread only', env: { MARKDOWN_THREADS: '1' } },
  { name: 'unified, main thread, optimize off', env: { MARKDOWN_THREADS: '1', MDX_OPTIMIZE: '0' } },
  {
    name: "satteri, optimize on (without the site's rehype plugins)",
    env: { MDX_PROCESSOR: 'satteri' },
  },
];

/** What `npm run bench` was asked to measure (scripts/bench.ts reads it from the command line). */
export interface BuildBenchOptions {
  /** Generated archives of this many study articles; none for 0. */
  sizes: number[];
  /** The report corpus copied this many times; none for 0. */
  copies: number;
  dir: string;
  keep: boolean;
  /** Extra V8 flags for astro build, e.g. --max-old-space-size=8192. */
  astroNodeOptions?: string;
  /** Also time the other MDX paths (OTHER_MDX_PATHS) on each archive. */
  mdxPaths: boolean;
}

interface Stage {
  stage: string;
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
  note?: string;
  /** One-minute load average when the stage ended. */
  load?: number;
}

interface Scenario {
  name: string;
  sources: number;
  articles: number;
  characters: number;
  stages: Stage[];
  fullBuild: { seconds: number; cpuSeconds: number; peakBytes: number };
  /** astro build of the same articles as .mdx (the site) and as .md, and through other MDX paths. */
  astroBuilds: { path: string; seconds: number; cpuSeconds: number; peakBytes: number }[];
  rerunSeconds: number;
  rerunConverted: number;
  oneChange: { converted: number; written: number };
  distBytes: number;
  pagefindBytes: number;
}

/** "(3 converted, 997 unchanged, 3 written, 0 removed)" from ingest's summary line. */
function ingestSummary(stdout: string): {
  sources: number;
  articles: number;
  converted: number;
  written: number;
  removed: number;
} {
  const m =
    /ingested (\d+) sources → (\d+) articles .*\((\d+) converted, \d+ unchanged, (\d+) written, (\d+) removed\)/.exec(
      stdout,
    );
  if (!m) throw new Error(`ingest printed no summary line:\n${stdout}`);
  return { sources: +m[1], articles: +m[2], converted: +m[3], written: +m[4], removed: +m[5] };
}

function check(run: Measurement, what: string): Measurement {
  if (run.exitCode !== 0)
    throw new Error(
      `${what} failed (exit ${run.exitCode}):\n${run.stderr.slice(-4000)}\n${run.stdout.slice(-2000)}`,
    );
  return run;
}

function duBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  return total;
}

/** Pages in the Pagefind index (all bundles, all languages), from the entry files the search client reads first. */
function indexedPages(dist: string): { pages: number; bundles: number } | undefined {
  try {
    const bundles = bundleDirs(dist);
    let pages = 0;
    for (const b of bundles) {
      const entry = JSON.parse(
        fs.readFileSync(path.join(dist, b, 'pagefind-entry.json'), 'utf8'),
      ) as { languages: Record<string, { page_count: number }> };
      pages += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    }
    return bundles.length > 0 ? { pages, bundles: bundles.length } : undefined;
  } catch {
    return undefined;
  }
}

function bodyCharacters(articlesDir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(articlesDir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.mdx?$/.test(e.name)) continue;
    const m = /^characters: (\d+)$/m.exec(fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
    total += m ? +m[1] : 0;
  }
  return total;
}

/**
 * A private copy of the project (code, pages, vocabularies; node_modules linked) that every stage
 * runs from. A run takes many minutes on a checkout others work in: an edit to the pipeline would
 * change its fingerprint between the first ingest and the re-runs, a half-saved page would fail the
 * build, and Astro writes generated modules into <root>/.astro/, which parallel builds of other
 * article folders overwrite.
 */
function freezeProject(base: string): string {
  const frozen = path.join(base, 'project');
  fs.rmSync(frozen, { recursive: true, force: true });
  for (const rel of [
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'src',
    'scripts',
    'public',
  ]) {
    if (fs.existsSync(path.join(root, rel)))
      fs.cpSync(path.join(root, rel), path.join(frozen, rel), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(frozen, 'node_modules'));
  return frozen;
}

let frozen = root;

async function runScenario(
  options: BuildBenchOptions,
  name: string,
  fill: (sourcesDir: string) => void,
): Promise<Scenario> {
  const dir = path.join(options.dir, name);
  const sources = path.join(dir, 'sources');
  const articles = path.join(dir, 'articles');
  const dist = path.join(dir, 'dist');
  const cache = path.join(dir, 'ingest-manifest.json');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(sources, { recursive: true });
  fill(sources);
  console.log(`\n== ${name}: sources in ${sources}`);

  const node = process.execPath;
  const ingestArgs = [
    path.join(frozen, 'scripts/ingest.ts'),
    '--sources',
    sources,
    '--out',
    articles,
    '--cache',
    cache,
  ];
  const stages: Stage[] = [];
  const log = (s: Stage) => {
    // Other work on this 2-core machine slows a stage down; the load says how much there was.
    s.load = Number(os.loadavg()[0].toFixed(2));
    stages.push(s);
    console.log(
      `  ${s.stage}: ${s.seconds.toFixed(1)} s (CPU ${s.cpuSeconds.toFixed(1)} s), peak ${(s.peakBytes / GiB).toFixed(2)} GiB${s.note ? ` (${s.note})` : ''}`,
    );
  };

  const cold = check(await measure(node, ingestArgs, { cwd: root }), 'ingest');
  const coldSummary = ingestSummary(cold.stdout);
  log({
    stage: 'ingest',
    seconds: cold.seconds,
    cpuSeconds: cold.cpuSeconds,
    peakBytes: cold.peakBytes,
    note: `${coldSummary.converted} converted`,
  });

  const rerun = check(await measure(node, ingestArgs, { cwd: root }), 'ingest re-run');
  const rerunSummary = ingestSummary(rerun.stdout);
  log({
    stage: 'ingest again, nothing changed',
    seconds: rerun.seconds,
    cpuSeconds: rerun.cpuSeconds,
    peakBytes: rerun.peakBytes,
    note: `${rerunSummary.converted} converted, ${rerunSummary.written} written`,
  });

  // Change one source in the middle of the archive: a sentence added to its last paragraph.
  const all = fs
    .readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const victim = all[Math.floor(all.length / 2)];
  fs.writeFileSync(
    victim,
    `${fs.readFileSync(victim, 'utf8').trimEnd()}这是基准测试加上的一句话。\n`,
  );
  const one = check(await measure(node, ingestArgs, { cwd: root }), 'ingest after one change');
  const oneSummary = ingestSummary(one.stdout);
  log({
    stage: 'ingest again, one source changed',
    seconds: one.seconds,
    cpuSeconds: one.cpuSeconds,
    peakBytes: one.peakBytes,
    note: `${oneSummary.converted} converted, ${oneSummary.written} written`,
  });

  // A cold site build: no output and no Astro cache from an earlier run.
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(`${dist}-cache`, { recursive: true, force: true });
  // The index is timed as a stage of its own below, so astro build leaves it out (SEARCH_INDEX=off).
  const env = {
    ...process.env,
    ARTICLES_DIR: articles,
    DIST_DIR: dist,
    ASTRO_TELEMETRY_DISABLED: '1',
    SEARCH_INDEX: 'off',
  };
  const astroEnv = options.astroNodeOptions
    ? {
        ...env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${options.astroNodeOptions}`.trim(),
      }
    : env;
  // Astro writes its prerender chunks under the working directory's .astro/ when outDir lies outside
  // it, where parallel builds overwrite each other's: run it from the scenario folder instead, with
  // node_modules linked there so the chunks in dist/.prerender resolve their packages.
  if (!fs.existsSync(path.join(dir, 'node_modules')))
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  // Each a cold site build: no output and no Astro cache from an earlier run.
  const astroBuild = async (what: string, extraEnv: Record<string, string> = {}) => {
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(`${dist}-cache`, { recursive: true, force: true });
    return check(
      await measure(
        node,
        [path.join(frozen, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', frozen],
        { cwd: dir, env: { ...astroEnv, ...extraEnv } },
      ),
      what,
    );
  };
  const astro = await astroBuild('astro build');
  log({
    stage: 'astro build',
    seconds: astro.seconds,
    cpuSeconds: astro.cpuSeconds,
    peakBytes: astro.peakBytes,
    note: ['articles as .mdx', options.astroNodeOptions].filter(Boolean).join(', '),
  });

  const pagefind = check(
    await measure(node, [path.join(frozen, 'scripts/search-index.ts')], { cwd: frozen, env }),
    'pagefind',
  );
  const indexed = indexedPages(dist);
  log({
    stage: 'pagefind',
    seconds: pagefind.seconds,
    cpuSeconds: pagefind.cpuSeconds,
    peakBytes: pagefind.peakBytes,
    note:
      indexed === undefined
        ? undefined
        : `${indexed.pages} pages indexed in ${indexed.bundles} bundle${indexed.bundles > 1 ? 's' : ''}`,
  });
  const distBytes = duBytes(dist);
  const pagefindBytes = bundleDirs(dist).reduce((n, b) => n + duBytes(path.join(dist, b)), 0);
  const astroBuilds: Scenario['astroBuilds'] = [
    {
      path: 'mdx: unified on workers, optimize on (the site)',
      seconds: astro.seconds,
      cpuSeconds: astro.cpuSeconds,
      peakBytes: astro.peakBytes,
    },
  ];

  // The same articles as plain Markdown: same text, same processor and plugins, no module per article.
  for (const e of fs.readdirSync(articles, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.mdx'))
      fs.renameSync(
        path.join(e.parentPath, e.name),
        path.join(e.parentPath, e.name.replace(/\.mdx$/, '.md')),
      );
  }
  const md = await astroBuild('astro build (.md)', { ARTICLES_EXTENSION: 'md' });
  log({
    stage: 'astro build, same articles as .md',
    seconds: md.seconds,
    cpuSeconds: md.cpuSeconds,
    peakBytes: md.peakBytes,
    note: `MDX/MD CPU ${(astro.cpuSeconds / md.cpuSeconds).toFixed(2)}×`,
  });
  astroBuilds.push({
    path: 'md: unified on workers',
    seconds: md.seconds,
    cpuSeconds: md.cpuSeconds,
    peakBytes: md.peakBytes,
  });

  if (options.mdxPaths) {
    for (const e of fs.readdirSync(articles, { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.md'))
        fs.renameSync(path.join(e.parentPath, e.name), path.join(e.parentPath, `${e.name}x`));
    }
  }
  for (const other of options.mdxPaths ? OTHER_MDX_PATHS : []) {
    const run = await astroBuild(`astro build (${other.name})`, other.env);
    log({
      stage: `astro build, mdx: ${other.name}`,
      seconds: run.seconds,
      cpuSeconds: run.cpuSeconds,
      peakBytes: run.peakBytes,
    });
    astroBuilds.push({
      path: `mdx: ${other.name}`,
      seconds: run.seconds,
      cpuSeconds: run.cpuSeconds,
      peakBytes: run.peakBytes,
    });
  }

  const scenario: Scenario = {
    name,
    sources: coldSummary.sources,
    articles: coldSummary.articles,
    characters: bodyCharacters(articles),
    stages,
    fullBuild: {
      seconds: cold.seconds + astro.seconds + pagefind.seconds,
      cpuSeconds: cold.cpuSeconds + astro.cpuSeconds + pagefind.cpuSeconds,
      peakBytes: Math.max(cold.peakBytes, astro.peakBytes, pagefind.peakBytes),
    },
    astroBuilds,
    rerunSeconds: rerun.seconds,
    rerunConverted: rerunSummary.converted,
    oneChange: { converted: oneSummary.converted, written: oneSummary.written },
    distBytes,
    pagefindBytes,
  };
  if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  return scenario;
}

function table(scenarios: Scenario[]): string {
  const rows = [['archive', 'stage', 'wall s', 'CPU s', 'peak GiB', 'load', 'note']];
  for (const s of scenarios) {
    for (const st of s.stages)
      rows.push([
        s.name,
        st.stage,
        st.seconds.toFixed(1),
        st.cpuSeconds.toFixed(1),
        (st.peakBytes / GiB).toFixed(2),
        String(st.load ?? ''),
        st.note ?? '',
      ]);
    rows.push([
      s.name,
      'FULL BUILD (ingest + astro + pagefind)',
      s.fullBuild.seconds.toFixed(1),
      s.fullBuild.cpuSeconds.toFixed(1),
      (s.fullBuild.peakBytes / GiB).toFixed(2),
      '',
      `${s.articles} articles, ${(s.characters / 1e6).toFixed(1)} M chars, dist ${(s.distBytes / 1024 ** 2).toFixed(0)} MiB, index ${(s.pagefindBytes / 1024 ** 2).toFixed(0)} MiB`,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map(
      (r, k) =>
        `| ${r.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |${k === 0 ? `\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : ''}`,
    )
    .join('\n');
}

function goals(scenarios: Scenario[]): string[] {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  for (const s of scenarios) {
    const md = s.astroBuilds.find((b) => b.path.startsWith('md:'))!;
    for (const b of s.astroBuilds.filter((x) => x.path.startsWith('mdx:'))) {
      const ratio = b.cpuSeconds / md.cpuSeconds;
      lines.push(
        `${mark(ratio <= GOALS.mdxOverMd)} ${s.name}: astro build CPU, ${b.path} ${b.cpuSeconds.toFixed(1)} s vs .md ${md.cpuSeconds.toFixed(1)} s = ${ratio.toFixed(2)}× (goal ≤ ${GOALS.mdxOverMd}×); wall ${b.seconds.toFixed(1)} s, peak ${(b.peakBytes / GiB).toFixed(2)} GiB`,
      );
    }
    lines.push(
      `${mark(s.rerunConverted === 0)} ${s.name}: ingest with nothing changed → ${s.rerunConverted} converted (goal 0)`,
    );
    lines.push(
      `${mark(s.oneChange.converted === 1 && s.oneChange.written === 1)} ${s.name}: one changed source → ${s.oneChange.converted} converted, ${s.oneChange.written} written (goal 1, 1)`,
    );
    if (s.articles >= 10_000) {
      lines.push(
        `${mark(s.rerunSeconds <= GOALS.rerunSeconds)} ${s.name}: ingest with nothing changed ${s.rerunSeconds.toFixed(1)} s (goal ≤ ${GOALS.rerunSeconds} s)`,
      );
      lines.push(
        `${mark(s.fullBuild.seconds <= GOALS.fullBuildSeconds)} ${s.name}: full build ${s.fullBuild.seconds.toFixed(0)} s (goal ≤ ${GOALS.fullBuildSeconds} s)`,
      );
      lines.push(
        `${mark(s.fullBuild.peakBytes <= GOALS.fullBuildBytes)} ${s.name}: full build peak ${(s.fullBuild.peakBytes / GiB).toFixed(2)} GiB (goal ≤ ${GOALS.fullBuildBytes / GiB} GiB)`,
      );
    }
  }
  return lines;
}

export async function runBuildBench(options: BuildBenchOptions): Promise<void> {
  const ns = options.sizes.filter((n) => n !== 0);
  const copies = options.copies;
  if (ns.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(copies) || copies < 0)
    throw new Error('--n and --copies take whole numbers');
  if (!fs.existsSync(GOV_REPORTS)) throw new Error(`the report corpus is missing: ${GOV_REPORTS}`);

  fs.mkdirSync(options.dir, { recursive: true });
  frozen = freezeProject(options.dir);
  const scenarios: Scenario[] = [];
  const failures: string[] = [];
  // The shipped sources come along: the site names some of their pages (study sessions) by address.
  const shipped = path.join(frozen, 'src/content/sources');
  const plans: [string, (dir: string) => void][] = ns.map((n) => [
    `n${n}`,
    (dir) => {
      fs.cpSync(shipped, dir, { recursive: true });
      writeStudySources(GOV_REPORTS, dir, n);
    },
  ]);
  if (copies > 0)
    plans.push([
      `corpus-x${copies}`,
      (dir) => void writeCorpusCopies([shipped, GOV_REPORTS], dir, copies),
    ]);
  for (const [name, fill] of plans) {
    // One archive failing (out of memory, say) is itself a result; the others still run.
    try {
      scenarios.push(await runScenario(options, name, fill));
    } catch (error) {
      console.error(`✗ ${name}: ${(error as Error).message}`);
      failures.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  console.log(
    `\n${machine.cpus} cores, ${(machine.memoryBytes / GiB).toFixed(0)} GiB, Node ${machine.node}\n`,
  );
  console.log(table(scenarios));
  console.log('');
  for (const line of goals(scenarios)) console.log(line);
  for (const f of failures) console.log(`✗ ${f}`);
  console.log(
    'Starlight 0.37 (Astro 5), 88 documents ×10 = 880 pages: 60.4 s; Pagefind peak 4.7 GiB (5.7 GiB with node).',
  );

  const outDir = path.join(root, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine, goals: GOALS, scenarios, failures }, null, 2)}\n`,
  );
  console.log(`\nwritten ${path.relative(root, file)}`);
  if (failures.length > 0) process.exitCode = 1;
}

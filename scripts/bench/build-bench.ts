/**
 * npm run bench [-- --n 1000 --n 10000] [-- --copies 10] [-- --dir /tmp/bench] [-- --keep]
 * (by default both sizes and the report corpus ×10)
 *
 * Builds generated archives of N study-length articles (and the report corpus copied --copies
 * times) from the real government work reports, the way an editor does: a project with the sources
 * in src/content/sources, `npm run build` (ingest, astro build and the index in one process tree),
 * then one new four-article journal issue and `npm run build` again. Wall time, CPU and the peak
 * memory of the whole process tree are printed as a table and written to bench-results/. Also times
 * ingest re-run with nothing changed and with one source changed (which must convert only that
 * source), and astro build alone of the same articles as .mdx and renamed to .md, from a cold cache.
 * With --copies, Starlight builds the same documents too (starlight-build.ts), measured the same way,
 * and the table and the goals give our `npm run build` ÷ Starlight's build, wall time and peak.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { environment } from '../../src/site/environment.ts';
import { fileURLToPath } from 'node:url';
import { measure, type Measurement } from './measure-tree.ts';
import { writeCorpusCopies, writeJournalIssue, writeStudySources } from './study-corpus.ts';
import { bundleDirs } from '../search-index/shards.ts';
import { runStarlightBench, type StarlightRun } from './starlight-build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOV_REPORTS = path.resolve(root, '../shared/corpus/gov-work-reports');
const GiB = 1024 ** 3;

/** What issue 22 asks of the 10,000-article archive. */
const GOALS = {
  rerunSeconds: 5,
  fullBuildSeconds: 120,
  fullBuildBytes: 2 * GiB,
  mdxOverMd: 1.2,
  addIssueOverFull: 0.3,
  /** Our `npm run build` of the corpus copies ÷ Starlight's build of the same documents, wall and peak. */
  overStarlight: 0.4,
};

/** What `npm run bench` was asked to measure (scripts/bench.ts reads it from the command line). */
export interface BuildBenchOptions {
  /** Generated archives of this many study articles; none for 0. */
  sizes: number[];
  /** The report corpus copied this many times; none for 0. */
  copies: number;
  dir: string;
  keep: boolean;
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
  /** `npm run build` on a fresh clone with the sources. */
  fullBuild: Stage;
  /** `npm run build` again after one four-article journal issue is added. */
  addIssue: Stage;
  /** astro build alone of the same articles as .mdx (the site) and as .md. */
  astroBuilds: (Stage & { path: string })[];
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

/** One archive's working folders: a copy of the project whose src/content/sources holds its sources. */
interface ScenarioDirs {
  dir: string;
  project: string;
  sources: string;
  articles: string;
}

/** Where a scenario lives: its own project copy (as an editor's clone), sources filled in. */
function scenarioProject(options: BuildBenchOptions, name: string, fill: (dir: string) => void) {
  const dir = path.join(options.dir, name);
  const project = path.join(dir, 'project');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(frozen, project, {
    recursive: true,
    filter: (from) => !/[/\\]src[/\\]content[/\\](sources|articles)$/.test(from),
    verbatimSymlinks: true,
  });
  const dirs: ScenarioDirs = {
    dir,
    project,
    sources: path.join(project, 'src/content/sources'),
    articles: path.join(project, 'src/content/articles'),
  };
  fs.mkdirSync(dirs.sources, { recursive: true });
  fill(dirs.sources);
  console.log(`\n== ${name}: sources in ${dirs.sources}`);
  return dirs;
}

/** The environment every build of a scenario runs with: its output and Astro's cache in its folder. */
function buildEnv(s: ScenarioDirs, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DIST_DIR: path.join(s.project, 'dist'),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

/**
 * `npm run build` in the scenario's project, measured around npm itself: ingest, astro build and the
 * index in one process tree. Falls back to the astro CLI when the bench was not started by npm.
 */
async function npmBuild(s: ScenarioDirs, what: string): Promise<Measurement> {
  const npm = environment.npmCommandLine;
  const args = npm
    ? [npm, 'run', 'build']
    : [path.join(s.project, 'node_modules/astro/bin/astro.mjs'), 'build'];
  return check(await measure(process.execPath, args, { cwd: s.project, env: buildEnv(s) }), what);
}

/** What a build printed about its own stages: ingest's time and stage seconds, the index's time and shards. */
function buildNote(run: Measurement): string {
  const ingest = /ingested .* in ([\d.]+) s/.exec(run.stdout)?.[1];
  const stages = /stage seconds \(all threads\): (.*)/.exec(run.stdout)?.[1];
  const index = /搜索索引：(\d+) 篇，(\d+) 个分片（沿用 (\d+) 个）.*用时 (\d+) ms/.exec(run.stdout);
  return [
    ingest && `ingest ${ingest} s${stages ? ` (CPU s: ${stages})` : ''}`,
    index &&
      `index ${(Number(index[4]) / 1000).toFixed(1)} s (${index[1]} pages, ${index[2]} shards, ${index[3]} kept)`,
  ]
    .filter(Boolean)
    .join(', ');
}

type Log = (s: Stage) => void;

function stageLogger(stages: Stage[]): Log {
  return (s) => {
    // Other work on this 2-core machine slows a stage down; the load says how much there was.
    s.load = Number(os.loadavg()[0].toFixed(2));
    stages.push(s);
    console.log(
      `  ${s.stage}: ${s.seconds.toFixed(1)} s (CPU ${s.cpuSeconds.toFixed(1)} s), peak ${(s.peakBytes / GiB).toFixed(2)} GiB${s.note ? ` (${s.note})` : ''}`,
    );
  };
}

function stageOf(stage: string, run: Measurement, note?: string): Stage {
  return {
    stage,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    peakBytes: run.peakBytes,
    note,
  };
}

/** The editor's cycle: a fresh clone built, then one new four-article journal issue, built again. */
async function timeMonthlyCycle(s: ScenarioDirs, log: Log) {
  const full = await npmBuild(s, 'npm run build');
  log(stageOf('npm run build (fresh clone)', full, buildNote(full)));
  writeJournalIssue(GOV_REPORTS, s.sources, {
    articles: 4,
    number: '2026年第1期',
    date: '2026-12-01',
  });
  const addIssue = await npmBuild(s, 'npm run build after one issue');
  log(
    stageOf(
      'npm run build, one 4-article issue added',
      addIssue,
      `${buildNote(addIssue)}; ${(addIssue.seconds / full.seconds).toFixed(2)}× the full build`,
    ),
  );
  return { full, addIssue };
}

/** Ingest alone, re-run with nothing changed and with one source changed (must convert only it). */
async function timeIngestReruns(s: ScenarioDirs, log: Log) {
  const ingest = () =>
    measure(process.execPath, [path.join(s.project, 'scripts/ingest.ts')], { cwd: s.project });
  const rerun = check(await ingest(), 'ingest re-run');
  const rerunSummary = ingestSummary(rerun.stdout);
  log(
    stageOf(
      'ingest again, nothing changed',
      rerun,
      `${rerunSummary.converted} converted, ${rerunSummary.written} written`,
    ),
  );
  // Change one source in the middle of the archive: a sentence added to its last paragraph.
  const all = fs
    .readdirSync(s.sources, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const victim = all[Math.floor(all.length / 2)];
  fs.writeFileSync(
    victim,
    `${fs.readFileSync(victim, 'utf8').trimEnd()}这是基准测试加上的一句话。\n`,
  );
  const one = check(await ingest(), 'ingest after one change');
  const oneSummary = ingestSummary(one.stdout);
  log(
    stageOf(
      'ingest again, one source changed',
      one,
      `${oneSummary.converted} converted, ${oneSummary.written} written`,
    ),
  );
  return { rerun, rerunSummary, oneSummary };
}

/**
 * astro build alone (no ingest, no index), from a cold cache, of the same articles as .mdx (the
 * site's loader) and renamed to .md (Astro's glob loader, through the bench-only content config
 * md-articles.content.config.ts copied over the project's): the MDX/.md ratio the issue asks for.
 */
async function timeAstroPaths(s: ScenarioDirs, log: Log): Promise<Scenario['astroBuilds']> {
  const dist = path.join(s.dir, 'astro-only');
  const astroBuild = async (what: string) => {
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(`${dist}-cache`, { recursive: true, force: true });
    const env = buildEnv(s, { DIST_DIR: dist, ARTICLES_DIR: s.articles, SEARCH_INDEX: 'off' });
    const astro = path.join(s.project, 'node_modules/astro/bin/astro.mjs');
    return check(await measure(process.execPath, [astro, 'build'], { cwd: s.project, env }), what);
  };
  const mdx = await astroBuild('astro build (.mdx)');
  log(stageOf('astro build alone, articles as .mdx', mdx));
  for (const e of fs.readdirSync(s.articles, { recursive: true, withFileTypes: true }))
    if (e.isFile() && e.name.endsWith('.mdx'))
      fs.renameSync(path.join(e.parentPath, e.name), path.join(e.parentPath, e.name.slice(0, -1)));
  const mdConfig = fs.readFileSync(
    path.join(s.project, 'scripts/bench/md-articles.content.config.ts'),
    'utf8',
  );
  fs.writeFileSync(
    path.join(s.project, 'src/content.config.ts'),
    mdConfig.replaceAll("from '../../src/", "from './"),
  );
  const md = await astroBuild('astro build (.md)');
  log(
    stageOf(
      'astro build alone, same articles as .md',
      md,
      `MDX/MD CPU ${(mdx.cpuSeconds / md.cpuSeconds).toFixed(2)}×, wall ${(mdx.seconds / md.seconds).toFixed(2)}×`,
    ),
  );
  const row = (p: string, r: Measurement) => ({ path: p, ...stageOf(p, r) });
  return [row('mdx: article loader (the site)', mdx), row('md: glob loader', md)];
}

async function runScenario(
  options: BuildBenchOptions,
  name: string,
  fill: (sourcesDir: string) => void,
): Promise<Scenario> {
  const s = scenarioProject(options, name, fill);
  const stages: Stage[] = [];
  const log = stageLogger(stages);
  const { full, addIssue } = await timeMonthlyCycle(s, log);
  const dist = path.join(s.project, 'dist');
  const distBytes = duBytes(dist);
  const pagefindBytes = bundleDirs(dist).reduce((n, b) => n + duBytes(path.join(dist, b)), 0);
  const characters = bodyCharacters(s.articles);
  const articles = countFiles(s.articles, '.mdx');
  const { rerun, rerunSummary, oneSummary } = await timeIngestReruns(s, log);
  const astroBuilds = await timeAstroPaths(s, log);
  if (!options.keep) fs.rmSync(s.dir, { recursive: true, force: true });
  return {
    name,
    sources: rerunSummary.sources,
    articles,
    characters,
    stages,
    fullBuild: stageOf('full', full),
    addIssue: stageOf('add issue', addIssue),
    astroBuilds,
    rerunSeconds: rerun.seconds,
    rerunConverted: rerunSummary.converted,
    oneChange: { converted: oneSummary.converted, written: oneSummary.written },
    distBytes,
    pagefindBytes,
  };
}

function countFiles(dir: string, ext: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext)).length;
}

/** Starlight's build of the same documents as one corpus-copies scenario, and the load after it. */
interface AgainstStarlight {
  scenario: string;
  run: StarlightRun;
  load?: number;
}

/** Our `npm run build` of the corpus copies ÷ Starlight's build of the same documents. */
function starlightRatios(scenarios: Scenario[], against: AgainstStarlight) {
  const ours = scenarios.find((s) => s.name === against.scenario)?.fullBuild;
  const { run } = against;
  if (!ours || !run.measured) return undefined;
  return {
    ours,
    wall: ours.seconds / run.seconds,
    cpu: ours.cpuSeconds / run.cpuSeconds,
    peak: ours.peakBytes / run.peakBytes,
  };
}

function starlightRow(scenarios: Scenario[], against: AgainstStarlight): string[] {
  const { run } = against;
  if (!run.measured)
    return [against.scenario, 'Starlight astro build', '—', '—', '—', '', run.reason];
  const r = starlightRatios(scenarios, against);
  return [
    against.scenario,
    `Starlight ${run.starlightVersion} (Astro ${run.astroVersion}) astro build, cold cache`,
    run.seconds.toFixed(1),
    run.cpuSeconds.toFixed(1),
    (run.peakBytes / GiB).toFixed(2),
    String(against.load ?? ''),
    `${run.pages} pages from ${run.documents} documents, its Pagefind included${r ? `; ours ÷ Starlight: wall ${r.wall.toFixed(2)}×, CPU ${r.cpu.toFixed(2)}×, peak ${r.peak.toFixed(2)}×` : ''}`,
  ];
}

function table(scenarios: Scenario[], starlight?: AgainstStarlight): string {
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
      'summary',
      s.fullBuild.seconds.toFixed(1),
      s.fullBuild.cpuSeconds.toFixed(1),
      (s.fullBuild.peakBytes / GiB).toFixed(2),
      '',
      `${s.articles} articles, ${(s.characters / 1e6).toFixed(1)} M chars, dist ${(s.distBytes / 1024 ** 2).toFixed(0)} MiB, index ${(s.pagefindBytes / 1024 ** 2).toFixed(0)} MiB`,
    ]);
  }
  if (starlight) rows.push(starlightRow(scenarios, starlight));
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
    const [mdx, md] = s.astroBuilds;
    const ratio = mdx.cpuSeconds / md.cpuSeconds;
    lines.push(
      `${mark(ratio <= GOALS.mdxOverMd)} ${s.name}: astro build CPU, .mdx ${mdx.cpuSeconds.toFixed(1)} s vs .md ${md.cpuSeconds.toFixed(1)} s = ${ratio.toFixed(2)}× (goal ≤ ${GOALS.mdxOverMd}×); wall ${(mdx.seconds / md.seconds).toFixed(2)}×, peak ${(mdx.peakBytes / GiB).toFixed(2)} vs ${(md.peakBytes / GiB).toFixed(2)} GiB`,
      `${mark(s.rerunConverted === 0)} ${s.name}: ingest with nothing changed → ${s.rerunConverted} converted (goal 0)`,
      `${mark(s.oneChange.converted === 1 && s.oneChange.written === 1)} ${s.name}: one changed source → ${s.oneChange.converted} converted, ${s.oneChange.written} written (goal 1, 1)`,
    );
    const addRatio = s.addIssue.seconds / s.fullBuild.seconds;
    lines.push(
      `${mark(addRatio <= GOALS.addIssueOverFull)} ${s.name}: one issue added, npm run build ${s.addIssue.seconds.toFixed(1)} s = ${addRatio.toFixed(2)}× the full build (goal ≤ ${GOALS.addIssueOverFull}×), peak ${(s.addIssue.peakBytes / GiB).toFixed(2)} GiB`,
    );
    if (s.articles < 10_000) continue;
    lines.push(
      `${mark(s.rerunSeconds <= GOALS.rerunSeconds)} ${s.name}: ingest with nothing changed ${s.rerunSeconds.toFixed(1)} s (goal ≤ ${GOALS.rerunSeconds} s)`,
      `${mark(s.fullBuild.seconds <= GOALS.fullBuildSeconds)} ${s.name}: npm run build ${s.fullBuild.seconds.toFixed(0)} s (goal ≤ ${GOALS.fullBuildSeconds} s)`,
      `${mark(s.fullBuild.peakBytes <= GOALS.fullBuildBytes)} ${s.name}: npm run build peak ${(s.fullBuild.peakBytes / GiB).toFixed(2)} GiB (goal ≤ ${GOALS.fullBuildBytes / GiB} GiB)`,
    );
  }
  return lines;
}

/** Issue 22's goal against Starlight: our build of the same documents ≤ 0.4× its wall time and peak. */
function starlightGoals(scenarios: Scenario[], against: AgainstStarlight): string[] {
  const { run, scenario } = against;
  const goal = GOALS.overStarlight;
  if (!run.measured) return [`✗ ${scenario}: against Starlight: ${run.reason}`];
  const r = starlightRatios(scenarios, against);
  if (!r) return [`✗ ${scenario}: against Starlight: our build of the same documents failed`];
  const mark = (ratio: number) => (ratio <= goal ? '✓' : '✗');
  const starlight = `Starlight ${run.starlightVersion} astro build`;
  return [
    `${mark(r.wall)} ${scenario}: npm run build ${r.ours.seconds.toFixed(1)} s vs ${starlight} ${run.seconds.toFixed(1)} s = ${r.wall.toFixed(2)}× (goal ≤ ${goal}×); CPU ${r.cpu.toFixed(2)}×`,
    `${mark(r.peak)} ${scenario}: npm run build peak ${(r.ours.peakBytes / GiB).toFixed(2)} GiB vs ${starlight} ${(run.peakBytes / GiB).toFixed(2)} GiB = ${r.peak.toFixed(2)}× (goal ≤ ${goal}×)`,
  ];
}

/** Starlight on the corpus copies, after our scenarios (alone, as they ran); a failure is a result. */
async function measureStarlight(
  options: BuildBenchOptions,
  sourceDirs: string[],
  scenario: string,
): Promise<AgainstStarlight> {
  try {
    const run = await runStarlightBench({
      dir: options.dir,
      sourceDirs,
      copies: options.copies,
      siteRoot: root,
      keep: options.keep,
    });
    return { scenario, run, load: Number(os.loadavg()[0].toFixed(2)) };
  } catch (error) {
    // Failed before any page was written (no astro in node_modules, a source not UTF-8).
    const reason = `Starlight not measured: ${(error as Error).message}`;
    return { scenario, run: { measured: false, documents: 0, reason } };
  }
}

/** The table, the goals and the JSON in bench-results/. */
function report(scenarios: Scenario[], failures: string[], starlight?: AgainstStarlight): void {
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
  console.log(table(scenarios, starlight));
  console.log('');
  const lines = [...goals(scenarios), ...(starlight ? starlightGoals(scenarios, starlight) : [])];
  for (const line of lines) console.log(line);
  for (const f of failures) console.log(`✗ ${f}`);

  const against = starlight && { ...starlight, ratios: starlightRatios(scenarios, starlight) };
  const outDir = path.join(root, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const result = { date: new Date().toISOString(), machine, goals: GOALS, scenarios, failures };
  fs.writeFileSync(file, `${JSON.stringify({ ...result, starlight: against }, null, 2)}\n`);
  console.log(`\nwritten ${path.relative(root, file)}`);
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
  const corpus = `corpus-x${copies}`;
  const corpusSources = [shipped, GOV_REPORTS];
  if (copies > 0) plans.push([corpus, (dir) => void writeCorpusCopies(corpusSources, dir, copies)]);
  for (const [name, fill] of plans) {
    // One archive failing (out of memory, say) is itself a result; the others still run.
    try {
      scenarios.push(await runScenario(options, name, fill));
    } catch (error) {
      console.error(`✗ ${name}: ${(error as Error).message}`);
      failures.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const starlight = copies > 0 ? await measureStarlight(options, corpusSources, corpus) : undefined;
  report(scenarios, failures, starlight);
  if (failures.length > 0) process.exitCode = 1;
}

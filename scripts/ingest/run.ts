/**
 * One ingest run: sources → MDX articles and the proofreading report. Writes aside and swaps in
 * only when every source converted, so a bad file or an interrupted run never leaves the archive
 * half-written. scripts/ingest.ts is its command line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SOURCE_EXTENSIONS, type GeneratedArticle } from './pipeline.ts';
import { convertMany } from './convert-pool.ts';
import {
  planIngest,
  sameStat,
  type Decision,
  type Manifest,
  type ManifestEntry,
  type ManifestOutput,
} from './plan.ts';
import { sha256 } from '../model/hash.ts';
import { pipelineFingerprint } from './pipeline-fingerprint.ts';
import { SourceError } from './stages/source-error.ts';
import { editorialPathFor } from './stages/editorial.ts';
import { Progress } from '../tools/progress.ts';
import {
  REPORT_FILE,
  buildReport,
  reportSummary,
  type SourceFindings,
} from '../proofread/report.ts';
import type { ProofreadingReport } from '../../src/core/proofreading.ts';
import { readAcceptList } from './accept-list.ts';
import { readArticle } from '../../src/core/article-file.ts';

export interface IngestOptions {
  /** The project root: messages name files relative to it, and the pipeline's fingerprint is read from it. */
  root: string;
  sourcesDir: string;
  outDir: string;
  /** The manifest of the last run (hashes, stats, findings), for incremental runs. */
  manifestFile: string;
  /** Only compare: exit 1 naming what is stale, write nothing. */
  check: boolean;
  /** Go on without sources that fail, keeping what they gave last time. */
  skipBad: boolean;
  quiet: boolean;
  /** Also write the whole proofreading report (校对报告) as JSON to this file. */
  report?: string;
}

function walk(dir: string, rel = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name), `${rel}${e.name}/`) : [`${rel}${e.name}`],
    );
}

/** Stands for an article kept as it is on disk, so an unchanged archive is never read into memory. */
const KEEP = '\u0000keep';

/** The generated articles already on disk, read only when something asks for a file's text. */
class ArticleFolder {
  readonly files: string[];
  readonly #dir: string;
  readonly #present: Set<string>;
  readonly #texts = new Map<string, string>();

  constructor(dir: string) {
    this.#dir = dir;
    // .md too: articles were Markdown from 2026-11-27 to 11-30, and a checkout from then must lose them, not keep both.
    this.files = walk(dir).filter((f) => /\.mdx?$/.test(f));
    this.#present = new Set(this.files);
  }

  stat(file: string): fs.Stats | undefined {
    return this.#present.has(file)
      ? fs.statSync(path.join(this.#dir, file), { throwIfNoEntry: false })
      : undefined;
  }

  /** The text of a file known to be there (stat found it, or it is in `files`). */
  read(file: string): string {
    const text = this.text(file);
    if (text === undefined)
      throw new Error(`${path.join(this.#dir, file)}: 文章不存在 / no such article`);
    return text;
  }

  text(file: string): string | undefined {
    if (!this.#present.has(file)) return undefined;
    let text = this.#texts.get(file);
    if (text === undefined)
      this.#texts.set(file, (text = fs.readFileSync(path.join(this.#dir, file), 'utf8')));
    return text;
  }
}

function readManifest(manifestFile: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** A previous run that died between its two renames left the old set aside: put it back. */
function recoverInterruptedSwap(outDir: string): void {
  const old = `${outDir}.old`;
  if (fs.existsSync(old)) {
    if (!fs.existsSync(outDir)) fs.renameSync(old, outDir);
    else fs.rmSync(old, { recursive: true, force: true });
  }
  fs.rmSync(`${outDir}.next`, { recursive: true, force: true });
}

/** Where a run reads and writes, and how it names files in its messages. */
interface RunPlace {
  options: IngestOptions;
  /** A path under sources/ as messages name it: relative to the project root. */
  shown: (file: string) => string;
  /** Any path relative to the project root, '.' for the root itself. */
  rel: (file: string) => string;
}

/** The files under sources/, sorted out: sources to convert, editors' yaml beside them, strays. */
interface SortedFiles {
  sourceFiles: string[];
  /** Source → the editor's yaml beside it (scripts/ingest/stages/editorial.ts). */
  editorialOf: Map<string, string>;
  /** The editor's yaml → the source it belongs to. */
  sourceOfEditorial: Map<string, string>;
  /** Yaml files that no source would pick up. */
  strayEditorial: Set<string>;
}

/** What the last run recorded and what this run must do with each source. */
interface RunPlan {
  pipeline: string;
  manifest: Manifest | undefined;
  knownOutputs: Map<string, ManifestOutput>;
  /** Source → its hash (the source's bytes, plus its yaml's when it has one); unreadable sources are absent. */
  hashes: Map<string, string>;
  sourceStats: Map<string, fs.Stats>;
  decisions: Map<string, Decision>;
  /** Sources (and stray yaml) that could not be read, reported with the conversion's failures. */
  unreadable: SourceError[];
  /** A source's bytes, read once and kept for the conversion. */
  readSource: (file: string) => Buffer;
  existing: ArticleFolder;
}

/** Each source's articles (KEEP for those kept on disk) and what failed. */
interface Conversion {
  generated: Map<string, GeneratedArticle[]>;
  failures: SourceError[];
}

export async function runIngest(options: IngestOptions): Promise<number> {
  const { root, sourcesDir, outDir } = options;
  const started = Date.now();
  recoverInterruptedSwap(outDir);
  // A mistyped --sources must not read as "every source was removed" and empty the archive.
  if (!fs.existsSync(sourcesDir) || !fs.statSync(sourcesDir).isDirectory()) {
    console.error(`错误 / error: 材料目录不存在 / sources folder not found: ${sourcesDir}`);
    return 1;
  }
  const place: RunPlace = {
    options,
    shown: (f) => path.join(path.relative(root, sourcesDir), f),
    rel: (p) => path.relative(root, p) || '.',
  };
  const files = sortOutFiles(place);
  const plan = planRun(place, files);
  const conversion = await convertChanged(place, files, plan);
  conversion.failures.push(...slugClashes(place, conversion.generated));
  const skipped = setAsideFailures(place, files, conversion);
  if (!skipped) return 1;
  const wanted = wantedArticles(place, conversion.generated, skipped, plan.existing);
  const report = proofreadingReport(place, conversion.generated);
  if (!report) return 1;
  const outcome: Outcome = {
    report,
    reportJson: `${JSON.stringify(report, null, 1)}\n`,
    // Beside the articles folder (src/content/proofreading.json), so the folder holds articles only; checked like them.
    reportFile: path.join(path.dirname(outDir), REPORT_FILE),
    wanted,
    stale: [...wanted]
      .filter(([f, c]) => c !== KEEP && plan.existing.text(f) !== c)
      .map(([f]) => f),
    orphans: plan.existing.files.filter((f) => !wanted.has(f)),
  };
  if (options.check) return checkOnly(place, outcome, conversion.generated.size);
  commit(place, plan, conversion.generated, outcome);
  if (!options.quiet) printSummary(place, plan, conversion.generated.size, outcome, started);
  return 0;
}

/**
 * Sorts out what is under sources/: sources, the editors' yaml beside them, yaml with no source,
 * and other files, warning about Word's lock files and files of other types.
 */
function sortOutFiles({ options, shown }: RunPlace): SortedFiles {
  const all = walk(options.sourcesDir);
  // Word leaves "~$name.docx" beside a document while it is open: not a document, and not an error.
  const wordLocks = all.filter((f) => path.basename(f).startsWith('~$'));
  for (const lock of wordLocks) {
    console.warn(
      `警告 / warning: ${shown(lock)}: Word 打开文档时留下的临时文件，已跳过 / Word lock file, left alone`,
    );
  }
  // Sets, not arrays: at 10,000 sources, Array.includes inside a filter is 10^8 comparisons.
  const locks = new Set(wordLocks);
  const sourceFiles = all.filter(
    (f) => !locks.has(f) && SOURCE_EXTENSIONS.includes(path.extname(f).toLowerCase()),
  );
  const sourceSet = new Set(sourceFiles);
  const present = new Set(all);
  // The editor's yaml beside a source (scripts/ingest/stages/editorial.ts): merged into its articles on every run.
  const editorialOf = new Map(
    sourceFiles
      .filter((f) => present.has(editorialPathFor(f)))
      .map((f) => [f, editorialPathFor(f)]),
  );
  const editorialFiles = new Set(editorialOf.values());
  const sourceOfEditorial = new Map([...editorialOf].map(([source, yaml]) => [yaml, source]));
  const hidden = (f: string) => path.basename(f).startsWith('.');
  const strayEditorial = new Set(
    all.filter((f) => /\.ya?ml$/i.test(f) && !editorialFiles.has(f) && !hidden(f)),
  );
  const known = (f: string) =>
    sourceSet.has(f) || locks.has(f) || editorialFiles.has(f) || strayEditorial.has(f);
  for (const other of all.filter((f) => !known(f) && !hidden(f))) {
    console.warn(
      `警告 / warning: ${shown(other)}: 不是可导入的材料（只读 ${SOURCE_EXTENSIONS.join(' ')}），已跳过 / not a source type, left alone`,
    );
  }
  return { sourceFiles, editorialOf, sourceOfEditorial, strayEditorial };
}

/** Reads a source's bytes once and keeps them: hashing and converting both need them. */
function sourceReader(sourcesDir: string): (file: string) => Buffer {
  const bytesOf = new Map<string, Buffer>();
  return (f) => {
    let bytes = bytesOf.get(f);
    if (!bytes) bytesOf.set(f, (bytes = fs.readFileSync(path.join(sourcesDir, f))));
    return bytes;
  };
}

/**
 * Hashes each source (trusting the recorded hash while its size and time are the same) and decides
 * which sources must be converted again.
 */
function planRun(place: RunPlace, files: SortedFiles): RunPlan {
  const { options, shown } = place;
  const pipeline = pipelineFingerprint(options.root);
  const manifest = readManifest(options.manifestFile);
  // What the last run recorded, trusted only if the same pipeline made it.
  const known = manifest?.pipeline === pipeline ? manifest.sources : {};
  const knownOutputs = new Map(
    Object.values(known).flatMap((e) => e.outputs.map((o) => [o.file, o] as const)),
  );
  const readSource = sourceReader(options.sourcesDir);
  // Editorial work that no source would pick up must not be lost in silence.
  const unreadable = [...files.strayEditorial].map(
    (f) =>
      new SourceError(
        shown(f),
        `编辑文件没有同名的材料（应与 .txt/.docx 同名同目录）/ editorial file has no source of the same name beside it`,
      ),
  );
  const hashes = new Map<string, string>();
  const sourceStats = new Map<string, fs.Stats>();
  for (const f of files.sourceFiles) {
    try {
      const stat = fs.statSync(path.join(options.sourcesDir, f));
      sourceStats.set(f, stat);
      // Same size and modification time as when last hashed: the recorded hash stands, and a
      // re-run over 10,000 unchanged sources reads none of them (git's index does the same).
      const editorial = files.editorialOf.get(f);
      const recorded = known[f];
      // A source with an editorial file is keyed on both; the yaml is small, so it is always read
      // (once: readSource keeps the bytes for the conversion below).
      if (editorial) hashes.set(f, `${sha256(readSource(f))}+${sha256(readSource(editorial))}`);
      else if (recorded && sameStat(recorded, stat)) hashes.set(f, recorded.hash);
      else hashes.set(f, sha256(readSource(f)));
    } catch (error) {
      // Permissions on a shared drive, a folder named like a file: one message for that file, not a stack trace.
      unreadable.push(
        new SourceError(
          shown(f),
          `无法读取文件 / cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        ),
      );
    }
  }
  const existing = new ArticleFolder(options.outDir);
  const outputHash = (f: string): string | undefined => {
    const stat = existing.stat(f);
    if (!stat) return undefined;
    const recorded = knownOutputs.get(f);
    return recorded && sameStat(recorded, stat) ? recorded.hash : sha256(existing.read(f));
  };
  const decisions = planIngest(manifest, pipeline, hashes, outputHash);
  return {
    pipeline,
    manifest,
    knownOutputs,
    hashes,
    sourceStats,
    decisions,
    unreadable,
    readSource,
    existing,
  };
}

/** Converts the sources that changed (on every core) and stands unchanged ones in by KEEP. */
async function convertChanged(
  place: RunPlace,
  files: SortedFiles,
  plan: RunPlan,
): Promise<Conversion> {
  const { options, shown } = place;
  const { hashes, decisions, readSource } = plan;
  const toConvert = files.sourceFiles.filter(
    (f) => hashes.has(f) && decisions.get(f) !== 'unchanged',
  );
  const progress = new Progress('导入 ingest', toConvert.length, options.quiet);
  const { results: converted } = await convertMany(
    toConvert.map((f) => {
      const editorial = files.editorialOf.get(f);
      return {
        source: f,
        bytes: readSource(f),
        editorial: editorial ? { file: editorial, bytes: readSource(editorial) } : undefined,
      };
    }),
    (f) => progress.tick(f),
  );
  progress.done();
  const generated = new Map<string, GeneratedArticle[]>();
  const failures: SourceError[] = [...plan.unreadable];
  for (const f of files.sourceFiles) {
    if (!hashes.has(f)) continue; // unreadable, reported above
    const kept = decisions.get(f) === 'unchanged' ? plan.manifest?.sources[f] : undefined;
    if (kept) {
      generated.set(f, keptArticles(kept));
      continue;
    }
    const result = converted.get(f);
    if (result && 'articles' in result) {
      generated.set(f, result.articles);
      continue;
    }
    const error = result?.error ?? new Error('未转换 / not converted');
    // The error may be the editorial file's: it names that file and its line.
    failures.push(
      error instanceof SourceError
        ? new SourceError(shown(error.file), error.reason, error.line)
        : new SourceError(shown(f), String(error.stack ?? error)),
    );
  }
  return { generated, failures };
}

/** An unchanged source's articles, kept as they are on disk: content stays unread, KEEP marks it. */
function keptArticles(entry: ManifestEntry): GeneratedArticle[] {
  return entry.outputs.map((o, i) => ({
    slug: o.file.replace(/\.mdx?$/, ''),
    file: o.file,
    content: KEEP,
    title: o.title ?? '',
    findings: i === 0 ? (entry.findings ?? []) : [],
    fingerprint: o.fingerprint ?? '',
    line: o.line ?? 1,
  }));
}

/** Two sources must never claim one page: each later claim is a failure naming the first. */
function slugClashes(
  { shown }: RunPlace,
  generated: Map<string, GeneratedArticle[]>,
): SourceError[] {
  const clashes: SourceError[] = [];
  const owner = new Map<string, string>();
  for (const [source, articles] of generated) {
    for (const a of articles) {
      const other = owner.get(a.file);
      if (other)
        clashes.push(
          new SourceError(
            shown(source),
            `页面地址 ${a.slug} 与 ${other} 冲突，请改名其中一个文件，或在同名 .yaml 中用 slug 固定地址 / slug clash with ${other}: rename one file or pin a slug in its .yaml`,
          ),
        );
      owner.set(a.file, source);
    }
  }
  return clashes;
}

/**
 * Names every failure. Without --skip-bad that ends the run (undefined); with it, the failed
 * sources are dropped from this run and returned, so their previous articles can be kept.
 */
function setAsideFailures(
  { options, rel }: RunPlace,
  files: SortedFiles,
  { generated, failures }: Conversion,
): Set<string> | undefined {
  const skipped = new Set<string>();
  if (failures.length === 0) return skipped;
  for (const f of failures) console.error(`错误 / error: ${f.message}`);
  if (!options.skipBad) {
    console.error(
      `\n${failures.length} 个材料无法导入，未改动 ${rel(options.outDir)} / ${failures.length} source(s) failed; nothing was changed (use --skip-bad to go on without them).`,
    );
    return undefined;
  }
  console.error(`已跳过 / skipped ${failures.length}: ${failures.map((f) => f.file).join(', ')}`);
  for (const f of failures) {
    const named = path
      .relative(path.relative(options.root, options.sourcesDir), f.file)
      .split(path.sep)
      .join('/');
    // A bad editorial file skips the source it belongs to.
    const source = files.sourceOfEditorial.get(named) ?? named;
    generated.delete(source);
    skipped.add(source);
  }
  return skipped;
}

/** Every article file the folder should hold, with its text (KEEP for one kept as it is). */
function wantedArticles(
  { options, rel }: RunPlace,
  generated: Map<string, GeneratedArticle[]>,
  skipped: Set<string>,
  existing: ArticleFolder,
): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const articles of generated.values())
    for (const a of articles) wanted.set(a.file, a.content);
  // Skipping a source that went bad keeps what it gave last time: a broken save must not delete a page.
  for (const file of skipped.size > 0 ? existing.files : []) {
    const content = existing.text(file);
    if (content === undefined) continue;
    const source = readArticle(content).data.source;
    if (typeof source === 'string' && skipped.has(source) && !wanted.has(file)) {
      wanted.set(file, content);
      console.error(
        `保留旧文章 / kept previous article of skipped source: ${rel(path.join(options.outDir, file))}`,
      );
    }
  }
  return wanted;
}

/**
 * The proofreading report over every source, what editors accepted set aside (read from the yaml
 * beside each source); undefined, having said why, when an editor's accept list is wrong.
 */
function proofreadingReport(
  { options, shown }: RunPlace,
  generated: Map<string, GeneratedArticle[]>,
): ProofreadingReport | undefined {
  try {
    return buildReport(proofreadingInput(generated), (source) =>
      readAcceptList(options.sourcesDir, source),
    );
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    console.error(`错误 / error: ${shown(error.file)}: ${error.reason}`);
    return undefined;
  }
}

/** What this run would write: the articles, those that differ from disk, those no source explains, and the report. */
interface Outcome {
  report: ProofreadingReport;
  reportJson: string;
  reportFile: string;
  wanted: Map<string, string>;
  stale: string[];
  orphans: string[];
}

function reportIsStale({ reportFile, reportJson }: Outcome): boolean {
  return (
    (fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : undefined) !== reportJson
  );
}

/** --check: 0 when the folder and the report are what a run would write, else 1 naming each difference. */
function checkOnly({ options, rel }: RunPlace, outcome: Outcome, sources: number): number {
  const { outDir } = options;
  const { stale, orphans, wanted, reportFile } = outcome;
  const reportStale = reportIsStale(outcome);
  if (stale.length === 0 && orphans.length === 0 && !reportStale) {
    console.log(
      `✓ ${rel(outDir)} 与材料一致 / up to date (${wanted.size} articles from ${sources} sources)`,
    );
    return 0;
  }
  for (const f of stale) console.error(`过期 / stale or missing: ${rel(path.join(outDir, f))}`);
  for (const f of orphans)
    console.error(`无来源 / no source explains: ${rel(path.join(outDir, f))}`);
  if (reportStale)
    console.error(`过期 / stale or missing: ${rel(reportFile)}（校对报告 / proofreading report）`);
  console.error('请运行 npm run ingest 并提交结果 / run `npm run ingest` and commit the result.');
  return 1;
}

/** Writes what changed: the articles folder (swapped in whole), the manifest, the report. */
function commit(
  { options }: RunPlace,
  plan: RunPlan,
  generated: Map<string, GeneratedArticle[]>,
  outcome: Outcome,
): void {
  const { outDir } = options;
  const reportStale = reportIsStale(outcome);
  if (outcome.stale.length > 0 || outcome.orphans.length > 0)
    swapIn(outDir, outcome.wanted, plan.existing);
  writeManifest(options.manifestFile, outDir, plan, generated);
  if (reportStale) writeAtomically(outcome.reportFile, outcome.reportJson);
  if (options.report) writeAtomically(options.report, outcome.reportJson);
}

function writeAtomically(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

function printSummary(
  { options, rel }: RunPlace,
  plan: RunPlan,
  sources: number,
  { wanted, stale, orphans, report }: Outcome,
  started: number,
): void {
  const changed = [...plan.decisions.values()].filter(
    (d) => d !== 'unchanged' && d !== 'removed',
  ).length;
  console.log(
    `导入完成 / ingested ${sources} sources → ${wanted.size} articles in ${rel(options.outDir)} ` +
      `(${changed} converted, ${sources - changed} unchanged, ${stale.length} written, ${orphans.length} removed) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(reportSummary(report));
}

/**
 * Builds the whole new set beside the old one, then swaps the two folders with renames. Articles
 * that did not change are hard-linked, not rewritten: one edited source in a 10,000-article archive
 * writes one file, and the others keep their modification times for Astro and editors.
 */
function swapIn(outDir: string, wanted: Map<string, string>, existing: ArticleFolder): void {
  const next = `${outDir}.next`;
  const old = `${outDir}.old`;
  fs.mkdirSync(next, { recursive: true });
  const made = new Set<string>();
  for (const [file, content] of [...wanted].sort()) {
    const dir = path.dirname(path.join(next, file));
    if (!made.has(dir)) fs.mkdirSync(dir, { recursive: true });
    made.add(dir);
    if (content === KEEP || existing.text(file) === content) {
      try {
        fs.linkSync(path.join(outDir, file), path.join(next, file));
        continue;
      } catch {
        // A file system without hard links: write it as before.
      }
    }
    fs.writeFileSync(path.join(next, file), content === KEEP ? existing.read(file) : content);
  }
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(next, outDir);
  fs.rmSync(old, { recursive: true, force: true });
}

/** Each source's findings and its articles' fingerprints, for the report. */
function proofreadingInput(
  generated: Map<string, GeneratedArticle[]>,
): Map<string, SourceFindings> {
  const out = new Map<string, SourceFindings>();
  for (const [source, articles] of generated) {
    out.set(source, {
      findings: articles.flatMap((a) => a.findings),
      articles: articles
        .map((a, sourceIndex) => ({
          source,
          slug: a.slug,
          title: a.title,
          sourceIndex,
          line: a.line,
          fingerprint: a.fingerprint,
        }))
        .filter((a) => a.fingerprint),
    });
  }
  return out;
}

function writeManifest(
  manifestFile: string,
  outDir: string,
  { pipeline, hashes, sourceStats, knownOutputs }: RunPlan,
  generated: Map<string, GeneratedArticle[]>,
): void {
  const manifest: Manifest = { pipeline, sources: {} };
  for (const [source, articles] of generated) {
    const stat = sourceStats.get(source);
    const hash = hashes.get(source);
    // Only read sources are converted or kept, and each read source was stat'ed and hashed.
    if (!stat || hash === undefined) throw new Error(`${source}: 没有读到 / never read`);
    manifest.sources[source] = {
      hash,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      outputs: articles.map((a) => manifestOutput(outDir, a, knownOutputs)),
      findings: articles.flatMap((a) => a.findings),
    };
  }
  fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
  writeAtomically(manifestFile, JSON.stringify(manifest));
}

function manifestOutput(
  outDir: string,
  a: GeneratedArticle,
  knownOutputs: Map<string, ManifestOutput>,
): ManifestOutput {
  // Stat after the swap: a written file's time is now, a linked one keeps its own.
  const out = fs.statSync(path.join(outDir, a.file), { throwIfNoEntry: false });
  const hash = a.content === KEEP ? knownOutputs.get(a.file)?.hash : sha256(a.content);
  // A kept article is kept only because its recorded hash matched (scripts/ingest/plan.ts).
  if (hash === undefined) throw new Error(`${a.file}: 没有记录的校验值 / no recorded hash`);
  const proofreading = { fingerprint: a.fingerprint, title: a.title, line: a.line };
  return out
    ? { file: a.file, hash, size: out.size, mtimeMs: out.mtimeMs, ...proofreading }
    : { file: a.file, hash, ...proofreading };
}

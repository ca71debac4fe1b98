/**
 * One ingest run: sources → MDX articles and the proofreading report. Writes aside and swaps in
 * only when every source converted, so a bad file or an interrupted run never leaves the archive
 * half-written. scripts/ingest.ts is its command line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SOURCE_EXTENSIONS, convertSource, type GeneratedArticle } from './pipeline.ts';
import { settleAddressClashes } from './address-clash.ts';
import { reportClashes, clashResolver } from './address-clash-run.ts';
import { convertMany } from './convert-pool.ts';
import { planIngest, sameStat, sha256, type Manifest, type ManifestOutput } from './plan.ts';
import { pipelineFingerprint } from './pipeline-fingerprint.ts';
import { SourceError } from './stages/source-error.ts';
import { editorialPathFor } from './stages/editorial.ts';
import { Progress } from '../tools/progress.ts';
import {
  REPORT_FILE,
  buildReport,
  reportSummary,
  unresolvedWarnings,
  type SourceFindings,
} from '../proofread/report.ts';
import { readAcceptList } from '../proofread/accept-editorial.ts';
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

export async function runIngest(options: IngestOptions): Promise<number> {
  const { root, sourcesDir, outDir, manifestFile } = options;
  const started = Date.now();
  recoverInterruptedSwap(outDir);
  // A mistyped --sources must not read as "every source was removed" and empty the archive.
  if (!fs.existsSync(sourcesDir) || !fs.statSync(sourcesDir).isDirectory()) {
    console.error(`错误 / error: 材料目录不存在 / sources folder not found: ${sourcesDir}`);
    return 1;
  }
  const all = walk(sourcesDir);
  // Word leaves "~$name.docx" beside a document while it is open: not a document, and not an error.
  const wordLocks = all.filter((f) => path.basename(f).startsWith('~$'));
  for (const lock of wordLocks) {
    console.warn(
      `警告 / warning: ${path.join(path.relative(root, sourcesDir), lock)}: Word 打开文档时留下的临时文件，已跳过 / Word lock file, left alone`,
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
  const strayEditorial = new Set(
    all.filter(
      (f) => /\.ya?ml$/i.test(f) && !editorialFiles.has(f) && !path.basename(f).startsWith('.'),
    ),
  );
  for (const other of all.filter(
    (f) =>
      !sourceSet.has(f) &&
      !locks.has(f) &&
      !editorialFiles.has(f) &&
      !strayEditorial.has(f) &&
      !path.basename(f).startsWith('.'),
  )) {
    console.warn(
      `警告 / warning: ${path.join(path.relative(root, sourcesDir), other)}: 不是可导入的材料（只读 ${SOURCE_EXTENSIONS.join(' ')}），已跳过 / not a source type, left alone`,
    );
  }

  const pipeline = pipelineFingerprint(root);
  const manifest = readManifest(manifestFile);
  // What the last run recorded, trusted only if the same pipeline made it.
  const known = manifest?.pipeline === pipeline ? manifest.sources : {};
  const knownOutputs = new Map(
    Object.values(known).flatMap((e) => e.outputs.map((o) => [o.file, o] as const)),
  );

  const bytesOf = new Map<string, Buffer>();
  const hashes = new Map<string, string>();
  const sourceStats = new Map<string, fs.Stats>();
  const unreadable: SourceError[] = [];
  // Editorial work that no source would pick up must not be lost in silence.
  for (const f of strayEditorial) {
    unreadable.push(
      new SourceError(
        path.join(path.relative(root, sourcesDir), f),
        `编辑文件没有同名的材料（应与 .txt/.docx 同名同目录）/ editorial file has no source of the same name beside it`,
      ),
    );
  }
  const readSource = (f: string): Buffer => {
    let bytes = bytesOf.get(f);
    if (!bytes) bytesOf.set(f, (bytes = fs.readFileSync(path.join(sourcesDir, f))));
    return bytes;
  };
  for (const f of sourceFiles) {
    try {
      const stat = fs.statSync(path.join(sourcesDir, f));
      sourceStats.set(f, stat);
      // Same size and modification time as when last hashed: the recorded hash stands, and a
      // re-run over 10,000 unchanged sources reads none of them (git's index does the same).
      const editorial = editorialOf.get(f);
      // A source with an editorial file is keyed on both; the yaml is small, so it is always read
      // (once: readSource keeps the bytes for the conversion below).
      if (editorial) hashes.set(f, `${sha256(readSource(f))}+${sha256(readSource(editorial))}`);
      else if (known[f] && sameStat(known[f], stat)) hashes.set(f, known[f].hash);
      else hashes.set(f, sha256(readSource(f)));
    } catch (error) {
      // Permissions on a shared drive, a folder named like a file: one message for that file, not a stack trace.
      unreadable.push(
        new SourceError(
          path.join(path.relative(root, sourcesDir), f),
          `无法读取文件 / cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        ),
      );
    }
  }
  const existing = new ArticleFolder(outDir);
  const outputHash = (f: string): string | undefined => {
    const stat = existing.stat(f);
    if (!stat) return undefined;
    const recorded = knownOutputs.get(f);
    return recorded && sameStat(recorded, stat) ? recorded.hash : sha256(existing.text(f)!);
  };

  const plan = planIngest(manifest, pipeline, hashes, outputHash);

  const generated = new Map<string, GeneratedArticle[]>();
  const failures: SourceError[] = [...unreadable];
  const toConvert = sourceFiles.filter((f) => hashes.has(f) && plan.get(f) !== 'unchanged');
  const progress = new Progress('导入 ingest', toConvert.length, options.quiet);
  const { results: converted } = await convertMany(
    toConvert.map((f) => {
      const editorial = editorialOf.get(f);
      return {
        source: f,
        bytes: readSource(f),
        editorial: editorial ? { file: editorial, bytes: readSource(editorial) } : undefined,
      };
    }),
    (f) => progress.tick(f),
  );
  progress.done();
  for (const f of sourceFiles) {
    if (!hashes.has(f)) continue; // unreadable, reported above
    if (plan.get(f) === 'unchanged') {
      // Kept as they are on disk: content stays unread, KEEP marks it.
      const entry = manifest!.sources[f];
      generated.set(
        f,
        entry.outputs.map((o, i) => ({
          slug: o.file.replace(/\.mdx?$/, ''),
          file: o.file,
          content: KEEP,
          title: o.title ?? '',
          findings: i === 0 ? (entry.findings ?? []) : [],
          fingerprint: o.fingerprint ?? '',
          line: o.line ?? 1,
        })),
      );
      continue;
    }
    const result = converted.get(f)!;
    if ('articles' in result) {
      generated.set(f, result.articles);
      continue;
    }
    const { error } = result;
    const rel = path.join(path.relative(root, sourcesDir), f);
    // The error may be the editorial file's: it names that file and its line.
    failures.push(
      error instanceof SourceError
        ? new SourceError(
            path.join(path.relative(root, sourcesDir), error.file),
            error.reason,
            error.line,
          )
        : new SourceError(rel, String(error.stack ?? error)),
    );
  }

  // Two sources must never claim one page: the one added later gets a suffix (address-clash.ts).
  const clashes = await settleAddressClashes(
    generated,
    clashResolver(existing, (f, suffix) => {
      const editorial = editorialOf.get(f);
      const yaml = editorial ? { file: editorial, bytes: readSource(editorial) } : undefined;
      return convertSource(f, readSource(f), yaml, { addressSuffix: suffix }).then(
        (r) => r.articles,
      );
    }),
  );
  failures.push(...reportClashes(clashes, path.relative(root, sourcesDir)));

  const rel = (p: string) => path.relative(root, p) || '.';
  const skipped = new Set<string>();
  if (failures.length > 0) {
    for (const f of failures) console.error(`错误 / error: ${f.message}`);
    if (!options.skipBad) {
      console.error(
        `\n${failures.length} 个材料无法导入，未改动 ${rel(outDir)} / ${failures.length} source(s) failed; nothing was changed (use --skip-bad to go on without them).`,
      );
      return 1;
    }
    console.error(`已跳过 / skipped ${failures.length}: ${failures.map((f) => f.file).join(', ')}`);
    for (const f of failures) {
      const named = path
        .relative(path.relative(root, sourcesDir), f.file)
        .split(path.sep)
        .join('/');
      // A bad editorial file skips the source it belongs to.
      const source = sourceOfEditorial.get(named) ?? named;
      generated.delete(source);
      skipped.add(source);
    }
  }

  const wanted = new Map<string, string>();
  for (const articles of generated.values())
    for (const a of articles) wanted.set(a.file, a.content);
  // Skipping a source that went bad keeps what it gave last time: a broken save must not delete a page.
  for (const file of skipped.size > 0 ? existing.files : []) {
    const content = existing.text(file)!;
    const source = readArticle(content).data.source;
    if (typeof source === 'string' && skipped.has(source) && !wanted.has(file)) {
      wanted.set(file, content);
      console.error(
        `保留旧文章 / kept previous article of skipped source: ${rel(path.join(outDir, file))}`,
      );
    }
  }

  // The proofreading report over every source, what editors accepted set aside (read from the yaml beside each source).
  let report;
  try {
    report = buildReport(proofreadingInput(generated), (source) =>
      readAcceptList(sourcesDir, source),
    );
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    console.error(
      `错误 / error: ${path.join(path.relative(root, sourcesDir), error.file)}: ${error.reason}`,
    );
    return 1;
  }
  const reportJson = `${JSON.stringify(report, null, 1)}\n`;
  // Beside the articles folder (src/content/proofreading.json), so the folder holds articles only; checked like them.
  const reportFile = path.join(path.dirname(outDir), REPORT_FILE);
  const reportStale =
    (fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : undefined) !== reportJson;

  const stale = [...wanted]
    .filter(([f, c]) => c !== KEEP && existing.text(f) !== c)
    .map(([f]) => f);
  const orphans = existing.files.filter((f) => !wanted.has(f));
  if (options.check) {
    if (stale.length === 0 && orphans.length === 0 && !reportStale) {
      console.log(
        `✓ ${rel(outDir)} 与材料一致 / up to date (${wanted.size} articles from ${generated.size} sources)`,
      );
      return 0;
    }
    for (const f of stale) console.error(`过期 / stale or missing: ${rel(path.join(outDir, f))}`);
    for (const f of orphans)
      console.error(`无来源 / no source explains: ${rel(path.join(outDir, f))}`);
    if (reportStale)
      console.error(
        `过期 / stale or missing: ${rel(reportFile)}（校对报告 / proofreading report）`,
      );
    console.error('请运行 npm run ingest 并提交结果 / run `npm run ingest` and commit the result.');
    return 1;
  }

  if (stale.length > 0 || orphans.length > 0) swapIn(outDir, wanted, existing);
  writeManifest(manifestFile, outDir, pipeline, hashes, sourceStats, generated, knownOutputs);
  if (reportStale) {
    fs.writeFileSync(`${reportFile}.tmp`, reportJson);
    fs.renameSync(`${reportFile}.tmp`, reportFile);
  }
  if (options.report) {
    fs.writeFileSync(`${options.report}.tmp`, reportJson);
    fs.renameSync(`${options.report}.tmp`, options.report);
  }
  const changed = [...plan.values()].filter((d) => d !== 'unchanged' && d !== 'removed').length;
  if (!options.quiet) {
    console.log(
      `导入完成 / ingested ${generated.size} sources → ${wanted.size} articles in ${rel(outDir)} ` +
        `(${changed} converted, ${generated.size - changed} unchanged, ${stale.length} written, ${orphans.length} removed) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(reportSummary(report));
  }
  for (const warning of unresolvedWarnings(report)) console.warn(warning);
  return 0;
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
    fs.writeFileSync(path.join(next, file), content === KEEP ? existing.text(file)! : content);
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
  pipeline: string,
  hashes: Map<string, string>,
  sourceStats: Map<string, fs.Stats>,
  generated: Map<string, GeneratedArticle[]>,
  knownOutputs: Map<string, ManifestOutput>,
): void {
  const manifest: Manifest = { pipeline, sources: {} };
  for (const [source, articles] of generated) {
    const stat = sourceStats.get(source)!;
    manifest.sources[source] = {
      hash: hashes.get(source)!,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      outputs: articles.map((a) => {
        // Stat after the swap: a written file's time is now, a linked one keeps its own.
        const out = fs.statSync(path.join(outDir, a.file), { throwIfNoEntry: false });
        const hash = a.content === KEEP ? knownOutputs.get(a.file)!.hash : sha256(a.content);
        const proofreading = { fingerprint: a.fingerprint, title: a.title, line: a.line };
        return out
          ? { file: a.file, hash, size: out.size, mtimeMs: out.mtimeMs, ...proofreading }
          : { file: a.file, hash, ...proofreading };
      }),
      findings: articles.flatMap((a) => a.findings),
    };
  }
  fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
  fs.writeFileSync(`${manifestFile}.tmp`, JSON.stringify(manifest));
  fs.renameSync(`${manifestFile}.tmp`, manifestFile);
}

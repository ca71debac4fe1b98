/**
 * The search index, built after `astro build` (scripts/integrations/search-index.ts runs scripts/search-index.ts). Pagefind indexes each article as
 * folded, one-character-per-word text (index-html.ts), so a quoted phrase query
 * is an exact substring search; the browser gets the small traditional→simplified map it needs
 * to fold queries the same way.
 *
 * A large archive is indexed in shards (shards.ts) of PAGEFIND_SHARD_PAGES pages (default 2,000)
 * counted from the oldest article: one Pagefind index of 10,000 study-length articles needs over
 * 6 GiB, a shard of 2,000 about a fifth of that. The browser searches the newest bundle first and
 * joins the older ones after the first screen is shown. A shard whose pages are what they were at
 * the last build (by a hash of what Pagefind reads from each) keeps its bundle from the cache
 * instead of being indexed again, so adding an issue re-indexes only the newest shard.
 */
import { isSectionTag } from '../../src/core/sections.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { fullFoldMap, foldMapFor } from './fold-map.ts';
import { indexablePage, TITLE_ANCHOR } from './index-html.ts';
import {
  foldMapToPairs,
  packSidecar,
  type Sidecar,
  type SidecarPage,
} from '../../src/core/search/sidecar.ts';
import { contentTokens } from '../../src/core/search/tokens.ts';
import { ShardKeys, summarizeShards } from '../../src/core/search/shard-summary.ts';
import { SIDECAR_FILES, SUMMARY_FILES } from '../../src/core/search/bundle-files.ts';
import {
  buildShards,
  cutOldestFirst,
  isBundleDir,
  type PagefindIndex,
  type RankKey,
  type ShardJob,
} from './shards.ts';
import type { FoldMap } from '../../src/core/search/fold.ts';

/**
 * Pages handed to Pagefind before waiting for its answer: it indexes one page in its own process
 * while this one folds the next, so the two cores are both busy.
 */
const IN_FLIGHT = 8;

function htmlFiles(dir: string): string[] {
  // Sorted: Pagefind numbers pages in the order they are added, so the same site gives the same index.
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return isBundleDir(e.name) ? [] : htmlFiles(full);
      return e.name.endsWith('.html') ? [full] : [];
    });
}

/**
 * A built file's URL from the site root. Pagefind's browser side prefixes its own location's base
 * (/xuexi/pagefind/ → /xuexi/), so the deployment's BASE_PATH must not be added here as well.
 */
function pageUrl(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

interface Bundle {
  dir: string;
  pages: Record<string, SidecarPage>;
  /** Every folded character the shard's pages use: the fold map covers the archive's. */
  chars: string;
  /** The characters and adjacent pairs its pages give the index (shard-summary.ts). */
  keys: number[];
  /** Kept from the last build rather than indexed again. */
  kept: boolean;
  /** The hash of the shard's pages it was built from (shardKey). */
  key: string;
}

/** An article page as it goes to Pagefind, with the text it must come back with. */
interface PreparedPage {
  file: string;
  url: string;
  html: string;
  folded: string;
}

/** A page with a body to index, what it is ranked by, and a hash of what Pagefind reads from it. */
type IndexedFile = RankKey & { file: string; print: string };

/** What every shard's build shares. */
interface IndexContext {
  dist: string;
  full: FoldMap;
  /** Where bundles are kept between builds (Astro's cache folder); none keeps nothing. */
  cacheDir?: string;
  /** The indexer itself: a change to it or to Pagefind indexes every shard again. */
  version: string;
}

/**
 * Indexes the built site in `dist` in shards of `pagesPerShard` pages counted from the oldest, keeps
 * unchanged shards' bundles from `cacheDir`, and writes each bundle's sidecar beside it.
 * scripts/search-index.ts is its command line.
 */
export async function buildSearchIndex(
  dist: string,
  pagesPerShard: number,
  cacheDir?: string,
): Promise<void> {
  const started = Date.now();
  const context: IndexContext = { dist, full: fullFoldMap(), cacheDir, version: indexerVersion() };
  const files = indexedFiles(dist);
  const { dirs, built: pending } = await buildShards(
    dist,
    cutOldestFirst(files, (f) => f, pagesPerShard),
    (shard) => shardBundle(shard, context),
    // Indexed as "no linguistic content" (zxx): the text is already one character per word, and a
    // Chinese index would make Pagefind store a zero-width space after every character, doubling
    // the fragments each result loads. With one language, pages in any lang attribute search it.
    { forceLanguage: 'zxx' },
  );
  if (dirs.length === 0)
    throw new Error(`pagefind: ${dist} 中没有可索引的文章页 / no page with data-pagefind-body`);
  const built = await Promise.all(pending.map((p) => p.later));
  if (cacheDir) forgetOtherShards(cacheDir, built);
  const { chars, foldEntries } = writeSidecars(dist, built, context.full);
  const pages = built.reduce((n, b) => n + Object.keys(b.pages).length, 0);
  const kept = built.filter((b) => b.kept).length;
  console.log(
    `搜索索引：${pages} 篇，${built.length} 个分片（沿用 ${kept} 个），${chars} 个不同字符，繁简对照 ${foldEntries} 条，用时 ${Date.now() - started} ms`,
  );
}

/**
 * Pages with a body to index, with their sort dates (home, lists and search have none) and
 * fingerprints, read once: the site's HTML is 360 MiB at 10,000 articles.
 */
function indexedFiles(dist: string): IndexedFile[] {
  return htmlFiles(dist).flatMap((file): IndexedFile[] => {
    const html = fs.readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-body')) return [];
    const print = createHash('sha256').update(pageFingerprint(html)).digest('base64');
    return [{ file, url: pageUrl(dist, file), date: sortDate(html), print }];
  });
}

/**
 * A shard's bundle: kept from the cache when its pages are unchanged, else indexed and cached.
 * Returned as `later`: the fragments of an indexed shard are read back while Pagefind indexes the
 * next one (readFragments yields between files), so both cores stay busy.
 */
async function shardBundle(
  shard: ShardJob<IndexedFile>,
  context: IndexContext,
): Promise<{ later: Promise<Bundle> }> {
  const key = shardKey(shard.pages, context.version);
  const kept = context.cacheDir && keptBundle(context.cacheDir, key, shard.outputPath);
  if (kept) return { later: Promise.resolve(kept) };
  const { expected, chars, keys } = await indexShard(shard, context);
  const later = readFragments(shard.outputPath, expected).then((pages) => {
    const bundle = { dir: path.basename(shard.outputPath), pages, chars, keys, kept: false, key };
    if (context.cacheDir) keepBundle(context.cacheDir, key, shard.outputPath, bundle);
    return bundle;
  });
  // Handled when awaited with the others; until then a failure must not count as unhandled.
  later.catch(() => undefined);
  return { later };
}

/**
 * Indexes one shard with Pagefind: the text each page must come back with, the characters used,
 * and the shard's summary keys.
 */
async function indexShard(
  shard: ShardJob<IndexedFile>,
  context: IndexContext,
): Promise<{ expected: Map<string, string>; chars: string; keys: number[] }> {
  const seen = new Uint8Array(0x110000);
  const keys = new ShardKeys();
  const expected = new Map<string, string>();
  const index = await shard.index();
  await feed(context.dist, index, prepare(shard.pages, context, seen, keys), expected);
  const { errors } = await index.writeFiles({ outputPath: shard.outputPath });
  if (errors.length > 0) throw new Error(`pagefind: ${errors.join('; ')}`);
  const chars: string[] = [];
  seen.forEach((used, cp) => used && chars.push(String.fromCodePoint(cp)));
  return { expected, chars: chars.join(''), keys: keys.stored() };
}

function* prepare(
  files: IndexedFile[],
  context: IndexContext,
  seen: Uint8Array,
  keys: ShardKeys,
): Generator<PreparedPage> {
  for (const { file, url } of files) {
    const page = indexablePage(fs.readFileSync(file, 'utf8'), context.full);
    if (!page) continue;
    markCodePoints(page.folded, seen);
    keys.add(page.folded);
    yield { file, url, html: page.html, folded: page.folded };
  }
}

/**
 * What Pagefind reads from a page, cheaply, for the shard's hash: every filter, metadata and sort
 * element, and the page from its data-pagefind-body to the end of its <article> (the body and what
 * follows it in the article; a page whose article holds another one is taken to its end). More
 * than Pagefind reads is harmless (a shard is indexed again); less would keep a stale bundle.
 */
function pageFingerprint(html: string): string {
  const body = html.indexOf('data-pagefind-body');
  const end = html.indexOf('</article>', body);
  const nested = html.indexOf('<article', body);
  const stop = end < 0 || (nested >= 0 && nested < end) ? html.length : end;
  const fields = html.match(/<[^>]*data-pagefind-(?:filter|meta|sort)[^>]*>[^<]*/g) ?? [];
  return `${fields.join('\n')}\n${html.slice(body, stop)}`;
}

function shardKey(files: IndexedFile[], version: string): string {
  const hash = createHash('sha256').update(version);
  for (const { url, print } of files) hash.update(`\0${url}\0${print}`);
  return hash.digest('hex').slice(0, 32);
}

/** The indexer's own code and Pagefind's version: what else makes a bundle. */
function indexerVersion(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const sources = [here, path.resolve(here, '../../src/core/search')];
  const hash = createHash('sha256');
  for (const dir of sources)
    for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort())
      if (name.endsWith('.ts')) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  // Pagefind's package.json (its version) lies above its entry; its exports do not name it.
  let pagefindDir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!fs.existsSync(path.join(pagefindDir, 'package.json')))
    pagefindDir = path.dirname(pagefindDir);
  return hash.update(fs.readFileSync(path.join(pagefindDir, 'package.json'))).digest('hex');
}

const KEPT = 'search-bundles';

/** A cached bundle copied into place, or undefined when the cache has none for this key. */
function keptBundle(cacheDir: string, key: string, outputPath: string): Bundle | undefined {
  const at = path.join(cacheDir, KEPT, key);
  if (!fs.existsSync(path.join(at, 'shard.json'))) return undefined;
  const { pages, chars, keys } = JSON.parse(
    fs.readFileSync(path.join(at, 'shard.json'), 'utf8'),
  ) as Pick<Bundle, 'pages' | 'chars' | 'keys'>;
  fs.cpSync(path.join(at, 'bundle'), outputPath, { recursive: true });
  return { dir: path.basename(outputPath), pages, chars, keys, kept: true, key };
}

function keepBundle(cacheDir: string, key: string, outputPath: string, bundle: Bundle): void {
  const at = path.join(cacheDir, KEPT, key);
  fs.rmSync(at, { recursive: true, force: true });
  fs.cpSync(outputPath, path.join(at, 'bundle'), { recursive: true });
  // Written last: a bundle half copied by a build that was stopped is not taken for a whole one.
  fs.writeFileSync(
    path.join(at, 'shard.json'),
    JSON.stringify({ pages: bundle.pages, chars: bundle.chars, keys: bundle.keys }),
  );
}

/** Drops cached bundles this build did not use, so the cache holds one archive's shards. */
function forgetOtherShards(cacheDir: string, built: Bundle[]): void {
  const used = new Set(built.map((b) => b.key));
  const dir = path.join(cacheDir, KEPT);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    if (!used.has(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
}

/**
 * The fold map covers the whole archive and travels once, with the first bundle; that sidecar also
 * names the other bundles, so a one-bundle archive costs the browser no extra request, and counts
 * the archive's pages by year, so a year chart spans the whole archive before the older bundles
 * are loaded.
 */
function writeSidecars(
  dist: string,
  bundles: Bundle[],
  full: FoldMap,
): { chars: number; foldEntries: number } {
  const archiveChars = new Set<string>();
  for (const b of bundles) for (const c of b.chars) archiveChars.add(c);
  const foldMap = foldMapFor(archiveChars, full);
  for (const [k, bundle] of bundles.entries()) {
    const sidecar: Sidecar =
      k === 0
        ? {
            fold: foldMapToPairs(foldMap),
            pages: bundle.pages,
            bundles: bundles.slice(1).map((b) => `${b.dir}/`),
            years: archiveYears(bundles),
          }
        : { fold: '', pages: bundle.pages };
    writeJson(path.join(dist, bundle.dir), SIDECAR_FILES, packSidecar(sidecar));
  }
  // A file of its own: the search page asks for the sidecar before its script runs, the summary is
  // needed only once Pagefind has loaded.
  if (bundles.length > 1)
    writeJson(
      path.join(dist, bundles[0].dir),
      SUMMARY_FILES,
      summarizeShards(bundles.map((b) => new Set(b.keys))),
    );
  return { chars: archiveChars.size, foldEntries: Object.keys(foldMap).length };
}

/** The date search sorts a page by, as SearchIndexFields.astro files it ('' when undated). */
function sortDate(html: string): string {
  return /data-pagefind-sort="date:([^"]*)"/.exec(html)?.[1] ?? '';
}

function archiveYears(bundles: Bundle[]): Record<string, number> {
  const years: Record<string, number> = {};
  for (const b of bundles)
    for (const p of Object.values(b.pages))
      for (const y of p.f.year ?? []) years[y] = (years[y] ?? 0) + 1;
  return years;
}

/**
 * Marks the code points `text` uses. Adding the archive's characters one by one to a Set of
 * strings took most of a second at 1,000 articles; this needs no string per character.
 */
function markCodePoints(text: string, seen: Uint8Array): void {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    seen[cp] = 1;
    if (cp > 0xffff) i++; // the second half of a surrogate pair
  }
}

/**
 * Writes a JSON file and its gzipped copy: browsers that can gunzip (DecompressionStream) fetch the
 * .gz, under half the size.
 */
function writeJson(outputPath: string, names: { json: string; gz: string }, value: unknown): void {
  const json = JSON.stringify(value);
  fs.writeFileSync(path.join(outputPath, names.json), json);
  fs.writeFileSync(path.join(outputPath, names.gz), zlib.gzipSync(json, { level: 9 }));
}

/**
 * Hands a shard's pages to Pagefind, at most IN_FLIGHT ahead of its answers (it indexes one page in
 * its own process while this one prepares the next), noting the text each must come back with.
 * Returns how many pages were added.
 */
async function feed(
  dist: string,
  index: PagefindIndex,
  pages: Iterable<PreparedPage>,
  expected: Map<string, string>,
): Promise<number> {
  const inFlight: Promise<void>[] = [];
  for (const page of pages) {
    expected.set(page.url, page.folded);
    const added = index.addHTMLFile({ url: page.url, content: page.html }).then((r) => {
      if (r.errors.length > 0)
        throw new Error(`pagefind: ${path.relative(dist, page.file)}: ${r.errors.join('; ')}`);
    });
    // Handled when awaited below; until then a failure must not count as unhandled.
    added.catch(() => undefined);
    inFlight.push(added);
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  return expected.size;
}

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
}

/**
 * Reads back what Pagefind wrote, checks that its word positions are our characters one for one
 * (excerpts, highlights and unfolding all rely on it), and collects each page's sidecar entry.
 */
async function readFragments(
  outputPath: string,
  expected: Map<string, string>,
): Promise<Record<string, SidecarPage>> {
  const dir = path.join(outputPath, 'fragment');
  const pages: Record<string, SidecarPage> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const raw = zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as Fragment;
    const tokens = contentTokens(fragment.content);
    const mine = expected.get(fragment.url);
    if (mine === undefined || tokens.join('') !== mine || tokens.length !== [...mine].length) {
      throw new Error(
        `pagefind: ${fragment.url}: 索引的字与页面正文不一致 / indexed words do not match the page text one to one`,
      );
    }
    const text = (a: Fragment['anchors'][number]) => contentTokens(a.text).join('');
    const ti = fragment.anchors
      .filter((a) => a.id === TITLE_ANCHOR)
      .map(text)
      .join('');
    const hd = fragment.anchors
      .filter((a) => isSectionTag(a.element))
      .map(text)
      .join('\n');
    pages[name.replace(/\.pf_fragment$/, '')] = {
      d: fragment.meta.date ?? '',
      f: fragment.filters,
      ti,
      hd,
    };
    // Lets Pagefind's answers in while it indexes the next shard, so it is never kept waiting.
    await setImmediate();
  }
  if (Object.keys(pages).length !== expected.size) {
    throw new Error(
      `pagefind: ${path.basename(outputPath)}: ${expected.size} 篇送入索引，写出 ${Object.keys(pages).length} 篇 / pages indexed and fragments written differ`,
    );
  }
  return pages;
}

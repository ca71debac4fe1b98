/**
 * The search index, built after `astro build` (scripts/integrations/search-index.ts runs scripts/search-index.ts). Pagefind indexes each article as
 * folded, one-character-per-word text (index-html.ts), so a quoted phrase query
 * is an exact substring search; the browser gets the small traditional→simplified map it needs
 * to fold queries the same way.
 *
 * A large archive is indexed in shards (shards.ts) of at most
 * PAGEFIND_SHARD_PAGES pages (default 2,000), cut newest first: one Pagefind index of 10,000
 * study-length articles needs over 6 GiB, a shard of 2,000 about a fifth of that. The browser
 * searches the newest bundle first and joins the older ones after the first screen is shown.
 */
import { isSectionTag } from '../../src/core/sections.ts';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import zlib from 'node:zlib';
import { fullFoldMap, foldMapFor } from './fold-map.ts';
import { indexablePage, TITLE_ANCHOR } from './index-html.ts';
import {
  foldMapToPairs,
  packSidecar,
  type Sidecar,
  type SidecarPage,
} from '../../src/core/search/sidecar.ts';
import { contentTokens } from '../../src/core/search/tokens.ts';
import {
  buildShards,
  isBundleDir,
  shardCount,
  type PagefindIndex,
  type RankKey,
} from './shards.ts';

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
}

/** An article page as it goes to Pagefind, with the text it must come back with. */
interface PreparedPage {
  file: string;
  url: string;
  html: string;
  folded: string;
}

/** A written bundle whose fragments are still to be read back. */
interface Unread {
  outputPath: string;
  expected: Map<string, string>;
}

/**
 * Indexes the built site in `dist` in shards of at most `pagesPerShard` pages, newest first, and
 * writes each bundle's sidecar beside it. scripts/search-index.ts is its command line.
 */
export async function buildSearchIndex(dist: string, pagesPerShard: number): Promise<void> {
  const started = Date.now();
  const full = fullFoldMap();
  // Only pages with a body to index take a place in a shard (home, lists and search do not).
  const files = htmlFiles(dist).flatMap((file): (RankKey & { file: string })[] => {
    const html = fs.readFileSync(file, 'utf8');
    return html.includes('data-pagefind-body')
      ? [{ file, url: pageUrl(dist, file), date: sortDate(html) }]
      : [];
  });
  const archiveCodePoints = new Uint8Array(0x110000);
  const bundles: Bundle[] = [];
  let pages = 0;
  function* prepare(shardFiles: { file: string }[]): Generator<PreparedPage> {
    for (const { file } of shardFiles) {
      const page = indexablePage(fs.readFileSync(file, 'utf8'), full);
      if (!page) continue;
      markCodePoints(page.folded, archiveCodePoints);
      yield { file, url: pageUrl(dist, file), html: page.html, folded: page.folded };
    }
  }
  // The two cores are kept busy across shards: the next shard's pages are prepared while Pagefind
  // writes this one, and this one's fragments are read back while Pagefind indexes the next.
  let prepared: PreparedPage[] | undefined;
  let unread: Unread | undefined;
  const dirs = await buildShards(
    dist,
    files,
    (f) => f,
    shardCount(files.length, pagesPerShard),
    async (index, shardFiles, outputPath, nextShardFiles) => {
      const expected = new Map<string, string>();
      // The first shard is prepared page by page as Pagefind takes it; later ones are ready.
      const fed = feed(dist, index, prepared ?? prepare(shardFiles), expected);
      prepared = undefined;
      // Handled when awaited below; until then a failure must not count as unhandled.
      fed.catch(() => undefined);
      if (unread) bundles.push(await readBundle(unread));
      pages += await fed;
      const written = index.writeFiles({ outputPath });
      written.catch(() => undefined); // likewise
      if (nextShardFiles) prepared = [...prepare(nextShardFiles)];
      const { errors } = await written;
      if (errors.length > 0) throw new Error(`pagefind: ${errors.join('; ')}`);
      unread = { outputPath, expected };
    },
    // Indexed as "no linguistic content" (zxx): the text is already one character per word, and a
    // Chinese index would make Pagefind store a zero-width space after every character, doubling
    // the fragments each result loads. With one language, pages in any lang attribute search it.
    { forceLanguage: 'zxx' },
  );
  if (unread) bundles.push(await readBundle(unread));
  if (dirs.length === 0)
    throw new Error(`pagefind: ${dist} 中没有可索引的文章页 / no page with data-pagefind-body`);
  // The fold map covers the whole archive and travels once, with the first bundle; that sidecar
  // also names the other bundles, so a one-bundle archive costs the browser no extra request, and
  // counts the archive's pages by year, so a year chart spans the whole archive before the older
  // bundles are loaded.
  const archiveChars = new Set<string>();
  archiveCodePoints.forEach((seen, cp) => seen && archiveChars.add(String.fromCodePoint(cp)));
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
    writeSidecar(path.join(dist, bundle.dir), sidecar);
  }
  console.log(
    `搜索索引：${pages} 篇，${bundles.length} 个分片，${archiveChars.size} 个不同字符，繁简对照 ${Object.keys(foldMap).length} 条，用时 ${Date.now() - started} ms`,
  );
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
    const cp = text.codePointAt(i)!;
    seen[cp] = 1;
    if (cp > 0xffff) i++; // the second half of a surrogate pair
  }
}

function writeSidecar(outputPath: string, sidecar: Sidecar): void {
  const json = JSON.stringify(packSidecar(sidecar));
  // Browsers that can gunzip (DecompressionStream) fetch the .gz, under half the size; others the JSON.
  fs.writeFileSync(path.join(outputPath, 'zh-search.json'), json);
  fs.writeFileSync(path.join(outputPath, 'zh-search.json.gz'), zlib.gzipSync(json, { level: 9 }));
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

async function readBundle({ outputPath, expected }: Unread): Promise<Bundle> {
  return { dir: path.basename(outputPath), pages: await readFragments(outputPath, expected) };
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

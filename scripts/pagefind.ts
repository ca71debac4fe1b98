/**
 * The search index, run by `npm run build` after `astro build`. Pagefind indexes each article as
 * folded, one-character-per-word text (src/lib/search/index-html.ts), so a quoted phrase query
 * is an exact substring search; the browser gets the small traditional→simplified map it needs
 * to fold queries the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import * as pagefind from 'pagefind';
import { fullFoldMap, foldMapFor } from '../src/lib/search/fold-map.ts';
import { indexablePage, TITLE_ANCHOR } from '../src/lib/search/index-html.ts';
import { foldMapToPairs, type Sidecar, type SidecarPage } from '../src/lib/search/sidecar.ts';
import { contentTokens } from '../src/lib/search/tokens.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.DIST_DIR ?? 'dist');

function htmlFiles(dir: string): string[] {
  // Sorted: Pagefind numbers pages in the order they are added, so the same site gives the same index.
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });
}

/**
 * A built file's URL from the site root. Pagefind's browser side prefixes its own location's base
 * (/xuexi/pagefind/ → /xuexi/), so the deployment's BASE_PATH must not be added here as well.
 */
function pageUrl(file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

async function main(): Promise<void> {
  const started = Date.now();
  const full = fullFoldMap();
  // Indexed as "no linguistic content" (zxx): the text is already one character per word, and a
  // Chinese index would make Pagefind store a zero-width space after every character, doubling
  // the fragments each result loads. With one index, pages in any lang attribute search it.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zxx' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const archiveChars = new Set<string>();
  let pages = 0;
  const expected = new Map<string, string[]>();
  for (const file of htmlFiles(dist)) {
    const page = indexablePage(fs.readFileSync(file, 'utf8'), full);
    if (!page) continue;
    for (const ch of page.folded) archiveChars.add(ch);
    const url = pageUrl(file);
    expected.set(url, page.folded);
    const added = await index.addHTMLFile({ url, content: page.html });
    if (added.errors.length > 0) throw new Error(`pagefind: ${path.relative(dist, file)}: ${added.errors.join('; ')}`);
    pages += 1;
  }
  const outputPath = path.join(dist, 'pagefind');
  fs.rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  const foldMap = foldMapFor(archiveChars, full);
  const sidecar: Sidecar = { fold: foldMapToPairs(foldMap), pages: readFragments(outputPath, expected) };
  const json = JSON.stringify(sidecar);
  // Browsers that can gunzip (DecompressionStream) fetch the .gz, under half the size; others the JSON.
  fs.writeFileSync(path.join(outputPath, 'zh-search.json'), json);
  fs.writeFileSync(path.join(outputPath, 'zh-search.json.gz'), zlib.gzipSync(json, { level: 9 }));
  await pagefind.close();
  console.log(`搜索索引：${pages} 篇，${archiveChars.size} 个不同字符，繁简对照 ${Object.keys(foldMap).length} 条，用时 ${Date.now() - started} ms`);
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
function readFragments(outputPath: string, expected: Map<string, string[]>): Record<string, SidecarPage> {
  const dir = path.join(outputPath, 'fragment');
  const pages: Record<string, SidecarPage> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const raw = zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as Fragment;
    const tokens = contentTokens(fragment.content);
    const mine = expected.get(fragment.url);
    if (!mine || tokens.join('') !== mine.join('') || tokens.length !== mine.length) {
      throw new Error(`pagefind: ${fragment.url}: 索引的字与页面正文不一致 / indexed words do not match the page text one to one`);
    }
    const text = (a: Fragment['anchors'][number]) => contentTokens(a.text).join('');
    const ti = fragment.anchors.filter((a) => a.id === TITLE_ANCHOR).map(text).join('');
    const hd = fragment.anchors.filter((a) => a.element === 'h2' || a.element === 'h3').map(text).join('\n');
    pages[name.replace(/\.pf_fragment$/, '')] = { d: fragment.meta.date ?? '', f: fragment.filters, ti, hd };
  }
  return pages;
}

await main();

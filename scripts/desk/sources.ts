/**
 * What the desk offers to edit: the sources under src/content/sources (each with its editorial
 * file beside it, existing or not yet), the column folders, and the titles ingest found in each
 * source, read from the generated articles' front matter (which names the source and position).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { readArticle } from '../../src/core/article-file.ts';
import { editorialPathFor } from '../ingest/stages/editorial.ts';

/** Where the sources, the articles and the data files are, below the project root. */
export const SOURCES_DIR = 'src/content/sources';
export const ARTICLES_DIR = 'src/content/articles';
export const DATA_DIR = 'src/data';

/** The kinds of source the desk uploads and lists (ingest also reads only these). */
export const SOURCE_EXTENSIONS = ['.txt', '.docx'] as const;

export interface DeskSource {
  /** Relative to src/content/sources, "/"-separated: "期刊/学习与履职文选.txt". */
  source: string;
  /** Its editorial file, same folder and name, `.yaml`. */
  editorial: string;
  /** Titles of its articles in source order, as the editorial file's `match` takes them. */
  titles: string[];
}

const isSourceName = (name: string) =>
  !name.startsWith('~$') && SOURCE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

async function filesBelow(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).replaceAll('\\', '/'),
    )
    .sort();
}

/** Column folders: the folders directly under src/content/sources ("" is the top folder). */
export async function columnFolders(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, SOURCES_DIR), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** Every source with the titles ingest found in it; a source not yet ingested has none. */
export async function deskSources(root: string): Promise<DeskSource[]> {
  const titles = await titlesBySource(root);
  const sources = await filesBelow(path.join(root, SOURCES_DIR), isSourceName);
  return Promise.all(
    sources.map(async (source) => {
      const editorial = editorialPathFor(source);
      const found = titles.get(source) ?? [];
      return { source, editorial, titles: await asMatched(root, editorial, found) };
    }),
  );
}

async function titlesBySource(root: string): Promise<Map<string, string[]>> {
  const dir = path.join(root, ARTICLES_DIR);
  const files = await filesBelow(dir, (name) => name.endsWith('.mdx'));
  const placed = new Map<string, { index: number; title: string }[]>();
  for (const file of files) {
    const { data } = readArticle(await readFile(path.join(dir, file), 'utf8'));
    const { source, sourceIndex, title } = data as {
      source: string;
      sourceIndex: number;
      title: string;
    };
    placed.set(source, [...(placed.get(source) ?? []), { index: sourceIndex, title }]);
  }
  return new Map(
    [...placed].map(([source, list]) => [
      source,
      list.sort((a, b) => a.index - b.index).map((entry) => entry.title),
    ]),
  );
}

/**
 * An article whose title the editor corrected carries the corrected title in its front matter, but
 * the editorial file matches the title ingest read: the entry's `match`. Titles an entry matches are
 * kept too, so an entry always shows its article.
 */
async function asMatched(root: string, editorial: string, titles: string[]): Promise<string[]> {
  const text = await readFile(path.join(root, SOURCES_DIR, editorial), 'utf8').catch(() => '');
  const data = (text ? parse(text, { schema: 'core' }) : undefined) as
    { articles?: { match?: unknown; title?: unknown }[] } | undefined;
  const entries = Array.isArray(data?.articles) ? data.articles : [];
  const matched = titles.map((title) => {
    const entry = entries.find((e) => e.title === title && typeof e.match === 'string');
    return entry ? String(entry.match) : title;
  });
  const extra = entries
    .map((e) => e.match)
    .filter((m): m is string => typeof m === 'string' && !matched.includes(m));
  return [...matched, ...extra];
}

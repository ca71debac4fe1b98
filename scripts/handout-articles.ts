import fs from 'node:fs';
import path from 'node:path';
import { AnchorCounter } from '../src/lib/anchors.ts';
import type { HandoutItem } from '../src/lib/handout-items.ts';

/**
 * The articles a handout can name, read from the generated MDX (the same files the site is built
 * from), and the rules for turning what a person types on the command line into a handout item.
 */

export interface ArticleFile {
  /** The id the site uses: path under the articles folder, without .mdx. */
  id: string;
  title: string;
  /** The source file it came from, relative to src/content/sources/. */
  source: string;
  /** Section anchors (s1, s1-2) in order, with their heading text. */
  sections: Map<string, string>;
}

function frontMatterString(text: string, key: string): string {
  const m = new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(text);
  if (!m) return '';
  try {
    return JSON.parse(m[1]);
  } catch {
    return m[1].trim();
  }
}

/** Headings as rehype-section-anchors numbers them: every h2 and h3, in order. */
function sectionsOf(body: string): Map<string, string> {
  const anchors = new AnchorCounter();
  const sections = new Map<string, string>();
  for (const line of body.split('\n')) {
    const m = /^(#{2,3})\s+(.+)$/.exec(line);
    if (m) sections.set(anchors.heading(m[1].length), m[2].trim());
  }
  return sections;
}

export function readArticles(dir: string): ArticleFile[] {
  // Articles are .mdx, or plain .md (the site reads both).
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f));
  return files
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const end = text.indexOf('\n---', 4);
      const head = text.slice(0, end);
      return {
        id: file.replace(/\\/g, '/').replace(/\.mdx?$/, ''),
        title: frontMatterString(head, 'title'),
        source: frontMatterString(head, 'source'),
        sections: sectionsOf(text.slice(end + 4)),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export class UnknownItemError extends Error {}

/**
 * Finds the article a command-line argument names: its id ("column/slug"), its last part ("slug"),
 * its page path ("/articles/column/slug/"), its MDX file, or its source file, with an optional
 * "#s2" section. Anything else is an error that names the argument.
 */
export function resolveArgument(arg: string, articles: ArticleFile[]): HandoutItem {
  const hashAt = arg.indexOf('#');
  const section = hashAt >= 0 ? arg.slice(hashAt + 1) : undefined;
  let key = (hashAt >= 0 ? arg.slice(0, hashAt) : arg).trim().replace(/\\/g, '/');
  key = key.replace(/^https?:\/\/[^/]+/, '').replace(/^\.?\/+/, '').replace(/\/+$/, '');
  key = key.replace(/^(?:.*\/)?src\/content\/articles\//, '').replace(/^(?:.*\/)?articles\//, '').replace(/\.mdx?$/, '');
  const sourceKey = key.replace(/^(?:.*\/)?src\/content\/sources\//, '');

  const matches = [
    articles.filter((a) => a.id === key),
    articles.filter((a) => a.id.split('/').pop() === key),
    articles.filter((a) => a.source === sourceKey || a.source.replace(/\.[^.]+$/, '') === sourceKey),
    articles.filter((a) => path.basename(a.source).replace(/\.[^.]+$/, '') === key),
  ].find((m) => m.length > 0);

  if (!matches) throw new UnknownItemError(`找不到材料“${arg}”：没有这篇文章。请用文章路径（如 ${articles[0]?.id ?? 'column/slug'}）、来源文件名，或 --all。`);
  if (matches.length > 1) throw new UnknownItemError(`材料“${arg}”不唯一，可能是：${matches.map((a) => a.id).join('、')}`);
  const article = matches[0];
  if (section !== undefined && !article.sections.has(section)) {
    throw new UnknownItemError(`找不到材料“${arg}”：《${article.title}》没有第 ${section} 节（有 ${[...article.sections.keys()].slice(0, 8).join('、')}……）`);
  }
  return section ? { article: article.id, section } : { article: article.id };
}

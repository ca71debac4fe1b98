import fs from 'node:fs';
import path from 'node:path';
import type { HandoutItem } from '../../src/core/handout-items.ts';
import { sectionHeadings } from '../../src/core/sections.ts';
import { articleIdOfFile, readArticle } from '../../src/core/article-file.ts';

/**
 * The articles a handout can name, read from the generated Markdown (the same files the site is built
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

/** The published articles: one the editor withholds (`publish: false`) has no page to print. */
export function readArticles(dir: string): ArticleFile[] {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'));
  return files
    .map((file) => {
      let article: ReturnType<typeof readArticle>;
      try {
        article = readArticle(fs.readFileSync(path.join(dir, file), 'utf8'));
      } catch (error) {
        throw new Error(`${path.join(dir, file)}: ${(error as Error).message}`, { cause: error });
      }
      return article.data.withheld === true
        ? undefined
        : {
            id: articleIdOfFile(file),
            title: String(article.data.title ?? ''),
            source: String(article.data.source ?? ''),
            sections: new Map(sectionHeadings(article.body).map((s) => [s.id, s.heading])),
          };
    })
    .filter((a) => a !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export class UnknownItemError extends Error {}

/**
 * Finds the article a command-line argument names: its id ("column/slug"), its last part ("slug"),
 * its page path ("/articles/column/slug/"), its Markdown file, or its source file, with an optional
 * "#s2" section. Anything else is an error that names the argument.
 */
export function resolveArgument(arg: string, articles: ArticleFile[]): HandoutItem {
  const hashAt = arg.indexOf('#');
  const section = hashAt >= 0 ? arg.slice(hashAt + 1) : undefined;
  let key = (hashAt >= 0 ? arg.slice(0, hashAt) : arg).trim().replace(/\\/g, '/');
  key = key
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '');
  key = key
    .replace(/^(?:.*\/)?src\/content\/articles\//, '')
    .replace(/^(?:.*\/)?articles\//, '')
    .replace(/\.mdx?$/, '');
  const sourceKey = key.replace(/^(?:.*\/)?src\/content\/sources\//, '');

  const matches = [
    articles.filter((a) => a.id === key),
    articles.filter((a) => a.id.split('/').pop() === key),
    articles.filter(
      (a) => a.source === sourceKey || a.source.replace(/\.[^.]+$/, '') === sourceKey,
    ),
    articles.filter((a) => path.basename(a.source).replace(/\.[^.]+$/, '') === key),
  ].find((m) => m.length > 0);

  if (!matches)
    throw new UnknownItemError(
      `找不到材料“${arg}”：没有这篇文章。请用文章路径（如 ${articles[0]?.id ?? 'column/slug'}）、来源文件名，或 --all。`,
    );
  if (matches.length > 1)
    throw new UnknownItemError(
      `材料“${arg}”不唯一，可能是：${matches.map((a) => a.id).join('、')}`,
    );
  const article = matches[0];
  if (section !== undefined && !article.sections.has(section)) {
    throw new UnknownItemError(
      `找不到材料“${arg}”：《${article.title}》没有第 ${section} 节（有 ${[...article.sections.keys()].slice(0, 8).join('、')}……）`,
    );
  }
  return section ? { article: article.id, section } : { article: article.id };
}

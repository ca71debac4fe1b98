import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type ArticleData } from '../../src/core/article-schema.ts';
import { ARTICLES } from './paths.ts';
import { readArticle } from '../../scripts/stages/emit.ts';

export interface ShippedArticle {
  /** The content-collection id, as Astro derives it: the path under articles/ without .mdx. */
  id: string;
  data: ArticleData;
  /** The raw MDX body after the front matter, as Astro's entry.body holds it. */
  body: string;
}

/** Every generated article in src/content/articles, read the way the content collection reads it. */
export function shippedArticles(): ShippedArticle[] {
  const files = fs.readdirSync(ARTICLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
  return files.sort().map((file) => {
    const raw = fs.readFileSync(path.join(ARTICLES, file), 'utf8');
    // Front matter is written as `key: <JSON>` lines, so emit's own reader reads it exactly.
    const { data, body } = readArticle(raw);
    return { id: file.replace(/\.mdx$/, '').split(path.sep).join('/'), data: articleSchema.parse(data), body };
  });
}

import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type ArticleEntry } from '../../src/core/article-schema.ts';
import { ARTICLES } from './paths.ts';
import { articleIdOfFile, readArticle } from '../../src/core/article-file.ts';

/** With the raw MDX body after the front matter, as Astro's entry.body holds it. */
export type ShippedArticle = ArticleEntry & { body: string };

/**
 * Every published article in src/content/articles, read the way the content collection reads it:
 * the ones that have a page. An article the editor withholds (`withheld` in its front matter) is
 * left out; `withheldArticles` lists those.
 */
export function shippedArticles(): ShippedArticle[] {
  return everyArticle().filter((a) => !a.data.withheld);
}

/** The articles the editor withholds: no page, only their title on their issue's contents. */
export function withheldArticles(): ShippedArticle[] {
  return everyArticle().filter((a) => a.data.withheld);
}

function everyArticle(): ShippedArticle[] {
  const files = fs
    .readdirSync(ARTICLES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'));
  return files.sort().map((file) => {
    const raw = fs.readFileSync(path.join(ARTICLES, file), 'utf8');
    // Front matter is written as `key: <JSON>` lines, so emit's own reader reads it exactly.
    const { data, body } = readArticle(raw);
    return { id: articleIdOfFile(file), data: articleSchema.parse(data), body };
  });
}

import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type ArticleData } from '../../src/lib/article-schema.ts';
import { ARTICLES } from './paths.ts';

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
    const m = /^---\n([\s\S]*?)\n---\n/.exec(raw);
    if (!m) throw new Error(`${file}: no front matter`);
    // Front matter is written as `key: <JSON>` lines (scripts/stages/emit.ts), so JSON reads it exactly.
    const data = Object.fromEntries(m[1].split('\n').map((line) => {
      const i = line.indexOf(': ');
      return [line.slice(0, i), JSON.parse(line.slice(i + 2))];
    }));
    return { id: file.replace(/\.mdx$/, '').split(path.sep).join('/'), data: articleSchema.parse(data), body: raw.slice(m[0].length) };
  });
}

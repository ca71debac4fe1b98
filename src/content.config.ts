import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/article-schema.ts';

const articles = defineCollection({
  // ARTICLES_DIR lets a benchmark build a generated archive without touching the committed articles.
  // .md as well as .mdx: the same article read as plain Markdown renders the same HTML without a
  // module bundled per article, which is what a 10,000-article build spends its time on (see npm run bench).
  loader: glob({ pattern: '**/*.{md,mdx}', base: process.env.ARTICLES_DIR ?? './src/content/articles' }),
  schema: articleSchema,
});

export const collections = { articles };

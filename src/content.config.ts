import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './core/article-schema.ts';

const articles = defineCollection({
  // ARTICLES_DIR lets a benchmark build a generated archive without touching the committed articles;
  // ARTICLES_EXTENSION=md lets it time the same articles read as plain Markdown (npm run bench).
  loader: glob({
    pattern: `**/*.${process.env.ARTICLES_EXTENSION ?? 'mdx'}`,
    base: process.env.ARTICLES_DIR ?? './src/content/articles',
  }),
  schema: articleSchema,
});

export const collections = { articles };

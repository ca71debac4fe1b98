import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/article-schema.ts';

const articles = defineCollection({
  // ARTICLES_DIR lets a benchmark build a generated archive without touching the committed articles.
  loader: glob({ pattern: '**/*.md', base: process.env.ARTICLES_DIR ?? './src/content/articles' }),
  schema: articleSchema,
});

export const collections = { articles };

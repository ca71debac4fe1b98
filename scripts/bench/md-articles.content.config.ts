/**
 * Bench only: copied over src/content.config.ts in a benchmark's own project copy (its imports of
 * ../../src/ become ./ there), so the same articles, renamed to .md, build through Astro's glob
 * loader and Markdown renderer with the site's processor and plugins. The site itself never reads
 * this file (build-bench.ts, timeAstroPaths).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from '../../src/core/article-schema.ts';

const articles = defineCollection({
  loader: glob({ pattern: '**/*.md', base: process.env.ARTICLES_DIR ?? './src/content/articles' }),
  schema: articleSchema,
});

export const collections = { articles };

import { defineCollection } from 'astro:content';
import { ARTICLE_COMPONENTS } from './core/article-components.ts';
import { articleSchema } from './core/article-schema.ts';
import { articleLoader } from './site/article-loader.ts';
import { environment } from './site/environment.ts';

const articles = defineCollection({
  // ARTICLES_DIR lets a benchmark or a test build a generated archive without touching the committed articles.
  loader: articleLoader({
    dir: environment.articlesDir ?? './src/content/articles',
    components: ARTICLE_COMPONENTS,
  }),
  schema: articleSchema,
});

export const collections = { articles };

import { defineCollection } from 'astro:content';
import { STUDY_AIDS } from './components/study-aids.ts';
import { articleSchema } from './core/article-schema.ts';
import { articleLoader } from './site/article-loader.ts';
import { environment } from './site/environment.ts';

const articles = defineCollection({
  // ARTICLES_DIR lets a benchmark or a test build a generated archive without touching the committed articles.
  loader: articleLoader({
    dir: environment.articlesDir ?? './src/content/articles',
    components: Object.keys(STUDY_AIDS),
  }),
  schema: articleSchema,
});

export const collections = { articles };

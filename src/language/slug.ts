import { createHash } from 'node:crypto';
import { romanisedSlug, type SlugTools } from '../core/slug.ts';
import { jieba } from './jieba.ts';

const NODE_SLUG_TOOLS: SlugTools = {
  words: (text) => jieba.cut(text, false),
  digest: (text) => createHash('sha1').update(text).digest('hex'),
};

/** The archive's slug rule (src/core/slug.ts) with jieba and SHA-1 from Node: ingest and the facet pages use it. */
export function slugify(text: string): string {
  return romanisedSlug(text, NODE_SLUG_TOOLS);
}

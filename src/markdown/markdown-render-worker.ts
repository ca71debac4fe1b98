/**
 * A worker thread of parallel-markdown.ts (run by Tinypool): renders .md or an article body, or
 * compiles .mdx, with the site's own processor.
 */
import Tinypool from 'tinypool';
import { unified } from '@astrojs/markdown-remark';
import { articleMarkdownOptions, markdownOptions } from './markdown-options.ts';
import type { RenderJob, RenderResult, RendererSetup } from './parallel-markdown.ts';

const { base, shared, mdx, article } = Tinypool.workerData as RendererSetup;
const processor = unified(article ? articleMarkdownOptions(base) : markdownOptions(base));
// A pool renders either .md or .mdx: each builds only the renderer it will use.
const markdown = mdx ? undefined : processor.createRenderer(shared);
const compiler = mdx ? processor.createMdxRenderer?.(shared, mdx) : undefined;

export default async function render(job: RenderJob): Promise<RenderResult> {
  if ('filePath' in job) {
    if (!compiler) throw new Error('这个线程池渲染 .md，不编译 .mdx / this pool renders .md only');
    return (await compiler).process(job.content, job.filePath, job.frontmatter);
  }
  if (!markdown) throw new Error('这个线程池编译 .mdx，不渲染 .md / this pool compiles .mdx only');
  return (await markdown).render(job.content, {
    fileURL: job.fileURL ? new URL(job.fileURL) : undefined,
    frontmatter: job.frontmatter,
  });
}

/**
 * An Astro Markdown processor that renders on worker threads, for .md and .mdx alike. Astro renders
 * every .md article while it syncs content, and @astrojs/mdx compiles every .mdx article to a JS
 * module while Vite builds, both one at a time on one core: at 10,007 .md articles that sync took
 * 70 s of a 120 s astro build with the machine's other core idle; on two workers it took 38 s.
 * Each worker builds the very processor the site configures (`unified(markdownOptions(base))`,
 * src/markdown/markdown-options.ts), so the output is the same as in the main thread (a test compares
 * them). Astro's content loader and Vite both keep several files in flight, which keeps the workers
 * busy. Plugins an integration adds to `options` at run time would reach only the main thread's
 * renderer: this site adds none.
 */
import os from 'node:os';
import Tinypool from 'tinypool';
import {
  unified,
  type AstroMarkdownOptions,
  type MarkdownProcessor,
  type MarkdownRenderResult,
} from '@astrojs/markdown-remark';
import { articleMarkdownOptions, markdownOptions } from './markdown-options.ts';

// @astrojs/markdown-remark does not re-export its MDX types; they are read off the processor interface.
type MdxRendererFactory = NonNullable<MarkdownProcessor['createMdxRenderer']>;
type MdxRendererOptions = Parameters<MdxRendererFactory>[1];
type MdxRenderer = Awaited<ReturnType<MdxRendererFactory>>;
type MdxRenderResult = Awaited<ReturnType<MdxRenderer['process']>>;

/** One render: a .md page (fileURL) or a .mdx module (filePath). */
export type RenderJob =
  | { content: string; fileURL?: string; frontmatter?: Record<string, unknown> }
  | { content: string; filePath: string; frontmatter: Record<string, unknown> };
export type RenderResult = MarkdownRenderResult | MdxRenderResult;

/**
 * Settings a worker needs to build the same renderer: the site base, Astro's shared options, for .mdx
 * the MDX options, and for an article rendered at sync `article` (articleMarkdownOptions).
 */
export interface RendererSetup {
  base: string;
  shared: AstroMarkdownOptions;
  mdx?: MdxRendererOptions;
  article?: boolean;
}

/** Renders an article's MDX body to HTML with component marks (articleMarkdownOptions). */
export interface ArticleBodyRenderer {
  render(body: string): Promise<MarkdownRenderResult>;
}

/**
 * The renderer the article loader uses when the collection syncs: the same worker pool as the .md
 * path, each worker building `unified(articleMarkdownOptions(base))`.
 */
export function articleBodyRenderer(
  base: string,
  threads = Math.min(4, os.availableParallelism()),
): ArticleBodyRenderer {
  // Shiki and Prism are off, as for every page: an article has no code blocks to highlight.
  const setup: RendererSetup = { base, shared: { syntaxHighlight: false }, article: true };
  if (threads < 2) {
    const inThread = unified(articleMarkdownOptions(base)).createRenderer(setup.shared);
    return { render: async (body) => (await inThread).render(body) };
  }
  const pool = workerPool(setup, threads);
  return { render: (body) => pool.run({ content: body }) as Promise<MarkdownRenderResult> };
}

export function parallelMarkdown(
  base: string,
  threads = Math.min(4, os.availableParallelism()),
): MarkdownProcessor {
  const inThread = unified(markdownOptions(base));
  return {
    name: 'unified-parallel',
    options: inThread.options,
    async createRenderer(shared) {
      const setup: RendererSetup = { base, shared };
      // Options a worker cannot receive (functions in a Shiki config, say), or one core: render here.
      if (threads < 2 || !cloneable(setup)) return inThread.createRenderer(shared);
      const pool = workerPool(setup, threads);
      return {
        render: (content, opts) =>
          pool.run({
            content,
            fileURL: opts?.fileURL?.href,
            frontmatter: opts?.frontmatter,
          }) as Promise<MarkdownRenderResult>,
      };
    },
    async createMdxRenderer(shared, mdx) {
      // The processor's own gfm/smartypants (off) win over the shared ones, as they do for .md;
      // @astrojs/mdx would otherwise let a shared `gfm` outrank them.
      const setup: RendererSetup = {
        base,
        shared: { ...shared, gfm: inThread.options.gfm, smartypants: inThread.options.smartypants },
        mdx,
      };
      if (threads < 2 || !cloneable(setup))
        // @astrojs/markdown-remark's unified() processor always has an MDX renderer.
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion
        return inThread.createMdxRenderer!(setup.shared, mdx);
      const pool = workerPool(setup, threads);
      return {
        process: (content, filePath, frontmatter) =>
          pool.run({ content, filePath, frontmatter }) as Promise<MdxRenderResult>,
      } satisfies MdxRenderer;
    },
  };
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Workers start on the first job: Astro asks for a .md renderer even when every article is .mdx. */
function workerPool(
  setup: RendererSetup,
  threads: number,
): { run(job: RenderJob): Promise<unknown> } {
  let pool: { run(job: RenderJob): Promise<unknown> } | undefined;
  return { run: (job) => (pool ??= startWorkers(setup, threads)).run(job) };
}

function startWorkers(
  setup: RendererSetup,
  threads: number,
): { run(job: RenderJob): Promise<unknown> } {
  // Tinypool (the pool Vitest runs on): the least busy worker takes each job, a worker that dies
  // fails the renders it held instead of hanging the build, and idle workers do not keep
  // `astro build` from exiting.
  const pool = new Tinypool({
    filename: new URL('./markdown-render-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: setup,
  });
  return { run: (job) => pool.run(job) };
}

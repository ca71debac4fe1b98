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
import { Worker } from 'node:worker_threads';
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

type Job =
  | { content: string; fileURL?: string; frontmatter?: Record<string, unknown> }
  | { content: string; filePath: string; frontmatter: Record<string, unknown> };
export type RenderRequest = Job & { id: number };

export type RenderReply =
  { id: number; result: MarkdownRenderResult | MdxRenderResult } | { id: number; error: string };

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
      if (threads < 2 || !cloneable(setup)) return inThread.createMdxRenderer!(setup.shared, mdx);
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
function workerPool(setup: RendererSetup, threads: number): { run(job: Job): Promise<unknown> } {
  let pool: { run(job: Job): Promise<unknown> } | undefined;
  return { run: (job) => (pool ??= startWorkers(setup, threads)).run(job) };
}

function startWorkers(setup: RendererSetup, threads: number): { run(job: Job): Promise<unknown> } {
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./markdown-render-worker.ts', import.meta.url), {
      workerData: setup,
    });
    // Idle workers must not keep `astro build` from exiting; busy ones are ref'd again below.
    worker.unref();
    return { worker, busy: 0 };
  });
  const waiting = new Map<
    number,
    { resolve: (r: unknown) => void; reject: (e: Error) => void; from: (typeof workers)[number] }
  >();
  let nextId = 0;
  for (const w of workers) {
    w.worker.on('message', (reply: RenderReply) => {
      const job = waiting.get(reply.id)!;
      waiting.delete(reply.id);
      if (--w.busy === 0) w.worker.unref();
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.result);
    });
    // A worker that dies (out of memory, say) fails the renders it held instead of hanging the build.
    w.worker.on('error', (error) => {
      for (const [id, job] of waiting) {
        if (job.from !== w) continue;
        waiting.delete(id);
        job.reject(error);
      }
    });
  }
  return {
    run(job) {
      // The least busy worker: articles differ in length, so round-robin would leave one idle.
      const w = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      if (w.busy++ === 0) w.worker.ref();
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, from: w });
        w.worker.postMessage({ id, ...job } as RenderRequest);
      });
    },
  };
}

/**
 * An Astro Markdown processor that renders on worker threads. Astro renders every article's
 * Markdown while it syncs content, one at a time on one core: at 10,007 articles that sync took 70 s
 * of a 120 s astro build, with the machine's other core idle; rendered on two workers it took 38 s
 * (90 s in all). Each worker builds the very processor the site configures
 * (`unified(markdownOptions(base))`, src/lib/markdown-options.ts), so the HTML is the same as
 * rendering in the main thread; Astro's content loader keeps ten renders in flight, which keeps
 * the workers busy. Plugins an integration adds to `options` at run time would reach only the
 * main thread's renderer: this site adds none.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { unified, type AstroMarkdownOptions, type MarkdownProcessor, type MarkdownRenderer, type MarkdownRenderResult } from '@astrojs/markdown-remark';
import { markdownOptions } from './markdown-options.ts';

export interface RenderRequest {
  id: number;
  content: string;
  fileURL?: string;
  frontmatter?: Record<string, unknown>;
}

export type RenderReply = { id: number; result: MarkdownRenderResult } | { id: number; error: string };

/** Settings a worker needs to build the same renderer: the site base and Astro's shared options. */
export interface RendererSetup {
  base: string;
  shared: AstroMarkdownOptions;
}

export function parallelMarkdown(base: string, threads = Math.min(4, os.availableParallelism())): MarkdownProcessor {
  const inThread = unified(markdownOptions(base));
  return {
    name: 'unified-parallel',
    options: inThread.options,
    async createRenderer(shared) {
      const setup: RendererSetup = { base, shared };
      // Options a worker cannot receive (functions in a Shiki config, say), or one core: render here.
      if (threads < 2 || !cloneable(setup)) return inThread.createRenderer(shared);
      return workerRenderer(setup, threads);
    },
    createMdxRenderer: inThread.createMdxRenderer?.bind(inThread),
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

function workerRenderer(setup: RendererSetup, threads: number): MarkdownRenderer {
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./markdown-render-worker.ts', import.meta.url), { workerData: setup });
    // Idle workers must not keep `astro build` from exiting; busy ones are ref'd again below.
    worker.unref();
    return { worker, busy: 0 };
  });
  const waiting = new Map<number, { resolve: (r: MarkdownRenderResult) => void; reject: (e: Error) => void; from: (typeof workers)[number] }>();
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
    render(content, opts) {
      // The least busy worker: articles differ in length, so round-robin would leave one idle.
      const w = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      if (w.busy++ === 0) w.worker.ref();
      const request: RenderRequest = { id, content, fileURL: opts?.fileURL?.href, frontmatter: opts?.frontmatter };
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, from: w });
        w.worker.postMessage(request);
      });
    },
  };
}

/** A worker thread of parallel-markdown.ts: renders .md or an article body, or compiles .mdx, with the site's own processor. */
import { parentPort, workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { articleMarkdownOptions, markdownOptions } from './markdown-options.ts';
import type { RenderReply, RenderRequest, RendererSetup } from './parallel-markdown.ts';

const { base, shared, mdx, article } = workerData as RendererSetup;
const processor = unified(article ? articleMarkdownOptions(base) : markdownOptions(base));
const markdown = mdx ? undefined : processor.createRenderer(shared);
const compiler = mdx ? processor.createMdxRenderer!(shared, mdx) : undefined;

parentPort!.on('message', async (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    const result =
      'filePath' in request
        ? await (await compiler!).process(request.content, request.filePath, request.frontmatter)
        : await (
            await markdown!
          ).render(request.content, {
            fileURL: request.fileURL ? new URL(request.fileURL) : undefined,
            frontmatter: request.frontmatter,
          });
    reply = { id: request.id, result };
  } catch (error) {
    reply = { id: request.id, error: String((error as Error).stack ?? error) };
  }
  parentPort!.postMessage(reply);
});

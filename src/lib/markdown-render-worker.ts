/** A worker thread of parallel-markdown.ts: renders Markdown with the site's own processor. */
import { parentPort, workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from './markdown-options.ts';
import type { RenderReply, RenderRequest, RendererSetup } from './parallel-markdown.ts';

const { base, shared } = workerData as RendererSetup;
const renderer = unified(markdownOptions(base)).createRenderer(shared);

parentPort!.on('message', async ({ id, content, fileURL, frontmatter }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const result = await (await renderer).render(content, { fileURL: fileURL ? new URL(fileURL) : undefined, frontmatter });
    reply = { id, result };
  } catch (error) {
    reply = { id, error: String((error as Error).stack ?? error) };
  }
  parentPort!.postMessage(reply);
});

/** A worker thread of scripts/ingest/convert-pool.ts: converts the sources it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { convertSource, stageSeconds } from './pipeline.ts';
import { SourceError } from './stages/source-error.ts';
import type { ConvertJob, WorkerReply } from './convert-pool.ts';

parentPort!.on('message', async ({ id, source, bytes, editorial }: ConvertJob & { id: number }) => {
  let reply: WorkerReply;
  try {
    reply = {
      id,
      articles: (await convertSource(source, bytes, editorial)).articles,
      stages: { ...stageSeconds },
    };
  } catch (error) {
    reply =
      error instanceof SourceError
        ? { id, file: error.file, reason: error.reason, line: error.line }
        : { id, crash: String((error as Error).stack ?? error) };
  }
  parentPort!.postMessage(reply);
});

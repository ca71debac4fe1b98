/** A worker thread of scripts/convert-pool.ts: converts the sources it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { convertSource } from './pipeline.ts';
import { SourceError } from './stages/source-error.ts';
import type { WorkerReply } from './convert-pool.ts';

parentPort!.on('message', async ({ id, source, bytes }: { id: number; source: string; bytes: Uint8Array }) => {
  let reply: WorkerReply;
  try {
    reply = { id, articles: (await convertSource(source, bytes)).articles };
  } catch (error) {
    reply = error instanceof SourceError ? { id, reason: error.reason, line: error.line } : { id, crash: String((error as Error).stack ?? error) };
  }
  parentPort!.postMessage(reply);
});

/** A worker thread of scripts/ingest/convert-pool.ts (run by Tinypool): converts the source it is given. */
import { convertSource } from './pipeline.ts';
import { SourceError } from './stages/source-error.ts';
import type { ConvertJob, WorkerReply } from './convert-pool.ts';

export default async function convert({
  source,
  bytes,
  editorial,
}: ConvertJob): Promise<WorkerReply> {
  try {
    return { articles: (await convertSource(source, bytes, editorial)).articles };
  } catch (error) {
    return error instanceof SourceError
      ? { file: error.file, reason: error.reason, line: error.line }
      : { crash: String((error as Error).stack ?? error) };
  }
}

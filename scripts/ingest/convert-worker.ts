/** A worker thread of scripts/ingest/convert-pool.ts (run by Tinypool): converts the source it is given. */
import { convertSource, stageSeconds } from './pipeline.ts';
import { stagesSince, type ConvertJob, type WorkerReply } from './convert-pool.ts';
import { SourceError } from './stages/source-error.ts';

export default async function convert({
  source,
  bytes,
  editorial,
}: ConvertJob): Promise<WorkerReply> {
  const before = { ...stageSeconds };
  try {
    const articles = (await convertSource(source, bytes, editorial)).articles;
    return { articles, stages: stagesSince(before) };
  } catch (error) {
    const stages = stagesSince(before);
    return error instanceof SourceError
      ? { file: error.file, reason: error.reason, line: error.line, stages }
      : { crash: String((error as Error).stack ?? error), stages };
  }
}

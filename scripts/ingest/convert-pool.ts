/**
 * Converts many sources at once on every core. The pipeline is pure CPU work (jieba's tagging most
 * of it), so a cold ingest of 10,000 sources on one thread leaves the other cores idle; each worker
 * thread (a Tinypool worker) runs the same convertSource as a single conversion does.
 */
import os from 'node:os';
import Tinypool from 'tinypool';
import {
  convertSource,
  stageSeconds,
  type EditorialInput,
  type GeneratedArticle,
  type StageSeconds,
} from './pipeline.ts';
import { SourceError } from './stages/source-error.ts';

export interface ConvertJob {
  source: string;
  bytes: Uint8Array;
  /** The editor's yaml beside the source, when there is one. */
  editorial?: EditorialInput;
}

export type Converted = { articles: GeneratedArticle[] } | { error: Error };

/**
 * What crosses back from a worker: a SourceError keeps its reason and line, anything else its
 * stack; every reply carries the seconds each stage took on this job.
 */
export type WorkerReply = { stages: StageSeconds } & (
  | { articles: GeneratedArticle[] }
  | { file: string; reason: string; line?: number }
  | { crash: string }
);

/** Below this many sources per worker, starting workers (each loads jieba's dictionary) costs more than it saves. */
const MIN_PER_WORKER = 50;

/**
 * Converts every job; `onDone` is called as each finishes (for progress). Results are keyed by
 * source; `threads` says how many worker threads did it (0: converted on this thread); `stages`
 * sums the seconds each stage took over all threads.
 */
export async function convertMany(
  jobs: ConvertJob[],
  onDone: (source: string) => void = () => {},
  cores = os.availableParallelism(),
): Promise<{ results: Map<string, Converted>; threads: number; stages: StageSeconds }> {
  const workers = Math.min(cores, Math.floor(jobs.length / MIN_PER_WORKER));
  if (workers < 2) return { ...(await convertHere(jobs, onDone)), threads: 0 };
  return { ...(await convertOnWorkers(jobs, onDone, workers)), threads: workers };
}

async function convertHere(jobs: ConvertJob[], onDone: (source: string) => void) {
  const results = new Map<string, Converted>();
  const before = { ...stageSeconds };
  for (const job of jobs) {
    try {
      results.set(job.source, {
        articles: (await convertSource(job.source, job.bytes, job.editorial)).articles,
      });
    } catch (error) {
      results.set(job.source, { error: error as Error });
    }
    onDone(job.source);
  }
  return { results, stages: stagesSince(before) };
}

async function convertOnWorkers(
  jobs: ConvertJob[],
  onDone: (source: string) => void,
  workers: number,
) {
  const results = new Map<string, Converted>();
  const stages: StageSeconds = { decode: 0, split: 0, mend: 0, proofread: 0, emit: 0 };
  // Tinypool (the pool Vitest runs on) keeps every worker busy and unrefs idle ones.
  const pool = new Tinypool({
    filename: new URL('./convert-worker.ts', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  try {
    await Promise.all(
      jobs.map(async (job) => {
        const reply = await runJob(pool, job);
        addStages(stages, reply.stages);
        results.set(job.source, fromReply(reply));
        onDone(job.source);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return { results, stages };
}

async function runJob(pool: Tinypool, job: ConvertJob): Promise<WorkerReply> {
  try {
    return await pool.run(job);
  } catch (error) {
    // Out of memory, say: the source it held is named rather than the run hanging.
    throw new Error(
      `${job.source}: 转换进程意外退出 / convert worker exited (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/** The seconds each stage took on this thread since `before`. */
export function stagesSince(before: StageSeconds): StageSeconds {
  const since = { ...before };
  for (const key of Object.keys(since) as (keyof StageSeconds)[])
    since[key] = stageSeconds[key] - before[key];
  return since;
}

function addStages(sum: StageSeconds, more: StageSeconds): void {
  for (const key of Object.keys(sum) as (keyof StageSeconds)[]) sum[key] += more[key];
}

function fromReply(reply: WorkerReply): Converted {
  if ('articles' in reply) return { articles: reply.articles };
  if ('reason' in reply) return { error: new SourceError(reply.file, reply.reason, reply.line) };
  return { error: new Error(reply.crash) };
}

/**
 * Converts many sources at once on every core. The pipeline is pure CPU work (jieba's tagging most
 * of it), so a cold ingest of 10,000 sources on one thread leaves the other cores idle; each worker
 * thread runs the same convertSource as a single conversion does.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
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

/** What crosses back from a worker: a SourceError keeps its reason and line, anything else its stack. */
export type WorkerReply =
  | { id: number; articles: GeneratedArticle[]; stages: StageSeconds }
  | { id: number; file: string; reason: string; line?: number }
  | { id: number; crash: string };

/** Below this many sources per worker, starting workers (each loads jieba's dictionary) costs more than it saves. */
const MIN_PER_WORKER = 50;

/**
 * Converts every job; `onDone` is called as each finishes (for progress). Results are keyed by
 * source; `threads` says how many worker threads did it (0: converted on this thread); `stages`
 * the seconds spent in each stage of the pipeline, summed over the threads.
 */
export async function convertMany(
  jobs: ConvertJob[],
  onDone: (source: string) => void = () => {},
  cores = os.availableParallelism(),
): Promise<{ results: Map<string, Converted>; threads: number; stages: StageSeconds }> {
  const results = new Map<string, Converted>();
  const workers = Math.min(cores, Math.floor(jobs.length / MIN_PER_WORKER));
  const before = { ...stageSeconds };
  /** Each worker's totals so far (a worker's reply carries its running sums). */
  const perWorker: StageSeconds[] = [];
  const stages = () => stageTotals(before, perWorker);
  if (workers < 2) {
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
    return { results, threads: 0, stages: stages() };
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const worker = new Worker(new URL('./convert-worker.ts', import.meta.url));
      return new Promise<void>((resolve, reject) => {
        let busy: number | undefined;
        const send = () => {
          if (next >= jobs.length) {
            busy = undefined;
            return void worker.terminate().then(() => resolve(), reject);
          }
          busy = next++;
          worker.postMessage({ id: busy, ...jobs[busy] });
        };
        worker.on('message', (reply: WorkerReply) => {
          if ('stages' in reply) perWorker[w] = reply.stages;
          const source = jobs[reply.id].source;
          results.set(source, fromReply(source, reply));
          onDone(source);
          send();
        });
        worker.on('error', reject);
        // Out of memory, say: the source it held is named rather than the run hanging.
        worker.on(
          'exit',
          (code) =>
            busy !== undefined &&
            reject(
              new Error(`${jobs[busy].source}: 转换进程意外退出 / convert worker exited (${code})`),
            ),
        );
        send();
      });
    }),
  );
  return { results, threads: workers, stages: stages() };
}

/** This thread's stage seconds since `before`, plus every worker's. */
function stageTotals(before: StageSeconds, perWorker: StageSeconds[]): StageSeconds {
  const sum = { decode: 0, split: 0, mend: 0, proofread: 0, emit: 0 };
  for (const key of Object.keys(sum) as (keyof StageSeconds)[]) {
    sum[key] = stageSeconds[key] - before[key];
    for (const w of perWorker) sum[key] += w[key];
  }
  return sum;
}

function fromReply(source: string, reply: WorkerReply): Converted {
  if ('articles' in reply) return { articles: reply.articles };
  if ('reason' in reply) return { error: new SourceError(reply.file, reply.reason, reply.line) };
  return { error: new Error(reply.crash) };
}

import { describe, expect, it } from 'vitest';
import { convertMany, type ConvertJob } from '../../scripts/ingest/convert-pool.ts';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { SourceError } from '../../scripts/ingest/stages/source-error.ts';
import { fixtureBytes, REPORT_FIXTURES } from '../helpers/fixtures.ts';

/**
 * Enough real reports (each under 15 folder names, so 105 sources) that the pool starts worker
 * threads, plus two sources that cannot convert.
 */
const jobs: ConvertJob[] = [];
for (let k = 0; k < 15; k++)
  for (const f of REPORT_FIXTURES)
    jobs.push({ source: `第${k}辑/${f}`, bytes: fixtureBytes(`reports/${f}`) });
jobs.splice(40, 0, { source: '坏文件/空白.txt', bytes: new Uint8Array() });
jobs.splice(77, 0, {
  source: '坏文件/其实是图片.txt',
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
});

describe('converting on several threads', () => {
  it('gives every source the same articles as converting it alone, and the same errors', async () => {
    expect(jobs.length).toBeGreaterThanOrEqual(100);
    const done: string[] = [];
    const { results: pooled, threads } = await convertMany(jobs, (s) => done.push(s), 2);
    expect(threads).toBe(2);
    expect(done.sort()).toEqual(jobs.map((j) => j.source).sort());
    for (const job of jobs) {
      const alone = await convertSource(job.source, job.bytes).then(
        (r) => ({ articles: r.articles }),
        (error: Error) => ({ error }),
      );
      const got = pooled.get(job.source)!;
      if ('articles' in alone) {
        expect(got, job.source).toEqual(alone);
      } else {
        expect('error' in got && got.error, job.source).toBeInstanceOf(SourceError);
        const e = (got as { error: SourceError }).error;
        const want = alone.error as SourceError;
        expect([e.message, e.reason, e.line], job.source).toEqual([
          want.message,
          want.reason,
          want.line,
        ]);
      }
    }
    expect([...pooled.values()].filter((r) => 'error' in r)).toHaveLength(2);
  });

  it('converts a handful of sources on this thread, where starting workers would cost more', async () => {
    const few = jobs.slice(0, 7);
    const { results, threads } = await convertMany(few, undefined, 2);
    expect(threads).toBe(0);
    expect([...results.keys()].sort()).toEqual(few.map((j) => j.source).sort());
  });
});

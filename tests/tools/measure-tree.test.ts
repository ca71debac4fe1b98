import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/bench/measure-tree.ts';
import { ROOT } from '../helpers/paths.ts';

const MiB = 1024 ** 2;
/** A node process that fills `mib` MiB of memory, holds it for a while, and exits. */
const hog = (mib: number) =>
  `${JSON.stringify(process.execPath)} -e "const b = Buffer.alloc(${mib} * 1024 * 1024, 1); setTimeout(() => b.length, 1500)"`;

describe('measure (process-tree memory)', () => {
  it('counts the memory of every process the command starts, not just the largest', async () => {
    // Two grandchildren of 200 MiB each at the same time: the tree holds over 400 MiB.
    const run = await measure('sh', ['-c', `${hog(200)} & ${hog(200)} & wait`], { cwd: ROOT });
    expect(run.exitCode).toBe(0);
    expect(run.peakBytes).toBeGreaterThan(400 * MiB);
    expect(run.peakBytes).toBeLessThan(1000 * MiB);
    expect(run.seconds).toBeGreaterThan(1.4);
  });

  it('adds up the CPU time of every process in the tree', async () => {
    // Two busy grandchildren that each spin until they have used one second of CPU, however long that takes.
    const spin = `${JSON.stringify(process.execPath)} -e "while (process.cpuUsage().user + process.cpuUsage().system < 1e6);"`;
    const run = await measure('sh', ['-c', `${spin} & ${spin} & wait`], { cwd: ROOT });
    expect(run.cpuSeconds).toBeGreaterThan(1.5);
    expect(run.cpuSeconds).toBeLessThan(3);
  });

  it('reports a failing command by its exit code and output', async () => {
    const run = await measure(process.execPath, ['-e', 'console.error("坏了"); process.exit(3)'], {
      cwd: ROOT,
    });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('坏了');
  });
});

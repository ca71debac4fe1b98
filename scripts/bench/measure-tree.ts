/**
 * Runs a command and measures its wall time and the peak memory of its whole process tree: the sum
 * of the resident set sizes of every process in its process group or descended from it, sampled
 * from /proc. `/usr/bin/time` reports only the largest single process, and Pagefind's indexer is a
 * child of the node wrapper, so the sum is what says whether a machine has enough memory.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Measurement {
  seconds: number;
  peakBytes: number;
  /**
   * User + system CPU seconds of the tree, summed over every process seen. On a busy machine wall
   * time grows with the load; CPU time barely does, so it says what the stage costs on its own.
   */
  cpuSeconds: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const PAGE_SIZE = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  rssBytes: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

/** Linux reports CPU times in USER_HZ ticks, 100 per second on every mainstream build. */
const TICKS_PER_SECOND = 100;

function readStat(pid: string): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and brackets: fields resume after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      rssBytes: Number(fields[21]) * PAGE_SIZE,
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** The processes of the tree rooted at `root`, its process group included. */
export function treeProcesses(root: number): ProcStat[] {
  const stats = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(readStat)
    .filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const inTree = new Set<number>();
  for (const s of stats) if (s.pgrp === root) inTree.add(s.pid);
  const stack = [root];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    inTree.add(pid);
    for (const c of children.get(pid) ?? []) if (!inTree.has(c.pid)) stack.push(c.pid);
  }
  return stats.filter((s) => inTree.has(s.pid));
}

/** Resident memory of the tree rooted at `root` (its process group included), in bytes. */
export function treeRss(root: number): number {
  return treeProcesses(root).reduce((sum, s) => sum + s.rssBytes, 0);
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Sampling interval; 100 ms catches Pagefind's peak, which lasts seconds. */
  intervalMs?: number;
  /** Echo the command's output as it runs (the benchmark's log), besides capturing it. */
  echo?: boolean;
}

export function measure(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // Its own process group, so every helper it starts is counted and none of ours is.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (options.echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (options.echo) process.stderr.write(d);
    });
    let peakBytes = 0;
    const ticks = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      const tree = treeProcesses(child.pid);
      peakBytes = Math.max(
        peakBytes,
        tree.reduce((sum, p) => sum + p.rssBytes, 0),
      );
      for (const p of tree) ticks.set(p.pid, Math.max(ticks.get(p.pid) ?? 0, p.cpuTicks));
    };
    const timer = setInterval(sample, options.intervalMs ?? 100);
    sample();
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // What a process used in its last interval before exiting is missed: at most 0.1 s each.
      const cpuSeconds = [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND;
      resolve({ seconds, peakBytes, cpuSeconds, exitCode: code ?? 1, stdout, stderr });
    });
  });
}

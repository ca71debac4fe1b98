/**
 * Runs one of the project's command-line scripts (scripts/*.ts) on the Node that runs Astro, as a
 * child process with its output passed through. The integrations call the very CLIs that
 * `npm run ingest` and the benchmarks call, so there is one code path, and the work (jieba,
 * Pagefind's own process) lives and dies outside the Astro process. No shell is involved, so it
 * behaves the same under cmd.exe, PowerShell and sh.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export function runScript(
  root: string,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

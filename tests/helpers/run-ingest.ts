import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.ts';

/** Runs the real ingest CLI on Node 24 from node_modules/.bin, as `npm run ingest` would. */
export function runIngest(args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/ingest.ts', '--quiet', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
    },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { NPM_PATH, ROOT } from './paths.ts';

/** Runs the real ingest CLI on Node 24 from node_modules/.bin, as `npm run ingest` would. */
export function runIngest(args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/ingest.ts', '--quiet', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: NPM_PATH },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Where in a work folder ingest reads its sources and writes its articles and manifest. */
export interface IngestFolders {
  sources?: string;
  out?: string;
  cache?: string;
}

/** The ingest arguments naming where it reads its sources and writes its articles and manifest. */
export function ingestFlags(at: Required<IngestFolders>): string[] {
  return ['--sources', at.sources, '--out', at.out, '--cache', at.cache];
}

/** The ingest arguments for a work folder: sources/ in, articles/ and manifest.json out, unless named. */
export function folderArgs(dir: string, names: IngestFolders = {}): string[] {
  const { sources = 'sources', out = 'articles', cache = 'manifest.json' } = names;
  return ingestFlags({
    sources: path.join(dir, sources),
    out: path.join(dir, out),
    cache: path.join(dir, cache),
  });
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NPM_PATH, ROOT } from './paths.ts';
import { ingestFlags } from './run-ingest.ts';

const env = { ...process.env, PATH: NPM_PATH };

export interface Workspace {
  dir: string;
  sources: string;
  out: string;
  cache: string;
}

/** A throwaway sources/articles/cache trio, so the real archive is never touched. */
export function workspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-ingest-'));
  const ws = {
    dir,
    sources: path.join(dir, 'sources'),
    out: path.join(dir, 'articles'),
    cache: path.join(dir, 'cache.json'),
  };
  fs.mkdirSync(ws.sources);
  return ws;
}

export function put(ws: Workspace, rel: string, bytes: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(path.join(ws.sources, rel)), { recursive: true });
  fs.writeFileSync(path.join(ws.sources, rel), bytes);
}

function cliArgs(ws: Workspace, extra: string[]): string[] {
  return ['scripts/ingest.ts', ...ingestFlags(ws), ...extra];
}

/** Runs the real ingest command line, as `npm run ingest -- …` does. */
export function ingest(
  ws: Workspace,
  ...extra: string[]
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', cliArgs(ws, extra), { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function ingestInBackground(ws: Workspace, ...extra: string[]): ChildProcess {
  return spawn('node', cliArgs(ws, extra), { cwd: ROOT, env, stdio: 'ignore' });
}

/** Every file under a folder with its bytes, to compare a whole article set before and after. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = fs.readFileSync(file, 'latin1');
  }
  return out;
}

/** The lines of an error report that are about one file. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('错误 / error:'));
}

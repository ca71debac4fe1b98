import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnvironment } from './child-env.ts';
import { copyProject } from './project-copy.ts';

export interface DeskServer {
  /** The project copy the desk edits. */
  root: string;
  /** http://127.0.0.1:<port>/ */
  site: string;
  /** Everything the launcher and the dev server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `node scripts/desk.ts --port <port> --no-open` (what `npm run desk` and the launchers run) on a
 * fresh copy of the project, so the desk's saves and uploads never touch the checkout. Resolves
 * once the launcher says the desk is ready.
 */
export async function startDesk(port: number): Promise<DeskServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-test-'));
  copyProject(root);
  // The copy links the checkout's node_modules: its own DIST_DIR gives it its own Astro cache
  // (content store) instead of the checkout's node_modules/.astro.
  const env = { ...childEnvironment(), DIST_DIR: path.join(root, 'dist') };
  const server: ChildProcess = spawn(
    process.execPath,
    ['scripts/desk.ts', '--port', String(port), '--no-open'],
    { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  const stop = async () => {
    if (server.exitCode === null && server.pid) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('编辑台已就绪')) resolve();
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => reject(new Error(`desk exited (${code}):\n${printed}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { root, site: `http://127.0.0.1:${port}/`, output: () => printed, stop };
}

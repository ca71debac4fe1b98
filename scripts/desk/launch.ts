/**
 * `npm run desk` and the editors' double-click launcher: starts `astro dev` with the Node that runs
 * this file (the project's own, when the launcher calls it), waits until the desk answers, opens the
 * default browser at /admin/, and keeps running until the window is closed or the server stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DESK_PATH } from '../../src/core/desk-link.ts';

export interface DeskOptions {
  /** The project folder. */
  root: string;
  port: number;
  /** Open the default browser at the desk once it answers. */
  open: boolean;
}

/** How long a cold start (ingest, Vite's dependency scan) may take on an office PC. */
const START_TIMEOUT_MS = 180_000;

/** The astro command of the project's own node_modules, not whatever is on PATH. */
function astroBin(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  return path.join(path.dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
}

/** Resolves once `url` answers 200, or rejects when the server exits or time runs out. */
async function answered(url: string, server: ChildProcess): Promise<void> {
  const started = Date.now();
  let exited = false;
  server.once('exit', () => (exited = true));
  while (!exited && Date.now() - started < START_TIMEOUT_MS) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    exited ? '开发服务器已退出（原因见上）' : `等了 ${START_TIMEOUT_MS / 1000} 秒，编辑台仍未响应`,
  );
}

/** Opens `url` in the default browser, the way each system does it. */
export function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: true })
    .on('error', () => console.log(`请在浏览器中打开 ${url}`))
    .unref();
}

/** Starts the desk; resolves with the server process once the desk answers. */
export async function startDesk({ root, port, open }: DeskOptions): Promise<ChildProcess> {
  const host = '127.0.0.1';
  const url = `http://${host}:${port}/${DESK_PATH}`;
  console.log(`正在启动编辑台（第一次要一两分钟）…`);
  const server = spawn(
    process.execPath,
    [astroBin(root), 'dev', '--port', String(port), '--host', host, '--strictPort'],
    { cwd: root, stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.kill(signal));
  await answered(url, server);
  console.log(
    `\n编辑台已就绪：${url}\n网站预览：http://${host}:${port}/\n关闭本窗口（或按 Ctrl+C）即停止。\n`,
  );
  if (open) openBrowser(url);
  return server;
}

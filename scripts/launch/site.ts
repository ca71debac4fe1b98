/**
 * What 生成网站 and 预览网站 do, on the Node that runs this file (the launchers' bundled Node):
 * Astro's own command line, started with that Node, so neither npm nor a PATH is needed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { outDir } from '../build-dirs.ts';

/** Where the build writes the site, as astro.config.mjs says (DIST_DIR or ./dist). */
export function distDir(root: string): string {
  return path.resolve(root, outDir());
}

/** Runs `astro <args>` in the project; resolves to its exit code. */
export function runAstro(root: string, args: readonly string[]): Promise<number> {
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Imports the sources and builds the site into dist/, then says where it is and what to do with it. */
export async function buildSite(root: string): Promise<number> {
  const code = await runAstro(root, ['build']);
  const dist = distDir(root);
  if (code !== 0) {
    console.error(`\n生成失败（退出码 ${code}），dist 没有更新。请看上面的出错信息。`);
    return code;
  }
  console.log(
    [
      '',
      `网站已生成：${dist}`,
      '把这个文件夹里的全部文件复制到内网的 Web 服务器（见 README 的“部署”一节），',
      '或者运行“预览网站”在本机浏览器里查看。',
    ].join('\n'),
  );
  return 0;
}

/** Serves dist/ at http://127.0.0.1:4321 and opens the browser; builds first if there is no site yet. */
export async function previewSite(root: string): Promise<number> {
  if (!fs.existsSync(path.join(distDir(root), 'index.html'))) {
    console.log('还没有生成过网站，先生成……');
    const code = await buildSite(root);
    if (code !== 0) return code;
  }
  console.log('预览地址：http://127.0.0.1:4321/ （关闭这个窗口即停止预览）');
  return runAstro(root, ['preview', '--port', '4321', '--host', '127.0.0.1', '--open']);
}

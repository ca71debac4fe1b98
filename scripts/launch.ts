/**
 * node scripts/launch.ts build|preview — what the launchers 生成网站 and 预览网站 (.cmd on
 * Windows, .sh on Linux) run with the project's own Node; see scripts/launch/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, previewSite } from './launch/site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const commands: Record<string, (root: string) => Promise<number>> = {
  build: buildSite,
  preview: previewSite,
};
const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(`用法 / usage: node scripts/launch.ts ${Object.keys(commands).join('|')}`);
  process.exitCode = 2;
} else {
  process.exitCode = await command(root);
}

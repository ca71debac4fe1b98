/**
 * The editors' desk: `npm run desk` or `node scripts/desk.ts [--port 4321] [--no-open]`. Runnable by
 * the project's bundled Node alone (type stripping, no PATH, no npx), as the launchers call it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDesk } from './desk/launch.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4321' }, 'no-open': { type: 'boolean' } },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  const server = await startDesk({ root, port: Number(values.port), open: !values['no-open'] });
  server.on('exit', (code) => process.exit(code ?? 0));
} catch (error) {
  console.error(`编辑台没有启动：${(error as Error).message}`);
  process.exit(1);
}

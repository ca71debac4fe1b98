import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.DIST_DIR ?? 'dist');
execFileSync(path.join(root, 'node_modules/.bin/pagefind'), ['--site', dist], { cwd: root, stdio: 'inherit' });

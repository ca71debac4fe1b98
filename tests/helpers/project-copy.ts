import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

/** What a copy of the project needs to build or serve: everything but its outputs and caches. */
const PROJECT_ITEMS = [
  'package.json',
  'astro.config.mjs',
  'tsconfig.json',
  'src',
  'scripts',
  'public',
];

/**
 * A copy of the project at `root`, with node_modules linked in: builds and dev servers that write
 * (Astro's .astro/ folder, the desk's saves, ingest's articles) work there, never in the checkout.
 */
export function copyProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
  for (const item of PROJECT_ITEMS.filter((i) => fs.existsSync(path.join(ROOT, i))))
    fs.cpSync(path.join(ROOT, item), path.join(root, item), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
}

/**
 * npm run bench:search [-- --random 200] [-- --seed 20240305] [-- --cold 10] [-- --warm 40] [-- --dir DIR] [-- --reuse]
 * npm run bench:search -- --n 10000      (also the study corpus of `npm run bench`)
 * Our exact-phrase search against default Pagefind (scripts/bench/search-bench.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runSearchBench } from './bench/search-bench.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside the project on purpose: Astro puts its prerender chunks in ./.astro/ for an outDir outside
// the working directory, where a parallel build would overwrite them; inside, they go to outDir.
const DEFAULT_DIR = path.join(root, 'node_modules/.cache/zhengxie-bench-search');
const { values: args } = parseArgs({
  options: {
    random: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20240305' },
    cold: { type: 'string', default: '10' },
    warm: { type: 'string', default: '40' },
    dir: { type: 'string', default: DEFAULT_DIR },
    reuse: { type: 'boolean', default: false },
    n: { type: 'string', default: '0' },
  },
});

await runSearchBench({
  random: Number(args.random),
  seed: Number(args.seed),
  cold: Number(args.cold),
  warm: Number(args.warm),
  dir: path.resolve(args.dir ?? DEFAULT_DIR),
  reuse: args.reuse === true,
  n: Number(args.n),
});

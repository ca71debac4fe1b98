/**
 * npm run bench [-- --n 1000 --n 10000] [-- --copies 10] [-- --dir /tmp/bench] [-- --keep]
 * Times `npm run build` and the monthly cycle on generated archives (scripts/bench/build-bench.ts).
 */
import os from 'node:os';
import path from 'node:path';
import { environment } from '../src/site/environment.ts';
import { parseArgs } from 'node:util';
import { runBuildBench } from './bench/build-bench.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', multiple: true },
    copies: { type: 'string', default: '10' },
    dir: {
      type: 'string',
      default: environment.benchDir ?? path.join(os.tmpdir(), 'zhengxie-bench'),
    },
    keep: { type: 'boolean', default: false },
  },
});

await runBuildBench({
  // --n 0 skips the generated archives (to time only the corpus copies).
  sizes: (args.n ?? ['1000', '10000']).map(Number),
  copies: Number(args.copies),
  dir: path.resolve(args.dir ?? ''),
  keep: args.keep === true,
});

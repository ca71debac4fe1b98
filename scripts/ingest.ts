/**
 * npm run ingest [-- --check] [-- --skip-bad] [-- --report FILE] [-- --sources DIR --out DIR]
 * Sources → MDX articles (scripts/ingest/run.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runIngest } from './ingest/run.ts';
import { sha256 } from './model/hash.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'skip-bad': { type: 'boolean', default: false },
    sources: { type: 'string', default: path.join(root, 'src/content/sources') },
    out: { type: 'string', default: path.join(root, 'src/content/articles') },
    cache: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});
const outDir = path.resolve(args.out!);

process.exitCode = await runIngest({
  root,
  sourcesDir: path.resolve(args.sources!),
  outDir,
  manifestFile: path.resolve(
    args.cache ??
      path.join(root, 'node_modules/.cache/zhengxie-ingest', `${sha256(outDir).slice(0, 12)}.json`),
  ),
  check: args.check!,
  skipBad: args['skip-bad']!,
  quiet: args.quiet!,
  report: args.report,
});

import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Three layers, all run by `npm test`; each can run alone (`npm run test:unit`, `test:tools`, `test:site`).
 * - site: reads the shared build of the shipped archive (dist/, built once by the global setup),
 *   drives a browser, or builds a site of its own.
 * - tools: no site build, but child processes and whole corpora: the ingest command line on
 *   throwaway folders (killed mid-write, run with --check), the pipeline over every shared report,
 *   the thread pool, the benchmark's process-tree meter. Minutes, not seconds.
 * - unit: everything else, in process, in seconds.
 */
const SITE_LAYER = [
  'tests/site/**/*.test.ts',
  'tests/browser/**/*.test.ts',
  'tests/build/**/*.test.ts',
  'tests/hostile/hostile-site.test.ts',
  'tests/hostile/html-validate.test.ts',
  'tests/hostile/reproducible-build.test.ts',
];
const TOOLS_LAYER = [
  'tests/tools/**/*.test.ts',
  'tests/hostile/ingest-cli.test.ts',
  'tests/hostile/editorial-cli.test.ts',
  'tests/unit/ingest-report.test.ts',
  'tests/unit/ingest-check.test.ts',
  'tests/unit/pipeline.test.ts',
  'tests/scale/convert-pool.test.ts',
  'tests/scale/ingest-incremental.test.ts',
  'tests/scale/measure-tree.test.ts',
];

/**
 * The unit and tools layers have no site build: a test there that reads dist/ by mistake fails on a
 * missing folder named for the mistake, not on whatever an earlier build left in dist/.
 */
const NO_SITE_BUILD = {
  DIST_DIR: path.join(os.tmpdir(), 'unit-and-tools-tests-have-no-site-build'),
};

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests share one Chromium per file; two cores cannot run many at once.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...SITE_LAYER, ...TOOLS_LAYER],
          env: NO_SITE_BUILD,
        },
      },
      {
        extends: true,
        test: { name: 'tools', include: TOOLS_LAYER, env: NO_SITE_BUILD },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_LAYER,
          // One build of the shipped sources serves every test here.
          globalSetup: ['tests/setup/build-site.ts'],
        },
      },
    ],
  },
});

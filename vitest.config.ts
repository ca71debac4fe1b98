import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Three layers, all run by `npm test`; each can run alone (`npm run test:unit`, `test:tools`, `test:site`).
 * A test file's folder decides its layer:
 * - site: tests/site (reads the shared build of the shipped archive, dist/, built once by the global
 *   setup), tests/browser (drives Chromium over it) and tests/build (builds a site of its own).
 * - tools: tests/tools. No site build, but child processes and whole corpora: the ingest command line
 *   on throwaway folders (killed mid-write, run with --check), the pipeline over every shared report,
 *   the thread pool, the benchmark's process-tree meter. Minutes, not seconds.
 * - unit: tests/unit. In process, in seconds.
 * - lighthouse: tests/lighthouse. Scores pages of the shared build; `npm test` runs it after the
 *   other three, alone, since a busy CPU lowers the performance score.
 * A file anywhere else under tests/ runs in no layer, and the check below stops the run naming it.
 */
const SITE_LAYER = [
  'tests/site/**/*.test.ts',
  'tests/browser/**/*.test.ts',
  'tests/build/**/*.test.ts',
];
const TOOLS_LAYER = ['tests/tools/**/*.test.ts'];
/** Lighthouse scores performance from what the CPU manages: it runs after the rest, on its own. */
const LIGHTHOUSE_LAYER = ['tests/lighthouse/**/*.test.ts'];
const UNIT_LAYER = ['tests/unit/**/*.test.ts'];

const LAYER_FOLDERS = ['unit', 'tools', 'site', 'browser', 'build', 'lighthouse'];
const strays = fs
  .readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && !LAYER_FOLDERS.includes(f.split(path.sep)[0]));
if (strays.length > 0)
  throw new Error(
    `Test files outside a layer folder (tests/${LAYER_FOLDERS.join(', tests/')}): ${strays.join(', ')}`,
  );

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
          include: UNIT_LAYER,
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
      {
        extends: true,
        test: {
          name: 'lighthouse',
          include: LIGHTHOUSE_LAYER,
          globalSetup: ['tests/setup/build-site.ts'],
        },
      },
    ],
  },
});

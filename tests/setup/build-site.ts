import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '../helpers/child-env.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the archive from the shipped sources exactly as `npm run build` does (`astro build`, whose
 * integrations ingest the sources and write the search index), once per run of the site layer, so
 * dist/ tests and browser tests see what a reader gets. SKIP_SITE_BUILD=1 reuses an existing dist/
 * while iterating locally; CI never sets it.
 */
export default function setup(): void {
  if (process.env.SKIP_SITE_BUILD === '1') return;
  const env = childEnvironment('SEARCH_INDEX');
  execFileSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

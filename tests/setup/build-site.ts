import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the archive from the shipped sources exactly as `npm run build` does, once per test run,
 * so dist/ tests and browser tests see what a reader gets. SKIP_SITE_BUILD=1 reuses an existing
 * dist/ while iterating locally; CI never sets it.
 */
export default function setup(): void {
  if (process.env.SKIP_SITE_BUILD === '1') return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
}

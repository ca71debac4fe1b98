/**
 * Vitest's process.env, less what would change a child `astro build` or `astro dev`:
 * - Vite's import.meta.env keys, which Vitest copies in. Passed on, they override the child's own,
 *   e.g. BASE_URL '/' beats BASE_PATH and un-bases every url().
 * - Vitest's own markers. Under VITEST, Astro's dev server installs no page handler at all, so every
 *   page of a dev server started from a test answers "Cannot GET".
 * `drop` names further keys the caller sets itself.
 */
export function childEnvironment(...drop: string[]): NodeJS.ProcessEnv {
  const viteKeys = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', ...drop]);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !viteKeys.has(key) && !/^VITEST/.test(key)),
  );
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childEnvironment } from './child-env.ts';
import { NPM_PATH, ROOT } from './paths.ts';
import { copyProject } from './project-copy.ts';

/**
 * Builds the site from a given articles folder (default: the committed articles, as the global
 * build ingested them) into a given dist folder with `astro build`, which writes the Pagefind index
 * too unless `search: false` (SEARCH_INDEX=off). ARTICLES_DIR and DIST_DIR keep it apart from the
 * shipped archive and from other builds running at the same time; given ARTICLES_DIR, the build
 * ingests nothing.
 */
export function buildArchive(
  distDir: string,
  articlesDir?: string,
  extraEnv: Record<string, string> = {},
  { search = true } = {},
): void {
  fs.rmSync(distDir, { recursive: true, force: true });
  // A cold build: Astro's content-layer cache from a build of another articles folder still points
  // at that folder's files (its content-modules import them), and the build fails resolving them.
  fs.rmSync(`${distDir}-cache`, { recursive: true, force: true });
  const inherited = childEnvironment('SEARCH_INDEX');
  // Astro keeps generated modules in <root>/.astro/ (content-modules.mjs lists the articles folder's
  // files) and prerender chunks under the working directory: builds of different articles folders
  // running at once from one checkout overwrite each other's and fail at random. Each build runs
  // from its own copy of the project, with node_modules linked in.
  const root = `${distDir}-root`;
  const env = {
    ...inherited,
    PATH: NPM_PATH,
    DIST_DIR: distDir,
    ARTICLES_DIR: articlesDir ?? path.join(root, 'src/content/articles'),
    ...(search ? {} : { SEARCH_INDEX: 'off' }),
    // e.g. BASE_PATH and SITE_URL for a build deployed under a sub-path.
    ...extraEnv,
  };
  copyProject(root);
  execFileSync('node', [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

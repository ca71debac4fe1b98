import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site the tests read; DIST_DIR keeps parallel runs apart. */
export const DIST = path.resolve(ROOT, process.env.DIST_DIR ?? 'dist');
export const SOURCES = path.join(ROOT, 'src/content/sources');
export const ARTICLES = path.join(ROOT, 'src/content/articles');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
/** npm's PATH: node_modules/.bin first, so a child's `node` is the project's Node 24, as under `npm run`. */
export const NPM_PATH = `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`;
/**
 * The 72 public-domain government work reports shared with this project: beside the checkout, or
 * where GOV_REPORTS_DIR says (a worktree elsewhere, a CI cache).
 */
export const GOV_REPORTS = path.resolve(
  ROOT,
  process.env.GOV_REPORTS_DIR ?? '../shared/corpus/gov-work-reports',
);

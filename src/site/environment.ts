/**
 * Every environment variable the build and the commands read, in one place, each with what it does
 * and its default. Each is read when asked for, not when this module loads, so a command or a test
 * that sets one before calling in sees it. (The browser code gets the base path from Vite's
 * import.meta.env.BASE_URL, which the build fills in from BASE_PATH.)
 */
const read = (name: string): string | undefined => process.env[name] || undefined;

export const environment = {
  /** BASE_PATH: the sub-path the site is deployed under, e.g. "/xuexi/" on an intranet. Default "/". */
  get basePath(): string {
    return read('BASE_PATH') ?? '/';
  },
  /** SITE_URL: the site's public address, printed in the sitemap, the feed and under handout texts. */
  get siteUrl(): string | undefined {
    return read('SITE_URL');
  },
  /** DIST_DIR: where the build writes the site (default dist/); parallel builds each set their own. */
  get distDir(): string | undefined {
    return read('DIST_DIR');
  },
  /**
   * ARTICLES_DIR: build from articles in another folder (a benchmark's, a test's) instead of
   * src/content/articles; ingest does not run before such a build.
   */
  get articlesDir(): string | undefined {
    return read('ARTICLES_DIR');
  },
  /** SEARCH_INDEX=off: build without the Pagefind index (faster; the search page then finds nothing). */
  get searchIndexOff(): boolean {
    return read('SEARCH_INDEX') === 'off';
  },
  /** PAGEFIND_SHARD_PAGES: articles per Pagefind index shard (default 2000). */
  get pagefindShardPages(): number {
    return Number(read('PAGEFIND_SHARD_PAGES') ?? 2000);
  },
  /** CHROMIUM_PATH: the Chromium that prints handouts and runs the browser tests (default Debian's /usr/bin/chromium). */
  get chromiumPath(): string {
    return read('CHROMIUM_PATH') ?? '/usr/bin/chromium';
  },
  /** CI: set by CI services; progress lines are then printed whole rather than redrawn. */
  get ci(): boolean {
    return read('CI') !== undefined;
  },
  /** INIT_CWD: set by npm to the folder a command was typed in, where a relative --out is written. */
  get commandFolder(): string {
    return read('INIT_CWD') ?? process.cwd();
  },
  /**
   * npm_execpath: set by npm to its own command line (npm-cli.js) when a command runs under `npm run`,
   * so a command can run npm again with the same npm and Node rather than whatever is on the PATH.
   */
  get npmCommandLine(): string | undefined {
    return read('npm_execpath');
  },
  /** npm_lifecycle_event: set by npm to the script running, e.g. "build" under `npm run build`. */
  get npmScript(): string | undefined {
    return read('npm_lifecycle_event');
  },
  /** BENCH_DIR: where npm run bench builds its archives (default a folder under the system's temp). */
  get benchDir(): string | undefined {
    return read('BENCH_DIR');
  },
};

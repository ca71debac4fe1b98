/**
 * Builds a benchmark archive: the shipped sources plus either the 72 shared government work reports
 * (a shared report with the same file name replaces the shipped copy, so no text is there twice)
 * or, with `studyArticles`, that many study-length articles cut from them (the study corpus of
 * `npm run bench`), ingested into a temporary articles folder, built by Astro (ARTICLES_DIR,
 * DIST_DIR), indexed by our scripts/search-index.ts and, for comparison, by the default Pagefind CLI
 * into pagefind-default/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeStudySources } from '../study-corpus.ts';

export interface BuiltArchive {
  dist: string;
  pages: number;
}

export function buildArchive(
  root: string,
  work: string,
  govReports: string,
  studyArticles = 0,
): BuiltArchive {
  const sources = path.join(work, 'sources');
  const articles = path.join(work, 'articles');
  const dist = path.join(work, 'dist');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.cpSync(path.join(root, 'src/content/sources'), sources, { recursive: true });
  if (studyArticles > 0) writeStudySources(govReports, sources, studyArticles);
  else {
    const reports = path.join(sources, '政府工作报告');
    fs.mkdirSync(reports, { recursive: true });
    for (const f of fs.readdirSync(govReports))
      if (f.endsWith('.txt')) fs.copyFileSync(path.join(govReports, f), path.join(reports, f));
  }

  // Each index is timed on its own below, so astro build leaves ours out (SEARCH_INDEX=off).
  const env = {
    ...process.env,
    ARTICLES_DIR: articles,
    DIST_DIR: dist,
    ASTRO_TELEMETRY_DISABLED: '1',
    SEARCH_INDEX: 'off',
  };
  const node = process.execPath;
  const run = (what: string, cmd: string, args: string[]) => {
    const started = Date.now();
    execFileSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`  ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  run('导入 ingest', node, [
    'scripts/ingest.ts',
    '--sources',
    sources,
    '--out',
    articles,
    '--cache',
    path.join(work, 'ingest-cache.json'),
    '--quiet',
  ]);
  run('astro build', path.join(root, 'node_modules/.bin/astro'), ['build', '--silent']);
  run('本项目索引 scripts/search-index.ts', node, ['scripts/search-index.ts']);
  run('默认 Pagefind', path.join(root, 'node_modules/.bin/pagefind'), [
    '--site',
    dist,
    '--output-subdir',
    'pagefind-default',
    '--silent',
  ]);
  const pages = fs.readdirSync(path.join(dist, 'pagefind/fragment')).length;
  return { dist, pages };
}

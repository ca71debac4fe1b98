/**
 * Which of the repository's files a package holds: the project as an office runs it (sources,
 * editorial files, generated articles, study data, the site and its build scripts, config, the
 * README) and the platform's launchers. Not the tests, the lint and test config, or CI.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from './platforms.ts';

/** The top-level paths a package holds, besides the launchers. */
export const PROJECT_PATHS = [
  'src',
  'scripts',
  'public',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'README.md',
  '.nvmrc',
];

/**
 * The files under PROJECT_PATHS that git tracks or would track (untracked but not ignored: an
 * office's new sources count; builds, caches and half-written ingests do not), plus the platform's
 * launchers at the root. Paths are relative, with forward slashes.
 */
export function projectFiles(root: string, platform: Platform): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...PROJECT_PATHS],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
    .split('\0')
    .filter(Boolean);
  const launchers = fs
    .readdirSync(root)
    .filter((name) => name.endsWith(platform.launcherExtension));
  // A tracked file deleted in the work tree is still in git's index: leave it out.
  return [...new Set([...listed, ...launchers])]
    .filter((file) => fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile())
    .sort();
}

/** Copies the files, keeping their modes (a launcher's execute bit). */
export function copyProject(root: string, files: readonly string[], into: string): void {
  for (const file of files) {
    const target = path.join(into, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, file), target);
    fs.chmodSync(target, fs.statSync(path.join(root, file)).mode);
  }
}

/**
 * Smaller node_modules: clean-modules removes what no program loads — tests, docs, source maps,
 * C sources and headers, CI and editor files — by its default patterns, less the ones below.
 */
import { clean } from 'clean-modules';

/**
 * Patterns clean-modules would remove by default that a package here needs.
 * - `.ts`: some packages ship TypeScript that Vite compiles at build time (astro/components/index.ts).
 * - licences and notices: the packages' licences require them in every copy handed on.
 * - images: a package may serve one (clean-modules' own list says "likely safe", not safe).
 */
const KEEP = [
  '!*.ts',
  '!licen@(s|c)e*',
  '!*.licen@(s|c)e*',
  '!notice*(.*)',
  '!copying*(.*)',
  '!ThirdPartyNotice*(.*)',
  '!CopyrightNotice*(.*)',
  '!*.@(jpg|jpeg|png|gif|bmp|ico|webp)',
];

export async function pruneNodeModules(
  nodeModules: string,
): Promise<{ files: number; bytes: number }> {
  const result = await clean({ directory: nodeModules, globs: KEEP, globFile: '' });
  if (result.failures.length > 0)
    throw new Error(
      `clean-modules: ${result.failures.map((f) => `${f.phase} ${f.path}: ${f.message}`).join('; ')}`,
    );
  return { files: result.removedFilesCount, bytes: result.reducedSize };
}

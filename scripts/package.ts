/**
 * npm run package [-- --platform win-x64 --platform linux-arm64] [--out packages]
 *
 * Writes one zip per platform (default: all of scripts/package/platforms.ts) that runs the
 * archive's desk, build and preview on a machine with no network: the project, its Node 24 and
 * node_modules installed for that platform. Needs npm's registry (or its cache) for the packages
 * of the other platforms.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPackage } from './package/build-packages.ts';
import { PLATFORMS, platformById } from './package/platforms.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    platform: { type: 'string', multiple: true },
    out: { type: 'string', default: 'packages' },
  },
});
const platforms = values.platform ? values.platform.map(platformById) : PLATFORMS;
const outDir = path.resolve(root, values.out);

for (const platform of platforms) {
  const result = await buildPackage(root, platform, outDir, (line) => console.log(line));
  console.log(
    `${path.relative(root, result.zip)}: ${(result.bytes / 1024 / 1024).toFixed(1)} MiB, ` +
      `${result.seconds.toFixed(0)} s; 原生包 / native packages: ` +
      result.nativePackages.map((p) => p.name).join(', '),
  );
}

/**
 * One offline package: the project, copied into a staging folder; node_modules installed there by
 * npm for the platform (Node included); pruned; zipped under packages/.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkNativePackages, installFor, readLockfile } from './install.ts';
import type { Lockfile, NativePackage } from './native-packages.ts';
import type { Platform } from './platforms.ts';
import { packageFileName } from './platforms.ts';
import { bundleOnlyPackages } from './prebuilt-bundles.ts';
import { copyProject, projectFiles } from './project-files.ts';
import { pruneNodeModules } from './prune.ts';
import { writeZip } from './zip.ts';

export interface PackageResult {
  platform: Platform;
  zip: string;
  bytes: number;
  seconds: number;
  nativePackages: NativePackage[];
  pruned: { files: number; bytes: number };
}

/** The folder every package unpacks into; versioned, so a newer one unpacks beside the old one. */
export function topFolder(version: string): string {
  return `zhengxie-${version}`;
}

export async function buildPackage(
  root: string,
  platform: Platform,
  outDir: string,
  log: (line: string) => void,
): Promise<PackageResult> {
  const started = performance.now();
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const stage = path.join(outDir, '.stage', platform.id);
  const top = topFolder(version);
  const project = path.join(stage, top);
  fs.rmSync(stage, { recursive: true, force: true });

  log(`${platform.id}: 复制项目 / copying the project`);
  copyProject(root, projectFiles(root, platform), project);
  log(`${platform.id}: npm ci --os=${platform.npm.os} --cpu=${platform.npm.cpu}`);
  installFor(platform, project);
  const lock = readLockfile(project);
  const nativePackages = checkNativePackages(platform, project, lock);
  const unused = removeBundleOnlyPackages(project, lock);
  log(
    `${platform.id}: 去掉只用于预构建包的依赖 / removed ${unused} packages only a prebuilt bundle uses`,
  );
  const pruned = await pruneNodeModules(path.join(project, 'node_modules'));
  log(`${platform.id}: 清理 / pruned ${pruned.files} files, ${(pruned.bytes / 1e6).toFixed(1)} MB`);

  const zip = path.join(outDir, packageFileName(version, platform));
  log(`${platform.id}: 压缩 / zipping`);
  await writeZip(stage, top, zip);
  writeChecksum(zip);
  fs.rmSync(stage, { recursive: true, force: true });
  return {
    platform,
    zip,
    bytes: fs.statSync(zip).size,
    seconds: (performance.now() - started) / 1000,
    nativePackages,
    pruned,
  };
}

/** Removes what bundleOnlyPackages finds in the project's lock file; returns how many were there. */
function removeBundleOnlyPackages(project: string, lock: Lockfile): number {
  const installed = bundleOnlyPackages(lock)
    .map((location) => path.join(project, location))
    .filter((dir) => fs.existsSync(dir));
  for (const dir of installed) fs.rmSync(dir, { recursive: true, force: true });
  return installed.length;
}

/**
 * <zip>.sha256 in `sha256sum` format, so whoever carries the zip across into the office network can
 * check it arrived whole (`sha256sum -c`, or `certutil -hashfile <zip> SHA256` on Windows).
 */
function writeChecksum(zip: string): void {
  const digest = createHash('sha256').update(fs.readFileSync(zip)).digest('hex');
  fs.writeFileSync(`${zip}.sha256`, `${digest}  ${path.basename(zip)}\n`);
}

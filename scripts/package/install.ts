/**
 * node_modules for another platform, installed by npm itself: `npm ci --os --cpu --libc` picks
 * each native package's binary for that platform from the lock file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { environment } from '../../src/site/environment.ts';
import type { Lockfile, NativePackage } from './native-packages.ts';
import { nativePackagesFor } from './native-packages.ts';
import type { Platform } from './platforms.ts';

/** The npm arguments: run-time dependencies only, for the platform, without touching the network when npm's cache has a package. */
export function npmCiArguments(platform: Platform): string[] {
  return [
    'ci',
    `--os=${platform.npm.os}`,
    `--cpu=${platform.npm.cpu}`,
    ...(platform.npm.libc ? [`--libc=${platform.npm.libc}`] : []),
    '--omit=dev',
    // The launchers call node_modules/node-*/bin/node directly, so no .bin links: a zip for
    // Windows cannot hold symbolic links.
    '--no-bin-links',
    // Install scripts would run this machine's tools against another platform's binaries; the
    // packages used here ship their binaries as optional dependencies and need none.
    '--ignore-scripts',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
  ];
}

/** Installs into `dir` (which holds package.json and package-lock.json) for the platform. */
export function installFor(platform: Platform, dir: string): void {
  // Under `npm run`, npm says where its own command line is; otherwise npm on the PATH.
  const npmCli = environment.npmCommandLine;
  const [command, args] = npmCli?.endsWith('.js')
    ? [process.execPath, [npmCli, ...npmCiArguments(platform)]]
    : ['npm', npmCiArguments(platform)];
  execFileSync(command, args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The package-lock.json of the project copy in `dir`. */
export function readLockfile(dir: string): Lockfile {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8')) as Lockfile;
}

/** Every native package the lock file names for the platform is installed in `dir`; returns them. */
export function checkNativePackages(
  platform: Platform,
  dir: string,
  lock: Lockfile,
): NativePackage[] {
  const expected = nativePackagesFor(lock, platform);
  const missing = expected.filter(
    (p) => !fs.existsSync(path.join(dir, 'node_modules', p.name, 'package.json')),
  );
  if (missing.length > 0)
    throw new Error(
      `${platform.id}: npm 没有装上 / npm did not install ${missing.map((p) => p.name).join(', ')}`,
    );
  const node = path.join(dir, 'node_modules', platform.node.packageName, platform.node.executable);
  if (!fs.existsSync(node)) throw new Error(`${platform.id}: 没有 Node / no Node at ${node}`);
  return expected;
}

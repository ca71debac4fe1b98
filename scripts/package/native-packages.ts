/**
 * The packages whose only content is a binary for one platform (Pagefind, Rolldown, esbuild,
 * @node-rs/jieba, lightningcss, sharp, the Astro compiler …), read from package-lock.json rather
 * than listed by hand: npm records each one's `os`, `cpu` and `libc`, and installs the ones that
 * match the platform it installs for.
 */
import type { Platform } from './platforms.ts';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  os?: string | string[];
  cpu?: string | string[];
  libc?: string | string[];
  dev?: boolean;
}

export type { LockEntry };

export interface Lockfile {
  packages: Record<string, LockEntry>;
}

export interface NativePackage {
  name: string;
  version: string;
}

/** The run-time (not dev) packages that npm installs only on `platform`, Node itself included. */
export function nativePackagesFor(lock: Lockfile, platform: Platform): NativePackage[] {
  const found: NativePackage[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (entry.dev || (!entry.os && !entry.cpu)) continue;
    if (!allows(entry.os, platform.npm.os) || !allows(entry.cpu, platform.npm.cpu)) continue;
    if (platform.npm.libc && !allows(entry.libc, platform.npm.libc)) continue;
    found.push({ name: location.replace(/^.*node_modules\//, ''), version: entry.version ?? '' });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** npm's rule: no list allows all; a list allows what it names, or all but what it negates. */
function allows(list: string | string[] | undefined, value: string): boolean {
  if (list === undefined) return true;
  const items = Array.isArray(list) ? list : [list];
  if (items.includes(`!${value}`)) return false;
  const positives = items.filter((i) => !i.startsWith('!'));
  return positives.length === 0 || positives.includes(value);
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lockfile } from '../../scripts/package/native-packages.ts';
import { nativePackagesFor } from '../../scripts/package/native-packages.ts';
import { PLATFORMS, platformById } from '../../scripts/package/platforms.ts';
import { binaryKind } from '../helpers/native-binaries.ts';
import { ROOT } from '../helpers/paths.ts';

/** The native packages each offline zip needs come from the lock file's os/cpu/libc. */
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;

describe('native packages from the lock file', () => {
  it.each(PLATFORMS.map((p) => [p.id]))('%s gets its own Node and no dev package', (id) => {
    const platform = platformById(id);
    const names = nativePackagesFor(lock, platform).map((p) => p.name);
    expect(names).toContain(platform.node.packageName);
    for (const other of PLATFORMS.filter((p) => p !== platform))
      expect(names).not.toContain(other.node.packageName);
    const dev = Object.entries(lock.packages)
      .filter(([, entry]) => entry.dev)
      .map(([location]) => location.replace(/^.*node_modules\//, ''));
    expect(names.filter((n) => dev.includes(n))).toEqual([]);
  });

  it('a package built for several platforms, or all but one, follows npm’s rule', () => {
    const fake: Lockfile = {
      packages: {
        'node_modules/a': { version: '1', os: ['linux', 'win32'], cpu: 'x64' },
        'node_modules/b': { version: '1', os: '!win32', cpu: ['arm64'] },
        'node_modules/c': { version: '1', os: 'linux', cpu: 'x64', libc: ['musl'] },
        'node_modules/d': { version: '1', os: 'win32', cpu: 'x64', dev: true },
      },
    };
    const names = (id: string) => nativePackagesFor(fake, platformById(id)).map((p) => p.name);
    expect(names('win-x64')).toEqual(['a']);
    expect(names('linux-x64')).toEqual(['a']);
    expect(names('linux-arm64')).toEqual(['b']);
  });
});

describe('native binaries by their first bytes', () => {
  it('reads this Node as an ELF or PE file for this machine', () => {
    const head = Buffer.alloc(4096);
    const fd = fs.openSync(process.execPath, 'r');
    fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    const kind = binaryKind('node', head);
    const machines: Record<string, number> = { x64: 62, arm64: 183 };
    if (process.platform === 'linux')
      expect(kind).toEqual({ path: 'node', format: 'ELF', machine: machines[process.arch] });
    else expect(kind?.format).toBe('PE');
  });

  it('reads a PE header at the offset the DOS header gives, and nothing from text', () => {
    const pe = Buffer.alloc(512);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    pe.writeUInt16LE(0xaa64, 0x84);
    expect(binaryKind('x.node', pe)).toEqual({ path: 'x.node', format: 'PE', machine: 0xaa64 });
    expect(
      binaryKind('README', Buffer.from('MZ is not a binary here, nor is ELF')),
    ).toBeUndefined();
  });
});

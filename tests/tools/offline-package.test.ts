import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topFolder } from '../../scripts/package/build-packages.ts';
import type { Lockfile } from '../../scripts/package/native-packages.ts';
import { nativePackagesFor } from '../../scripts/package/native-packages.ts';
import { PLATFORMS, packageFileName, platformById } from '../../scripts/package/platforms.ts';
import { buildArchive } from '../helpers/build-archive.ts';
import { snapshot } from '../helpers/ingest-cli.ts';
import { nativeBinariesInZip } from '../helpers/native-binaries.ts';
import { ROOT } from '../helpers/paths.ts';

/**
 * The offline packages as an office gets them (issue 24). `npm run package` writes a zip per
 * platform; the linux-x64 one, unzipped into an empty folder, builds with its 生成网站 launcher — in
 * a network namespace with no network, a bare environment and an empty home — the same dist/ as a
 * normal build of the repository. Every zip holds a native binary for each native package the lock
 * file names for its platform, and no native binary for any other machine.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-package-'));
const packagesDir = path.join(work, 'packages');
const normalDist = path.join(work, 'normal-dist');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/package.ts', '--out', packagesDir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}, 1_800_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  for (const suffix of ['', '-root', '-cache'])
    fs.rmSync(`${normalDist}${suffix}`, { recursive: true, force: true });
});

const home = path.join(work, 'home');

/** The linux-x64 zip unzipped into an empty folder, once; the project folder in it. */
function unpackLinuxX64(): string {
  const unpacked = path.join(work, 'unpacked');
  const project = path.join(unpacked, topFolder(version));
  if (fs.existsSync(project)) return project;
  fs.mkdirSync(unpacked);
  fs.mkdirSync(home, { recursive: true });
  // unzip writes UTF-8 names (编辑资料库.sh) as they are only in a UTF-8 locale, as on a desktop.
  const zip = path.join(packagesDir, packageFileName(version, platformById('linux-x64')));
  execFileSync('unzip', ['-q', zip], { cwd: unpacked, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  return project;
}

/**
 * Runs `command` in a network namespace of its own (no network; --map-root-user lets a developer
 * who is not root run it too) and a process namespace of its own (whatever it started ends with
 * it), with a bare environment and an empty home, as on a machine that never saw the project.
 */
function runOffline(command: string[]): string {
  return execFileSync(
    'unshare',
    [
      '--map-root-user',
      '--net',
      '--pid',
      '--fork',
      'env',
      '-i',
      `HOME=${home}`,
      'PATH=/usr/bin:/bin:/usr/sbin:/sbin',
      'LANG=C.UTF-8',
      ...command,
    ],
    { cwd: home, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/**
 * Inside the namespace: loopback up (and nothing else), the desk launcher started, then the desk's
 * page, Decap's bundle and its configuration fetched with the package's own Node; prints each
 * address's status.
 */
const DESK_CHECK = `
ip link set lo up
sh "$1/编辑资料库.sh" --port 4471 --no-open > "$HOME/desk.log" 2>&1 &
for i in $(seq 1 180); do grep -q 编辑台已就绪 "$HOME/desk.log" && break; sleep 1; done
cat "$HOME/desk.log"
"$1/$2" --input-type=module -e '
for (const p of ["admin/", "admin/decap/decap-cms.js", "admin/config.json"])
  console.log("STATUS", p, (await fetch("http://127.0.0.1:4471/" + p)).status);
'
`;

describe('offline packages', () => {
  it('writes one zip per platform, with its checksum', () => {
    const written = fs.readdirSync(packagesDir).filter((f) => f.endsWith('.zip'));
    expect(written.sort()).toEqual(PLATFORMS.map((p) => packageFileName(version, p)).sort());
    // Each has a checksum to carry with it; sha256sum -c fails on a missing or wrong one.
    execFileSync('sha256sum', ['--check', '--strict', ...written.map((z) => `${z}.sha256`)], {
      cwd: packagesDir,
      stdio: 'ignore',
    });
  });

  it.each(PLATFORMS.map((p) => [p.id]))(
    '%s: Node and a binary for every native package, all built for the platform',
    async (id) => {
      const platform = platformById(id);
      const zip = path.join(packagesDir, packageFileName(version, platform));
      const { binaries, entries } = await nativeBinariesInZip(zip);
      const top = `${topFolder(version)}/`;
      expect(entries.every((e) => e.startsWith(top))).toBe(true);

      const foreign = binaries.filter(
        (b) => b.format !== platform.binary.format || b.machine !== platform.binary.machine,
      );
      expect(foreign, `${platform.binary.label} only`).toEqual([]);
      const node = `${top}node_modules/${platform.node.packageName}/${platform.node.executable}`;
      expect(binaries.map((b) => b.path)).toContain(node);
      for (const { name } of nativePackagesFor(lock, platform))
        expect(
          binaries.some((b) => b.path.startsWith(`${top}node_modules/${name}/`)),
          `${name} 有 ${platform.binary.label} 二进制文件`,
        ).toBe(true);

      // Pruned: no source maps; the launchers are the platform's own.
      expect(
        entries.filter((e) => e.startsWith(`${top}node_modules/`) && e.endsWith('.map')),
      ).toEqual([]);
      const launchers = entries.filter((e) => /^[^/]+\/[^/]+\.(cmd|sh)$/.test(e));
      expect(launchers.length).toBeGreaterThan(0);
      expect(launchers.every((e) => e.endsWith(platform.launcherExtension))).toBe(true);
    },
    300_000,
  );

  it('linux-x64, unzipped and run offline, builds the same dist/ as a normal build', () => {
    const project = unpackLinuxX64();
    // A new network namespace has no interface up, not even loopback: any request fails.
    const output = runOffline(['sh', path.join(project, '生成网站.sh')]);
    const offlineDist = path.join(project, 'dist');
    expect(output).toContain(offlineDist);

    buildArchive(normalDist);
    const [offline, normal] = [offlineDist, normalDist].map(snapshot);
    expect(Object.keys(offline).filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(0);
    expect(Object.keys(offline).sort()).toEqual(Object.keys(normal).sort());
    expect(Object.keys(offline).filter((f) => offline[f] !== normal[f])).toEqual([]);
  }, 900_000);

  it('linux-x64, unzipped and run offline, starts the desk with its 编辑资料库 launcher', () => {
    const project = unpackLinuxX64();
    const node = platformById('linux-x64').node;
    const output = runOffline([
      'sh',
      '-c',
      DESK_CHECK,
      'desk-check',
      project,
      `node_modules/${node.packageName}/${node.executable}`,
    ]);
    expect(output).toContain('编辑台已就绪');
    for (const page of ['admin/', 'admin/decap/decap-cms.js', 'admin/config.json'])
      expect(output, output).toContain(`STATUS ${page} 200`);
  }, 300_000);
});
